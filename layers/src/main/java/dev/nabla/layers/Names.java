package dev.nabla.layers;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keras's automatic layer names: the first Dense is {@code dense}, the next {@code dense_1}, and
 * so on per prefix; inputs count from 1 ({@code input_1}). Each {@link LayerScope} counts its own.
 */
final class Names {
    private final Map<String, Integer> counts = new HashMap<>();

    String unique(String prefix, boolean zeroBased) {
        int n = counts.merge(prefix, 1, Integer::sum) - (zeroBased ? 1 : 0);
        return n == 0 ? prefix : prefix + "_" + n;
    }

    void clear() {
        counts.clear();
    }

    /**
     * Keras's {@code to_snake_case}: "GaussianNoise" → "gaussian_noise", "Conv2DTranspose" →
     * "conv2d_transpose", "LSTM" → "lstm", "MaxPooling2D" → "max_pooling2d".
     */
    static String snakeCase(String className) {
        String words = className.replaceAll("(.)([A-Z][a-z0-9]+)", "$1_$2");
        return words.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
