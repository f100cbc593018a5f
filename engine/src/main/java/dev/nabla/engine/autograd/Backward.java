package dev.nabla.engine.autograd;

import dev.nabla.engine.Tensor;

/**
 * The local backward pass of one operation: given dL/d(output), return dL/d(input) for each
 * input, in the order the inputs were recorded. An entry may be null for an input that needs no
 * gradient. Runs with gradient recording off.
 */
@FunctionalInterface
public interface Backward {
    Tensor[] apply(Tensor gradOutput);
}
