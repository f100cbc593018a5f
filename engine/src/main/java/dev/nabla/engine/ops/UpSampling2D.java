package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.Backend;

/** Nearest-neighbour upsampling of a channels-last batch: every pixel becomes an fH×fW block. */
public final class UpSampling2D {
    private UpSampling2D() {}

    /** x (N, H, W, C) → (N, H·fH, W·fW, C). */
    public static Tensor upSampling2d(Tensor x, int factorH, int factorW) {
        if (x.rank() != 4) throw new IllegalArgumentException("upSampling2d: input must be (batch, height, width, channels), got " + Shape.str(x.shape()));
        if (factorH <= 0 || factorW <= 0) throw new IllegalArgumentException("upSampling2d: factors must be positive, got " + factorH + "×" + factorW);
        int n = x.dim(0), h = x.dim(1), w = x.dim(2), c = x.dim(3);
        Backend be = x.backend();
        Tensor xc = Dense.of(x);
        Tensor out = Tensor.zeros(be, n, h * factorH, w * factorW, c);
        be.upsample(xc.storage(), xc.offset(), n, h, w, c, factorH, factorW, out.storage());
        // dx = g summed over each pixel's fH×fW block
        return Autograd.record(out, "upSampling2d", (grad, needs) -> {
            Tensor g = Dense.of(grad), dx = Tensor.zeros(be, x.shape());
            be.upsampleBackward(g.storage(), g.offset(), n, h, w, c, factorH, factorW, dx.storage());
            return new Tensor[] {dx};
        }, x);
    }
}
