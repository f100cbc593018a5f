package dev.nabla.layers;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;

/** One batch of training data: inputs and targets with the same number of samples (the first axis). */
public record Batch(Tensor x, Tensor y) {
    public Batch {
        if (x.rank() < 1 || y.rank() < 1 || x.dim(0) != y.dim(0)) {
            throw new IllegalArgumentException("Batch: inputs " + Shape.str(x.shape()) + " and targets " + Shape.str(y.shape()) + " need the same number of samples first");
        }
    }

    public int size() {
        return x.dim(0);
    }
}
