package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.Backend;

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
        Backend be = Dense.backend("affine", x, kernel, bias);
        Tensor xc = Dense.of(x), w = Dense.of(kernel);
        Tensor y = Tensor.empty(be, rows, out);     // filled by the bias copy, else by sgemm with beta 0
        if (bias != null) {
            Tensor bc = Dense.of(bias);
            be.copy(new int[] {rows, out}, bc.storage(), bc.offset(), new int[] {0, 1}, y.storage(), 0, new int[] {out, 1});
        }
        be.sgemm(false, transposeKernel, rows, out, in, 1f, xc.storage(), xc.offset(), in,
                w.storage(), w.offset(), out == 0 ? 1 : (transposeKernel ? in : out), bias == null ? 0f : 1f, y.storage(), 0, out);
        // dx = g·Wᵀ (g·W when transposed),  dW = xᵀ·g (gᵀ·x when transposed),  db = Σ_rows g
        return Autograd.record(y, "affine", (grad, needs) -> {
            Tensor g = Dense.of(grad);
            return new Tensor[] {
                    needs[0] ? inputGrad(be, g, w, rows, in, out, transposeKernel) : null,
                    needs[1] ? kernelGrad(be, g, xc, rows, in, out, transposeKernel) : null,
                    needs[2] ? biasGrad(be, g, rows, out) : null};
        }, x, kernel, bias);
    }

    /** dx = g·Wᵀ: (B, out)·(out, in); with a transposed kernel W is stored (out, in), so dx = g·W. */
    private static Tensor inputGrad(Backend be, Tensor g, Tensor w, int rows, int in, int out, boolean transposeKernel) {
        Tensor dx = Tensor.empty(be, rows, in);
        be.sgemm(false, !transposeKernel, rows, in, out, 1f, g.storage(), g.offset(), out,
                w.storage(), w.offset(), transposeKernel ? in : out, 0f, dx.storage(), 0, in);
        return dx;
    }

    /** dW = xᵀ·g: (in, B)·(B, out); for a transposed kernel dW = gᵀ·x: (out, B)·(B, in). */
    private static Tensor kernelGrad(Backend be, Tensor g, Tensor x, int rows, int in, int out, boolean transposeKernel) {
        if (transposeKernel) {
            Tensor dw = Tensor.empty(be, out, in);
            be.sgemm(true, false, out, in, rows, 1f, g.storage(), g.offset(), out,
                    x.storage(), x.offset(), in, 0f, dw.storage(), 0, in);
            return dw;
        }
        Tensor dw = Tensor.empty(be, in, out);
        be.sgemm(true, false, in, out, rows, 1f, x.storage(), x.offset(), in,
                g.storage(), g.offset(), out, 0f, dw.storage(), 0, out);
        return dw;
    }

    /** db = column sums of g. */
    private static Tensor biasGrad(Backend be, Tensor g, int rows, int out) {
        Tensor db = Tensor.empty(be, out);
        be.sumAxis(g.storage(), g.offset(), 1, rows, out, db.storage(), 0);
        return db;
    }
}
