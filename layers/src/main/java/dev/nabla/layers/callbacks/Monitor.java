package dev.nabla.layers.callbacks;

import java.util.Locale;
import java.util.Map;

/**
 * The quantity a callback watches, as Keras's {@code monitor}/{@code mode}/{@code min_delta}: a
 * key of the epoch logs and whether lower or higher is better. Mode "auto" means higher for
 * accuracy-like keys (containing "acc" or "auc") and lower for everything else.
 */
record Monitor(String key, boolean higherIsBetter) {
    static Monitor of(String key, String mode) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "min" -> new Monitor(key, false);
            case "max" -> new Monitor(key, true);
            case "auto" -> new Monitor(key, key.contains("acc") || key.contains("auc"));
            default -> throw new IllegalArgumentException("mode must be \"auto\", \"min\" or \"max\", got \"" + mode + "\"");
        };
    }

    /** The worst possible value, where "best so far" starts. */
    double worst() {
        return higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** Whether {@code value} beats {@code reference} by more than {@code minDelta}. */
    boolean improves(double value, double reference, double minDelta) {
        return higherIsBetter ? value - Math.abs(minDelta) > reference : value + Math.abs(minDelta) < reference;
    }

    /** The watched value in these logs, or an error naming the keys there are. */
    double in(Map<String, Double> logs, String callback) {
        Double v = logs.get(key);
        if (v == null) throw new IllegalArgumentException(callback + ": monitor '" + key + "' is not among the logs " + logs.keySet());
        return v;
    }
}
