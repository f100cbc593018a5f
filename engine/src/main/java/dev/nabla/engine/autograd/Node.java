package dev.nabla.engine.autograd;

import dev.nabla.engine.Tensor;

/**
 * One recorded operation: its name, its inputs (an absent optional input, such as a layer
 * without bias, is null), which of them need a gradient, how to push a gradient back, and where
 * it was recorded ({@link Origin}).
 */
public record Node(String op, Tensor[] inputs, boolean[] needs, Backward backward, Origin origin) {}
