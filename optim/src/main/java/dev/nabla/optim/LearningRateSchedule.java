package dev.nabla.optim;

import java.util.Arrays;

/**
 * A learning rate that depends on the step, as Keras's {@code LearningRateSchedule}: an optimizer
 * asks for the rate at its current {@code iterations} (0 on the first step) before each step.
 * Usable wherever a learning rate is ({@link Optimizer#learningRate(LearningRateSchedule)}).
 */
@FunctionalInterface
public interface LearningRateSchedule {
    float at(long step);

    /** The same rate at every step. */
    static LearningRateSchedule constant(float rate) {
        return step -> rate;
    }

    /**
     * Keras's {@code ExponentialDecay}: initial · rate^(step / decaySteps), with the exponent
     * floored when {@code staircase}, so the rate drops by the factor every decaySteps steps.
     */
    static LearningRateSchedule exponentialDecay(float initial, long decaySteps, float decayRate, boolean staircase) {
        if (decaySteps <= 0) throw new IllegalArgumentException("ExponentialDecay: decay_steps must be positive, got " + decaySteps);
        return step -> {
            double p = (double) step / decaySteps;
            return (float) (initial * Math.pow(decayRate, staircase ? Math.floor(p) : p));
        };
    }

    /**
     * Keras's {@code PiecewiseConstantDecay}: values[0] while step ≤ boundaries[0], values[i] while
     * boundaries[i−1] < step ≤ boundaries[i], the last value after the last boundary.
     */
    static LearningRateSchedule piecewiseConstant(long[] boundaries, float[] values) {
        if (values.length != boundaries.length + 1) {
            throw new IllegalArgumentException("PiecewiseConstantDecay: needs one more value than boundaries, got "
                    + values.length + " values for " + boundaries.length + " boundaries");
        }
        for (int i = 1; i < boundaries.length; i++) {
            if (boundaries[i] <= boundaries[i - 1]) throw new IllegalArgumentException("PiecewiseConstantDecay: boundaries must increase: " + Arrays.toString(boundaries));
        }
        long[] b = boundaries.clone();
        float[] v = values.clone();
        return step -> {
            int i = 0;
            while (i < b.length && step > b[i]) i++;
            return v[i];
        };
    }

    /**
     * Keras's {@code CosineDecay} (without warm-up): initial · ((1 − α)·½(1 + cos(π·t / decaySteps)) + α)
     * with t = min(step, decaySteps), so the rate falls from initial to α·initial and stays there.
     */
    static LearningRateSchedule cosineDecay(float initial, long decaySteps, float alpha) {
        if (decaySteps <= 0) throw new IllegalArgumentException("CosineDecay: decay_steps must be positive, got " + decaySteps);
        return step -> {
            double t = Math.min(step, decaySteps);
            double cosine = 0.5 * (1 + Math.cos(Math.PI * t / decaySteps));
            return (float) (initial * ((1 - alpha) * cosine + alpha));
        };
    }
}
