package dev.nabla.layers;

import dev.nabla.engine.Tensor;

import java.util.Map;

/** Adds zero-mean Gaussian noise of standard deviation {@code stddev} in training only. */
public class GaussianNoise extends Layer {
    private final float stddev;

    public GaussianNoise(float stddev) {
        if (!(stddev >= 0)) throw new IllegalArgumentException("GaussianNoise: stddev must be ≥ 0, got " + stddev);
        this.stddev = stddev;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        if (!training || stddev == 0) return x;
        return x.add(Tensor.randn(noise(), x.shape()).mul(stddev));
    }

    @Override
    protected Map<String, Object> config() {
        return LayerConfig.of("stddev", stddev);
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        return in.clone();
    }
}
