package dev.nabla.layers;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;

/**
 * One batch of training data: inputs and targets with the same number of samples (the first
 * axis), and optionally one weight per sample (shape (samples), null for none), as the
 * {@code (x, y, sample_weight)} a Keras dataset may yield. A batch of inputs alone (targets null,
 * a Keras dataset of x only) is for a {@link Model#trainStep} of one's own, such as a GAN's,
 * which makes its targets itself.
 */
public record Batch(Tensor x, Tensor y, Tensor sampleWeight) {
    public Batch {
        if (y != null && (x.rank() < 1 || y.rank() < 1 || x.dim(0) != y.dim(0))) {
            throw new IllegalArgumentException("Batch: inputs " + Shape.str(x.shape()) + " and targets " + Shape.str(y.shape()) + " need the same number of samples first");
        }
        if (x.rank() < 1) throw new IllegalArgumentException("Batch: inputs of shape " + Shape.str(x.shape()) + " have no sample axis");
        if (sampleWeight != null && (sampleWeight.rank() != 1 || sampleWeight.dim(0) != x.dim(0))) {
            throw new IllegalArgumentException("Batch: sample weights of shape " + Shape.str(sampleWeight.shape()) + " for " + x.dim(0)
                    + " samples; give one weight per sample, shape (" + x.dim(0) + ")");
        }
    }

    public Batch(Tensor x, Tensor y) {
        this(x, y, null);
    }

    /** Inputs without targets. */
    public Batch(Tensor x) {
        this(x, null, null);
    }

    public int size() {
        return x.dim(0);
    }
}
