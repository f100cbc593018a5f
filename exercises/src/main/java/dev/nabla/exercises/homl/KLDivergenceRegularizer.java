package dev.nabla.exercises.homl;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.regularizers.Regularizer;

/**
 * The book's sparsity regulariser: pushes each coding unit's mean activation over the batch
 * towards {@code target} by the KL divergence between Bernoulli(target) and Bernoulli(mean):
 * <pre>
 *   weight · Σ_units [ t log(t / m) + (1 − t) log((1 − t) / (1 − m)) ]
 * </pre>
 * with m the batch mean of a unit; like Keras's {@code kullback_leibler_divergence}, both
 * arguments are clipped to [1e-7, 1]. (The layer divides the value by the batch size.)
 */
final class KLDivergenceRegularizer implements Regularizer {
    private static final float EPSILON = 1e-7f;
    private final float weight, target;

    KLDivergenceRegularizer(float weight, float target) {
        this.weight = weight;
        this.target = target;
    }

    @Override
    public Tensor apply(Tensor activations) {
        Tensor mean = activations.mean(false, 0);
        return kld(target, mean).add(kld(1 - target, mean.neg().add(1f))).mul(weight);
    }

    /** Σ y · log(y / p) over the units, y and p clipped to [1e-7, 1]. */
    private static Tensor kld(float y, Tensor p) {
        float yc = Math.max(EPSILON, Math.min(1f, y));
        return p.clamp(EPSILON, 1f).log().neg().add((float) Math.log(yc)).mul(yc).sum();
    }
}
