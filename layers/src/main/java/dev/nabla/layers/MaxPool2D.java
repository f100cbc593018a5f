package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.ops.Padding;

import java.util.Map;

/**
 * Max pooling over (H, W, C) images, as Keras's MaxPooling2D (alias MaxPool2D): strides equal to
 * the pool size unless given, 'valid' padding unless given, so odd sizes floor (7×7 → 3×3);
 * 'same' keeps ⌈in / strides⌉.
 */
public class MaxPool2D extends Layer {
    private final int poolSize, strides;
    private final Padding padding;

    public MaxPool2D(int poolSize) {
        this(poolSize, poolSize);
    }

    public MaxPool2D(int poolSize, int strides) {
        this(poolSize, strides, "valid");
    }

    /** Keras's {@code MaxPooling2D(pool_size, strides, padding)}; 'same' keeps ⌈in / strides⌉. */
    public MaxPool2D(int poolSize, int strides, String padding) {
        if (poolSize <= 0 || strides <= 0) throw new IllegalArgumentException("MaxPool2D: pool size and strides must be positive, got " + poolSize + ", " + strides);
        this.poolSize = poolSize;
        this.strides = strides;
        this.padding = Padding.of(padding);
    }

    /** Keras's class name; MaxPool2D is its alias. */
    @Override
    public String typeName() { return "MaxPooling2D"; }

    @Override
    protected void createWeights(int[] shape) {
        computeOutputShape(shape);
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        return dev.nabla.engine.ops.MaxPool2D.maxPool2d(x, poolSize, poolSize, strides, strides, padding);
    }

    @Override
    protected Map<String, Object> config() {
        return LayerConfig.of("pool_size", poolSize, "strides", strides, "padding", padding.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        ImageShape.check(this, in);
        int h = Dims.map(in[0], d -> padding.outputSize(d, poolSize, strides)), w = Dims.map(in[1], d -> padding.outputSize(d, poolSize, strides));
        if (h == 0 || w == 0) throw new IllegalArgumentException("layer '" + name() + "' (MaxPooling2D): a " + poolSize + "×" + poolSize + " pool does not fit inputs of shape " + batchShape(in));
        return new int[] {h, w, in[2]};
    }
}
