package dev.nabla.layers;

/** The functional API's entry point: {@code Input.of(28, 28)} is Keras's {@code Input(shape=[28, 28])}. */
public final class Input {
    private Input() {}

    public static SymbolicTensor of(int... shape) {
        for (int d : shape) if (d <= 0) throw new IllegalArgumentException("Input: dimensions must be positive, got " + java.util.Arrays.toString(shape));
        return new SymbolicTensor(shape, null, null, LayerScope.current().uniqueName("input", false));
    }
}
