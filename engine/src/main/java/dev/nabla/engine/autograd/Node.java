package dev.nabla.engine.autograd;

import dev.nabla.engine.Tensor;

/**
 * One recorded operation: its name, its inputs (an absent optional input, such as a layer
 * without bias, is null), which of them need a gradient, and how to push a gradient back.
 */
public record Node(String op, Tensor[] inputs, boolean[] needs, Backward backward) {}
