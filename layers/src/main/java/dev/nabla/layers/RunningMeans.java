package dev.nabla.layers;

import java.util.LinkedHashMap;
import java.util.Map;

/** Sample-weighted running means of logged values, in the order first added (Keras weights each batch by its size). */
final class RunningMeans {
    private final Map<String, double[]> sums = new LinkedHashMap<>();

    void add(Map<String, Double> batchMeans, int count) {
        batchMeans.forEach((key, mean) -> {
            double[] s = sums.computeIfAbsent(key, k -> new double[2]);
            s[0] += mean * count;
            s[1] += count;
        });
    }

    Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((k, s) -> out.put(k, s[0] / s[1]));
        return out;
    }
}
