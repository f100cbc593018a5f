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

    /** "GaussianNoise" → "gaussian_noise", as Keras derives a default name from the class. */
    static String snakeCase(String className) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < className.length(); i++) {
            char c = className.charAt(i);
            if (Character.isUpperCase(c) && i > 0) sb.append('_');
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }
}
