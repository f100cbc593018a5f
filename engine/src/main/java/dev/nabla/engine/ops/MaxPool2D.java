package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.Backend;
import dev.nabla.engine.kernels.ConvShape;

/**
 * Max pooling of a channels-last batch, as Keras's MaxPooling2D: with 'valid' padding (its
 * default) windows that do not fit are dropped, so an odd size floors (7×7 → 3×3 for a 2×2 pool);
 * with 'same' the output is ⌈in / s⌉ and the windows at the border see only the image (padding
 * is never the maximum), as TensorFlow's.
 */
public final class MaxPool2D {
    private MaxPool2D() {}

    /** x (N, H, W, C) → (N, outH, outW, C) with outH, outW from {@link Padding#outputSize}. */
    public static Tensor maxPool2d(Tensor x, int poolH, int poolW, int strideH, int strideW, Padding padding) {
        if (x.rank() != 4) throw new IllegalArgumentException("maxPool2d: input must be (batch, height, width, channels), got " + Shape.str(x.shape()));
        if (poolH <= 0 || poolW <= 0 || strideH <= 0 || strideW <= 0) {
            throw new IllegalArgumentException("maxPool2d: pool " + poolH + "×" + poolW + " and strides " + strideH + "×" + strideW + " must be positive");
        }
        int h = x.dim(1), w = x.dim(2);
        int outH = padding.outputSize(h, poolH, strideH), outW = padding.outputSize(w, poolW, strideW);
        if (outH == 0 || outW == 0) {
            throw new IllegalArgumentException("maxPool2d: a " + poolH + "×" + poolW + " pool does not fit input " + Shape.str(x.shape()));
        }
        ConvShape s = new ConvShape(x.dim(0), h, w, x.dim(3), poolH, poolW, strideH, strideW,
                padding.padBefore(h, poolH, strideH), padding.padBefore(w, poolW, strideW), outH, outW);
        Backend be = x.backend();
        Tensor xc = Dense.of(x);
        Tensor out = Tensor.empty(be, s.batch(), outH, outW, s.channels());
        be.maxPool(s, xc.storage(), xc.offset(), out.storage());
        // dx = g at each window's first maximum (summed where windows overlap), 0 elsewhere
        return Autograd.record(out, "maxPool2d", (grad, needs) -> {
            Tensor g = Dense.of(grad), dx = Tensor.empty(be, x.shape());
            be.maxPoolBackward(s, xc.storage(), xc.offset(), g.storage(), g.offset(), dx.storage());
            return new Tensor[] {dx};
        }, x);
    }
}
