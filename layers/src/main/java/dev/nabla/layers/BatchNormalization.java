package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.GradMode;

import java.util.Arrays;
import java.util.Map;

/**
 * Keras's BatchNormalization over the last axis (the channels), with its defaults: momentum 0.99,
 * epsilon 1e-3, γ = 1, β = 0, moving mean 0 and moving variance 1.
 * <pre>
 *   training:  μ, σ² = mean and (biased) variance of the batch over every axis but the last
 *              y = γ·(x − μ)/√(σ² + ε) + β
 *              moving_mean ← momentum·moving_mean + (1 − momentum)·μ, likewise moving_variance with σ²
 *   inference: y = γ·(x − moving_mean)/√(moving_variance + ε) + β
 * </pre>
 * The training-mode gradient flows through μ and σ² as well: the layer is a composition of
 * recorded ops, so autodiff derives it. Weights, in Keras's order: gamma, beta (trainable),
 * moving_mean, moving_variance (not trainable).
 */
public class BatchNormalization extends Layer {
    public static final float DEFAULT_MOMENTUM = 0.99f, DEFAULT_EPSILON = 1e-3f;

    private final float momentum, epsilon;
    private Tensor gamma, beta, movingMean, movingVariance;

    public BatchNormalization() {
        this(DEFAULT_MOMENTUM, DEFAULT_EPSILON);
    }

    public BatchNormalization(float momentum, float epsilon) {
        if (!(momentum >= 0 && momentum <= 1)) throw new IllegalArgumentException("BatchNormalization: momentum must be in [0, 1], got " + momentum);
        if (!(epsilon > 0)) throw new IllegalArgumentException("BatchNormalization: epsilon must be positive, got " + epsilon);
        this.momentum = momentum;
        this.epsilon = epsilon;
    }

    @Override
    protected void createWeights(int[] shape) {
        int c = Dims.features(this, shape);
        gamma = addWeight("gamma", Tensor.ones(c));
        beta = addWeight("beta", Tensor.zeros(c));
        movingMean = addWeight("moving_mean", Tensor.zeros(c), false);
        movingVariance = addWeight("moving_variance", Tensor.ones(c), false);
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        if (!training) return normalize(x, movingMean, movingVariance);
        int[] axes = new int[x.rank() - 1];
        Arrays.setAll(axes, i -> i);
        Tensor mean = x.mean(false, axes);
        Tensor variance = x.sub(mean).square().mean(false, axes);
        try (var s = GradMode.noGrad()) {
            update(movingMean, mean);
            update(movingVariance, variance);
        }
        return normalize(x, mean, variance);
    }

    private Tensor normalize(Tensor x, Tensor mean, Tensor variance) {
        return x.sub(mean).div(variance.add(epsilon).sqrt()).mul(gamma).add(beta);
    }

    /** moving ← momentum·moving + (1 − momentum)·batch, in place. */
    private void update(Tensor moving, Tensor batch) {
        float[] m = moving.data(), b = batch.toArray();
        for (int i = 0; i < b.length; i++) m[moving.offset() + i] = momentum * m[moving.offset() + i] + (1 - momentum) * b[i];
    }

    public Tensor gamma() { return gamma; }
    public Tensor beta() { return beta; }
    public Tensor movingMean() { return movingMean; }
    public Tensor movingVariance() { return movingVariance; }

    @Override
    protected Map<String, Object> config() {
        return LayerConfig.of("momentum", momentum, "epsilon", epsilon);
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        return in.clone();
    }
}
