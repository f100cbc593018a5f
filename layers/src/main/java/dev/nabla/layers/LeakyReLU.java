package dev.nabla.layers;

import dev.nabla.engine.Tensor;

import java.util.Map;

/** x for x > 0, else negative_slope·x, as Keras's LeakyReLU layer (default slope 0.3). */
public class LeakyReLU extends Layer {
    public static final float DEFAULT_NEGATIVE_SLOPE = 0.3f;

    private final float negativeSlope;

    public LeakyReLU() {
        this(DEFAULT_NEGATIVE_SLOPE);
    }

    public LeakyReLU(float negativeSlope) {
        if (!(negativeSlope >= 0) || !Float.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("LeakyReLU: negative_slope must be a finite number ≥ 0, got " + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        return x.leakyRelu(negativeSlope);
    }

    @Override
    protected Map<String, Object> config() {
        return LayerConfig.of("negative_slope", negativeSlope);
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        return in.clone();
    }
}
