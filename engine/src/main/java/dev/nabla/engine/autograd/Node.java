package dev.nabla.engine.autograd;

import dev.nabla.engine.Tensor;

/** One recorded operation: its name, its inputs, and how to push a gradient back through it. */
public record Node(String op, Tensor[] inputs, Backward backward) {
    /** Whether input {@code i} wants a gradient; backward passes may skip work for the others. */
    public boolean needsGrad(int i) {
        return inputs[i].requiresGrad();
    }
}
