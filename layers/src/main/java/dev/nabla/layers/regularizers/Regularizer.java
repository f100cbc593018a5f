package dev.nabla.layers.regularizers;

import dev.nabla.engine.Tensor;

/**
 * A penalty on a layer's activations, returned as a scalar tensor built from differentiable ops.
 * Layers divide it by the batch size before adding it to the loss (TF Keras's behaviour).
 */
@FunctionalInterface
public interface Regularizer {
    Tensor apply(Tensor activations);
}
