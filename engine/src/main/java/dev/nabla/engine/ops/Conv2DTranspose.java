package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.Backend;
import dev.nabla.engine.kernels.ConvShape;
import dev.nabla.engine.kernels.Storage;

/**
 * Transposed 2-D convolution as TensorFlow defines it ({@code conv2d_transpose}, Keras's
 * {@code Conv2DTranspose}): the gradient of {@link Conv2D} with respect to its input. Each input
 * pixel scatters a kernel-weighted copy of itself onto the output:
 * y[n, ih·sH − padTop + ki, iw·sW − padLeft + kj, f] += x[n, ih, iw, c] · K[ki, kj, f, c], plus b[f].
 *
 * <p>The output size follows Keras ({@link Padding#transposedOutputSize}); the padding is that of
 * the forward convolution mapping the output back to the input, so with 'same', k = 3, s = 2 the
 * forward convolution pads 0 before and 1 after, and the result is the full transposed
 * convolution (2h + 1 rows) with its last row and column cut. PyTorch's
 * {@code padding=1, output_padding=1} gives the same size shifted by one pixel.
 *
 * <p>The kernel in Keras's layout (kH, kW, F, C) is the (kH·kW·F × C) matrix of that forward
 * convolution, so forward and backward reuse {@link Convolution} with the roles swapped.
 */
public final class Conv2DTranspose {
    private Conv2DTranspose() {}

    /**
     * @param x       (N, H, W, C)
     * @param kernel  (kH, kW, F, C)
     * @param bias    (F), or null for none
     * @return (N, outH, outW, F) with outH, outW from {@link Padding#transposedOutputSize}
     */
    public static Tensor conv2dTranspose(Tensor x, Tensor kernel, Tensor bias, int strideH, int strideW, Padding padding) {
        Convolution.checkShapes("conv2dTranspose", x, kernel, bias, 3, 2);
        return conv2dTranspose(x, kernel, bias, strideH, strideW, padding,
                padding.transposedOutputSize(x.dim(1), kernel.dim(0), strideH), padding.transposedOutputSize(x.dim(2), kernel.dim(1), strideW));
    }

    /**
     * The same with the output's height and width given, as TensorFlow's {@code output_shape}
     * (Keras's {@code output_padding} picks one of the sizes that the forward convolution maps
     * back to the input's).
     */
    public static Tensor conv2dTranspose(Tensor x, Tensor kernel, Tensor bias, int strideH, int strideW, Padding padding, int outH, int outW) {
        Convolution.checkShapes("conv2dTranspose", x, kernel, bias, 3, 2);
        Convolution.checkStrides("conv2dTranspose", strideH, strideW);
        int h = x.dim(1), w = x.dim(2), kH = kernel.dim(0), kW = kernel.dim(1), filters = kernel.dim(2), channels = x.dim(3);
        if (outH <= 0 || outW <= 0 || padding.outputSize(outH, kH, strideH) != h || padding.outputSize(outW, kW, strideW) != w) {
            throw new IllegalArgumentException("conv2dTranspose: an output of " + outH + "×" + outW + " is not one that a " + kH + "×" + kW + " convolution with strides "
                    + strideH + "×" + strideW + " and " + padding + " padding maps to the input " + Shape.str(x.shape()));
        }
        // The forward convolution of this adjoint pair: (N, outH, outW, F) → (N, H, W, C).
        ConvShape s = new ConvShape(x.dim(0), outH, outW, filters, kH, kW, strideH, strideW,
                padding.padBefore(outH, kH, strideH), padding.padBefore(outW, kW, strideW), h, w);
        Backend be = Dense.backend("conv2dTranspose", x, kernel, bias);
        Tensor xc = Dense.of(x), kc = Dense.of(kernel);
        Tensor out = Tensor.empty(be, s.batch(), outH, outW, filters);
        Convolution.convolveAdjoint(be, s, xc, kc, channels, out.storage(), 0);
        if (bias != null) Convolution.addBias(be, out.storage(), s.batch() * outH * outW, bias);

        // y = convᵀ(x):  dx = conv(G) = im2col(G)·K,  dK = im2col(G)ᵀ·X,  db = Σ over pixels of G
        return Autograd.record(out, "conv2dTranspose", (grad, needs) -> {
            Tensor g = Dense.of(grad);
            Tensor dx = null, dk = null;
            Storage lowered = null;     // im2col(G), built once for both products
            if (needs[0]) {
                dx = Tensor.empty(be, x.shape());
                lowered = Convolution.convolve(be, s, g, kc, channels, dx.storage(), 0, needs[1]);
            }
            if (needs[1]) {
                dk = Tensor.empty(be, kernel.shape());
                Convolution.kernelGradient(be, s, g, lowered, xc, channels, dk.storage());
            }
            return new Tensor[] {dx, dk, needs[2] ? Convolution.biasGradient(be, g, filters) : null};
        }, x, kernel, bias);
    }
}
