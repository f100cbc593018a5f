package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.Backend;

/**
 * Max pooling of a channels-last batch with 'valid' padding (Keras's default for MaxPooling2D):
 * windows that do not fit are dropped, so an odd size floors (7×7 → 3×3 for a 2×2 pool).
 */
public final class MaxPool2D {
    private MaxPool2D() {}

    /** x (N, H, W, C) → (N, ⌊(H − pH) / sH⌋ + 1, ⌊(W − pW) / sW⌋ + 1, C). */
    public static Tensor maxPool2d(Tensor x, int poolH, int poolW, int strideH, int strideW) {
        if (x.rank() != 4) throw new IllegalArgumentException("maxPool2d: input must be (batch, height, width, channels), got " + Shape.str(x.shape()));
        if (poolH <= 0 || poolW <= 0 || strideH <= 0 || strideW <= 0) {
            throw new IllegalArgumentException("maxPool2d: pool " + poolH + "×" + poolW + " and strides " + strideH + "×" + strideW + " must be positive");
        }
        int n = x.dim(0), h = x.dim(1), w = x.dim(2), c = x.dim(3);
        int outH = Padding.VALID.outputSize(h, poolH, strideH), outW = Padding.VALID.outputSize(w, poolW, strideW);
        if (outH == 0 || outW == 0) {
            throw new IllegalArgumentException("maxPool2d: a " + poolH + "×" + poolW + " pool does not fit input " + Shape.str(x.shape()));
        }
        Backend be = x.backend();
        Tensor xc = Dense.of(x);
        Tensor out = Tensor.zeros(be, n, outH, outW, c);
        be.maxPool(xc.storage(), xc.offset(), n, h, w, c, poolH, poolW, strideH, strideW, outH, outW, out.storage());
        // dx = g at each window's first maximum (summed where windows overlap), 0 elsewhere
        return Autograd.record(out, "maxPool2d", (grad, needs) -> {
            Tensor g = Dense.of(grad), dx = Tensor.zeros(be, x.shape());
            be.maxPoolBackward(xc.storage(), xc.offset(), n, h, w, c, poolH, poolW, strideH, strideW, outH, outW,
                    g.storage(), g.offset(), dx.storage());
            return new Tensor[] {dx};
        }, x);
    }
}
