package dev.nabla.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every logged value per epoch ("loss", "val_loss", "accuracy", …), as Keras's History. */
public final class History {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final List<Integer> epochNumbers = new ArrayList<>();
    private String stopReason;

    void record(int epoch, Map<String, Double> logs) {
        epochNumbers.add(epoch);
        logs.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }

    /** The number (from 1) of each recorded epoch, Keras's {@code history.epoch} plus one: 5, 6, … for a fit resumed after epoch 4. */
    public List<Integer> epochNumbers() { return List.copyOf(epochNumbers); }

    void stopped(String reason) {
        this.stopReason = reason;
    }

    /** Why training stopped early (a callback's message), or null if it ran all epochs. */
    public String stopReason() { return stopReason; }

    public double[] get(String key) {
        List<Double> v = values.get(key);
        if (v == null) throw new IllegalArgumentException("History has no '" + key + "'; it has " + values.keySet());
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public double last(String key) {
        double[] v = get(key);
        return v[v.length - 1];
    }

    public int epochs() {
        return values.isEmpty() ? 0 : values.values().iterator().next().size();
    }

    public Map<String, List<Double>> asMap() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }
}
