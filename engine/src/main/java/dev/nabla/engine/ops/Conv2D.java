package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.autograd.GradMode;
import dev.nabla.engine.kernels.Backend;
import dev.nabla.engine.kernels.ConvShape;
import dev.nabla.engine.kernels.Storage;

/**
 * 2-D convolution (cross-correlation, as in every framework) of a channels-last batch:
 * y[n, oh, ow, f] = b[f] + Σ_{ki, kj, c} x[n, oh·sH − padTop + ki, ow·sW − padLeft + kj, c] · K[ki, kj, c, f].
 *
 * <p>Computed as one GEMM on the im2col matrix (see {@link Convolution}); the kernel in Keras's
 * layout (kH, kW, C, F) is already the (kH·kW·C × F) matrix that product needs. When the kernel
 * will get a gradient, the forward pass keeps the lowered matrix for it (dK = Xᵀ·G reads the same
 * X), instead of writing it a second time in backward; otherwise it lives in a reused workspace.
 */
public final class Conv2D {
    private Conv2D() {}

    /**
     * @param x       (N, H, W, C)
     * @param kernel  (kH, kW, C, F)
     * @param bias    (F), or null for none
     * @return (N, outH, outW, F) with outH, outW from {@link Padding#outputSize}
     */
    public static Tensor conv2d(Tensor x, Tensor kernel, Tensor bias, int strideH, int strideW, Padding padding) {
        Convolution.checkShapes("conv2d", x, kernel, bias, 2, 3);
        Convolution.checkStrides("conv2d", strideH, strideW);
        int h = x.dim(1), w = x.dim(2), kH = kernel.dim(0), kW = kernel.dim(1), filters = kernel.dim(3);
        int outH = padding.outputSize(h, kH, strideH), outW = padding.outputSize(w, kW, strideW);
        if (outH <= 0 || outW <= 0) {
            throw new IllegalArgumentException("conv2d: a " + kH + "×" + kW + " kernel with " + padding + " padding does not fit input " + Shape.str(x.shape()));
        }
        ConvShape s = new ConvShape(x.dim(0), h, w, x.dim(3), kH, kW, strideH, strideW,
                padding.padBefore(h, kH, strideH), padding.padBefore(w, kW, strideW), outH, outW);
        Backend be = Dense.backend("conv2d", x, kernel, bias);
        Tensor xc = Dense.of(x), kc = Dense.of(kernel);
        Tensor out = Tensor.empty(be, s.batch(), outH, outW, filters);
        boolean kernelGradientAhead = GradMode.isEnabled() && kernel.requiresGrad();
        Storage lowered = Convolution.convolve(be, s, xc, kc, filters, out.storage(), 0, kernelGradientAhead);
        if (bias != null) Convolution.addBias(be, out.storage(), s.windows(), bias);

        // Y = X·K + b with X = im2col(x):  dx = col2im(G·Kᵀ),  dK = Xᵀ·G,  db = Σ_rows G
        return Autograd.record(out, "conv2d", (grad, needs) -> {
            Tensor g = Dense.of(grad);
            Tensor dx = null, dk = null;
            if (needs[0]) {
                dx = Tensor.empty(be, x.shape());
                Convolution.convolveAdjoint(be, s, g, kc, filters, dx.storage(), 0);
            }
            if (needs[1]) {
                dk = Tensor.empty(be, kernel.shape());
                Convolution.kernelGradient(be, s, xc, lowered, g, filters, dk.storage());
            }
            return new Tensor[] {dx, dk, needs[2] ? Convolution.biasGradient(be, g, filters) : null};
        }, x, kernel, bias);
    }
}
