package dev.nabla.layers.losses;

import dev.nabla.engine.Tensor;

/** A training objective: a scalar from targets and predictions of the same shape (batch first). */
public interface Loss {
    Tensor compute(Tensor yTrue, Tensor yPred);

    /**
     * The loss with one weight per sample ({@code sampleWeight} of shape (batch), or null for
     * none), as Keras reduces it ("sum over batch size"): each sample's loss averaged over its
     * other axes, times its weight, then averaged over the batch, the divisor being the batch size
     * and not the sum of the weights. A loss that cannot weigh its samples says so.
     */
    default Tensor compute(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        if (sampleWeight == null) return compute(yTrue, yPred);
        throw new UnsupportedOperationException("loss " + name() + " does not take sample weights");
    }

    /** Keras's name, e.g. "binary_crossentropy". */
    String name();

    /** Whether predictions are logits rather than probabilities (Keras's {@code from_logits}). */
    default boolean fromLogits() { return false; }

    /** Checks that targets suit this loss before training starts; throws naming the first bad sample. */
    default void validateTargets(Tensor yTrue) {}

    /** The same, knowing the shape of one sample of the model's output (batch axis left out). */
    default void validateTargets(Tensor yTrue, int[] outputShape) {
        validateTargets(yTrue);
    }

    /**
     * The shape of one sample's target for a model output of this shape (batch axis left out):
     * the same, except for losses on class indices, whose targets lack the class axis.
     */
    default int[] targetShape(int[] outputShape) {
        return outputShape;
    }
}
