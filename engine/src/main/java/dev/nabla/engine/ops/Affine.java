package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.Backends;
import dev.nabla.engine.kernels.ElementWise;

/**
 * The dense layer's affine map as one fused op: y = x·W + b, or y = x·Wᵀ + b for a tied
 * (transposed) kernel. Fusing saves the separate broadcast add and its gradient reduction:
 * forward writes b into every row of y and lets one sgemm accumulate onto it (β = 1).
 * <pre>
 *   x: (B, in)   W: (in, out), or (out, in) when transposed   b: (out)   y: (B, out)
 *   dx = g·Wᵀ      (g·W when transposed)
 *   dW = xᵀ·g      (gᵀ·x when transposed)
 *   db = Σ_rows g
 * </pre>
 */
public final class Affine {
    private Affine() {}

    /** x·W + b ({@code bias} may be null). */
    public static Tensor affine(Tensor x, Tensor kernel, Tensor bias, boolean transposeKernel) {
        if (x.rank() != 2 || kernel.rank() != 2) {
            throw new IllegalArgumentException("affine: needs a 2-D input and kernel, got " + Shape.str(x.shape()) + " and " + Shape.str(kernel.shape()));
        }
        int rows = x.dim(0), in = x.dim(1);
        int kIn = transposeKernel ? kernel.dim(1) : kernel.dim(0), out = transposeKernel ? kernel.dim(0) : kernel.dim(1);
        if (kIn != in) {
            throw new IllegalArgumentException("affine: input " + Shape.str(x.shape()) + " does not match kernel " + Shape.str(kernel.shape())
                    + (transposeKernel ? " (transposed)" : "") + ": " + in + " features vs " + kIn);
        }
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != out)) {
            throw new IllegalArgumentException("affine: bias " + Shape.str(bias.shape()) + " does not match " + out + " outputs");
        }
        Tensor xc = x.contiguous(), w = kernel.contiguous();
        Tensor y = Tensor.zeros(rows, out);
        float[] yd = y.data();
        if (bias != null) {
            Tensor bc = bias.contiguous();
            for (int r = 0; r < rows; r++) System.arraycopy(bc.data(), bc.offset(), yd, r * out, out);
        }
        Backends.current().sgemm(false, transposeKernel, rows, out, in, 1f, xc.data(), xc.offset(), in,
                w.data(), w.offset(), out == 0 ? 1 : (transposeKernel ? in : out), bias == null ? 0f : 1f, yd, 0, out);
        return Autograd.record(y, "affine", g -> {
            Tensor gc = g.contiguous();
            return new Tensor[] {
                    x.requiresGrad() ? inputGrad(gc, w, rows, in, out, transposeKernel) : null,
                    kernel.requiresGrad() ? kernelGrad(gc, xc, rows, in, out, transposeKernel) : null,
                    bias != null && bias.requiresGrad() ? biasGrad(gc, rows, out) : null};
        }, x, kernel, bias == null ? Tensor.scalar(0f) : bias);
    }

    /** dx = g·Wᵀ: (B, out)·(out, in); with a transposed kernel W is stored (out, in), so dx = g·W. */
    private static Tensor inputGrad(Tensor g, Tensor w, int rows, int in, int out, boolean transposeKernel) {
        Tensor dx = Tensor.zeros(rows, in);
        Backends.current().sgemm(false, !transposeKernel, rows, in, out, 1f, g.data(), g.offset(), out,
                w.data(), w.offset(), transposeKernel ? in : out, 0f, dx.data(), 0, in);
        return dx;
    }

    /** dW = xᵀ·g: (in, B)·(B, out); for a transposed kernel dW = gᵀ·x: (out, B)·(B, in). */
    private static Tensor kernelGrad(Tensor g, Tensor x, int rows, int in, int out, boolean transposeKernel) {
        if (transposeKernel) {
            Tensor dw = Tensor.zeros(out, in);
            Backends.current().sgemm(true, false, out, in, rows, 1f, g.data(), g.offset(), out,
                    x.data(), x.offset(), in, 0f, dw.data(), 0, in);
            return dw;
        }
        Tensor dw = Tensor.zeros(in, out);
        Backends.current().sgemm(true, false, in, out, rows, 1f, x.data(), x.offset(), in,
                g.data(), g.offset(), out, 0f, dw.data(), 0, out);
        return dw;
    }

    /** db = column sums of g. */
    private static Tensor biasGrad(Tensor g, int rows, int out) {
        Tensor db = Tensor.zeros(out);
        for (int r = 0; r < rows; r++) ElementWise.accumulate(g.data(), g.offset() + r * out, db.data(), 0, out);
        return db;
    }
}
