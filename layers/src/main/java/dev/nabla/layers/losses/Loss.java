package dev.nabla.layers.losses;

import dev.nabla.engine.Tensor;

/** A training objective: a scalar from targets and predictions of the same shape (batch first). */
public interface Loss {
    Tensor compute(Tensor yTrue, Tensor yPred);

    /** Keras's name, e.g. "binary_crossentropy". */
    String name();

    /** Checks that targets suit this loss before training starts; throws naming the first bad sample. */
    default void validateTargets(Tensor yTrue) {}
}
