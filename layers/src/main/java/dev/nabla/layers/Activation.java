package dev.nabla.layers;

import dev.nabla.engine.Tensor;

/**
 * The activation functions a layer can end with, as Keras's string names. GELU is the exact erf
 * form ({@code approximate=False}, Keras's default); softmax runs over the last axis. Sigmoid and
 * softmax outputs remember their logits (see {@link Logits}).
 */
public enum Activation {
    LINEAR, RELU, SIGMOID, TANH, GELU, SELU, SOFTMAX;

    public Tensor apply(Tensor x) {
        Tensor y = switch (this) {
            case LINEAR -> x;
            case RELU -> x.relu();
            case SIGMOID -> x.sigmoid();
            case TANH -> x.tanh();
            case GELU -> x.gelu();
            case SELU -> x.selu();
            case SOFTMAX -> x.softmax(-1);
        };
        if (this == SIGMOID || this == SOFTMAX) Logits.remember(y, x, this);
        return y;
    }

    /** Keras's name, e.g. "relu". */
    public String kerasName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
