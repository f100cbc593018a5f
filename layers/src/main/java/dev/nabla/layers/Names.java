package dev.nabla.layers;

import java.util.HashMap;
import java.util.Map;

/**
 * Keras's automatic layer names: the first Dense is {@code dense}, the next {@code dense_1}, and
 * so on per prefix; inputs count from 1 ({@code input_1}). Names are unique per JVM until
 * {@link Layer#clearSession()}.
 */
final class Names {
    private static final Map<String, Integer> COUNTS = new HashMap<>();

    private Names() {}

    static synchronized String unique(String prefix, boolean zeroBased) {
        int n = COUNTS.merge(prefix, 1, Integer::sum) - (zeroBased ? 1 : 0);
        return n == 0 ? prefix : prefix + "_" + n;
    }

    static synchronized void clear() {
        COUNTS.clear();
    }

    /**
     * Keras's {@code to_snake_case}: "GaussianNoise" → "gaussian_noise", "Conv2DTranspose" →
     * "conv2d_transpose", "LSTM" → "lstm", "MaxPooling2D" → "max_pooling2d".
     */
    static String snakeCase(String className) {
        String words = className.replaceAll("(.)([A-Z][a-z0-9]+)", "$1_$2");
        return words.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
