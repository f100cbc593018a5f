package dev.nabla.engine.autograd;

import dev.nabla.engine.Tensor;

/**
 * Watches a backward pass node by node ({@link Autograd#backward(Tensor, Tensor, BackwardListener)}):
 * called before each node's backward with the gradient arriving at its output, and after it with
 * the gradients it produced for its inputs (null for inputs that need none).
 */
public interface BackwardListener {
    BackwardListener NONE = new BackwardListener() {};

    default void before(Node node, Tensor output, Tensor gradOutput) {}

    default void after(Node node, Tensor output, Tensor gradOutput, Tensor[] inputGrads) {}
}
