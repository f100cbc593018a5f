package dev.nabla.engine.autograd;

import dev.nabla.engine.Tensor;

/**
 * The local backward pass of one operation: given dL/d(output) and which inputs need a gradient
 * ({@code needs[i]}, as PyTorch's {@code grad_input_mask}), returns dL/d(input) for exactly
 * those inputs, in the order they were recorded, and null for the others. Runs with gradient
 * recording off.
 */
@FunctionalInterface
public interface Backward {
    Tensor[] apply(Tensor gradOutput, boolean[] needs);
}
