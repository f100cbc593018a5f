package dev.nabla.engine.ops;

/**
 * Keras/TensorFlow padding of a strided window along one spatial axis.
 *
 * <p>{@code VALID}: no padding; only windows that fit, out = ⌊(in − k) / s⌋ + 1.
 * {@code SAME}: out = ⌈in / s⌉, padded with pad_total = max((out − 1)·s + k − in, 0) zeros, of which
 * ⌊pad_total / 2⌋ go before and the rest (one more when odd) after, as TensorFlow does.
 */
public enum Padding {
    VALID, SAME;

    /** Output length of a convolution or pooling window of size k, stride s, over in positions. */
    public int outputSize(int in, int k, int s) {
        return switch (this) {
            case VALID -> in >= k ? (in - k) / s + 1 : 0;
            case SAME -> (in + s - 1) / s;
        };
    }

    /** Zeros before the first position; the remaining padding goes after the last. */
    public int padBefore(int in, int k, int s) {
        return switch (this) {
            case VALID -> 0;
            case SAME -> Math.max((outputSize(in, k, s) - 1) * s + k - in, 0) / 2;
        };
    }

    /**
     * Output length of the transposed convolution, Keras's {@code deconv_output_length} without
     * output padding: 'valid' in·s + max(k − s, 0), 'same' in·s. A forward convolution with this
     * padding maps that length back to {@code in}.
     */
    public int transposedOutputSize(int in, int k, int s) {
        return switch (this) {
            case VALID -> in * s + Math.max(k - s, 0);
            case SAME -> in * s;
        };
    }

    /**
     * The transposed convolution's output length with Keras's {@code output_padding} p (which
     * must be less than the stride): (in − 1)·s + k − 2·pad + p, where pad is ⌊k/2⌋ for 'same'
     * and 0 for 'valid'.
     */
    public int transposedOutputSize(int in, int k, int s, int outputPadding) {
        if (outputPadding < 0 || outputPadding >= s) {
            throw new IllegalArgumentException("output_padding must be in [0, stride " + s + "), got " + outputPadding);
        }
        return (in - 1) * s + k - 2 * (this == SAME ? k / 2 : 0) + outputPadding;
    }

    /** Parses Keras's names "valid" and "same" (any case). */
    public static Padding of(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "valid" -> VALID;
            case "same" -> SAME;
            default -> throw new IllegalArgumentException("padding must be \"valid\" or \"same\", got \"" + name + "\"");
        };
    }
}
