package dev.nabla.layers;

import dev.nabla.engine.Tensor;

/**
 * The activation functions a layer can end with, as Keras's string names. GELU is the exact erf
 * form ({@code approximate=False}, Keras's default); softmax runs over the last axis. Sigmoid and
 * softmax outputs carry their logits ({@link Tensor#logits()}), as Keras 3's activations attach
 * {@code _keras_logits}, so that a cross-entropy loss can use the stable from-logits form.
 */
public enum Activation {
    LINEAR, RELU, SIGMOID, TANH, GELU, SELU, SOFTMAX;

    /** Keras's string name: "relu", "sigmoid", …. */
    public String kerasName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public Tensor apply(Tensor x) {
        return switch (this) {
            case LINEAR -> x;
            case RELU -> x.relu();
            case SIGMOID -> x.sigmoid().withLogits("sigmoid", x);
            case TANH -> x.tanh();
            case GELU -> x.gelu();
            case SELU -> x.selu();
            case SOFTMAX -> x.softmax(-1).withLogits("softmax", x);
        };
    }
}
