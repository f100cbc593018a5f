package dev.nabla.layers;

import dev.nabla.engine.Tensor;

import java.util.Map;

/** Nearest-neighbour upsampling of (H, W, C) images by an integer factor, as Keras's UpSampling2D. */
public class UpSampling2D extends Layer {
    private final int size;

    public UpSampling2D(int size) {
        if (size <= 0) throw new IllegalArgumentException("UpSampling2D: size must be positive, got " + size);
        this.size = size;
    }

    @Override
    protected void createWeights(int[] shape) {
        ImageShape.check(this, shape);
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        return dev.nabla.engine.ops.UpSampling2D.upSampling2d(x, size, size);
    }

    @Override
    protected Map<String, Object> config() {
        return LayerConfig.of("size", size);
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        ImageShape.check(this, in);
        return new int[] {Dims.map(in[0], d -> d * size), Dims.map(in[1], d -> d * size), in[2]};
    }
}
