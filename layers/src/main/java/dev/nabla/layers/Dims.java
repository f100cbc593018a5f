package dev.nabla.layers;

import java.util.function.IntUnaryOperator;

/**
 * The axes of a per-sample shape (batch axis left out), where {@link Input#NONE} marks one whose
 * length varies from call to call, as Keras's {@code None}.
 */
final class Dims {
    private Dims() {}

    static boolean known(int d) {
        return d != Input.NONE;
    }

    /** The number of values per sample, or NONE when an axis varies. */
    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            if (!known(d)) return Input.NONE;
            n *= d;
        }
        return n;
    }

    /** f(d) for a known length, NONE for a varying one. */
    static int map(int d, IntUnaryOperator f) {
        return known(d) ? f.applyAsInt(d) : Input.NONE;
    }

    /** Whether inputs of shape {@code given} suit a layer built for {@code built}: the same rank, the same length wherever built's is known. */
    static boolean fit(int[] built, int[] given) {
        if (built.length != given.length) return false;
        for (int i = 0; i < built.length; i++) if (known(built[i]) && built[i] != given[i]) return false;
        return true;
    }

    /** The length of the last axis, which the layer's weights need: known, or an error naming the layer. */
    static int features(Layer layer, int[] shape) {
        if (shape.length == 0 || !known(shape[shape.length - 1])) {
            throw new IllegalArgumentException("layer '" + layer.name() + "' (" + layer.typeName() + ") needs inputs with a known feature axis (the last), got "
                    + Layer.batchShape(shape));
        }
        return shape[shape.length - 1];
    }

    /** "None" for a varying length, else the number. */
    static String str(int d) {
        return known(d) ? Integer.toString(d) : "None";
    }
}
