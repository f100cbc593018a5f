package dev.nabla.layers.regularizers;

import dev.nabla.engine.Tensor;

/** l2 · Σx². */
public record L2(float l2) implements Regularizer {
    @Override
    public Tensor apply(Tensor x) {
        return x.square().sum().mul(l2);
    }
}
