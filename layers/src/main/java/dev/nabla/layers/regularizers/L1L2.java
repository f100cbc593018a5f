package dev.nabla.layers.regularizers;

import dev.nabla.engine.Tensor;

/** l1 · Σ|x| + l2 · Σx²; a zero coefficient's term is left out. */
public record L1L2(float l1, float l2) implements Regularizer {
    @Override
    public Tensor apply(Tensor x) {
        if (l2 == 0) return new L1(l1).apply(x);
        if (l1 == 0) return new L2(l2).apply(x);
        return new L1(l1).apply(x).add(new L2(l2).apply(x));
    }
}
