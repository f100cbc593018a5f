package dev.nabla.layers;

import java.util.Arrays;

/**
 * The functional API's entry point: {@code Input.of(28, 28)} is Keras's {@code Input(shape=[28, 28])},
 * and {@code Input.of(NONE, 28)} its {@code Input(shape=[None, 28])}, sequences of any length.
 */
public final class Input {
    /**
     * An axis whose length varies from call to call, Keras's {@code None} in a shape: a layer built
     * for it accepts any length there (summary() shows None). Give it where lengths vary; a layer
     * built from data fixes every axis it was given.
     */
    public static final int NONE = -1;

    private Input() {}

    public static SymbolicTensor of(int... shape) {
        for (int d : shape) {
            if (d <= 0 && d != NONE) throw new IllegalArgumentException("Input: dimensions must be positive or NONE, got " + Arrays.toString(shape));
        }
        return new SymbolicTensor(shape, null, null, LayerScope.current().uniqueName("input", false));
    }
}
