package dev.nabla.layers.regularizers;

import dev.nabla.engine.Tensor;

/** l1 · Σ|x|. */
public record L1(float l1) implements Regularizer {
    @Override
    public Tensor apply(Tensor x) {
        return x.abs().sum().mul(l1);
    }
}
