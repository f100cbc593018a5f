package dev.nabla.layers.losses;

import dev.nabla.engine.Tensor;

/** Keras's metrics. */
public final class Metrics {
    private Metrics() {}

    /**
     * Keras's {@code "accuracy"}: categorical accuracy (argmax of prediction equals argmax of the
     * one-hot target) with categorical cross-entropy or when there are several outputs per sample;
     * otherwise binary accuracy (prediction > 0.5 equals the target, averaged over the values).
     */
    public static final Metric ACCURACY = new Metric() {
        @Override
        public String name() { return "accuracy"; }

        @Override
        public double compute(Tensor y, Tensor p) {
            return (p.dim(-1) == 1 ? BINARY_ACCURACY : CATEGORICAL_ACCURACY).compute(y, p);
        }

        @Override
        public Metric resolve(Loss loss) {
            return switch (loss.name()) {
                case "categorical_crossentropy" -> new Renamed(CATEGORICAL_ACCURACY);
                case "binary_crossentropy" -> new Renamed(BINARY_ACCURACY);
                default -> this;
            };
        }
    };

    public static final Metric CATEGORICAL_ACCURACY = new Metric() {
        @Override
        public String name() { return "categorical_accuracy"; }

        @Override
        public double compute(Tensor y, Tensor p) {
            Tensor yc = y.contiguous(), pc = p.contiguous();
            int classes = p.dim(-1), rows = p.size() / classes, hits = 0;
            for (int r = 0; r < rows; r++) {
                if (argmax(yc, r, classes) == argmax(pc, r, classes)) hits++;
            }
            return (double) hits / rows;
        }
    };

    public static final Metric BINARY_ACCURACY = new Metric() {
        @Override
        public String name() { return "binary_accuracy"; }

        @Override
        public double compute(Tensor y, Tensor p) {
            Tensor yc = y.contiguous(), pc = p.contiguous();
            int hits = 0, n = p.size();
            for (int i = 0; i < n; i++) {
                float predicted = pc.data()[pc.offset() + i] > 0.5f ? 1f : 0f;
                if (predicted == yc.data()[yc.offset() + i]) hits++;
            }
            return (double) hits / n;
        }
    };

    /** The built-in metric of this name, as a model file names it; an unknown name is an error. */
    public static Metric named(String name) {
        return switch (name) {
            case "accuracy" -> ACCURACY;
            case "categorical_accuracy" -> CATEGORICAL_ACCURACY;
            case "binary_accuracy" -> BINARY_ACCURACY;
            default -> throw new IllegalArgumentException("unknown metric '" + name + "'");
        };
    }

    /** Whether {@code m}, as compile resolved it, is one of these (so that {@link #named} rebuilds it). */
    public static boolean isBuiltIn(Metric m) {
        return m == ACCURACY || m == CATEGORICAL_ACCURACY || m == BINARY_ACCURACY || m instanceof Renamed;
    }

    private static int argmax(Tensor t, int row, int classes) {
        int base = t.offset() + row * classes, best = 0;
        for (int k = 1; k < classes; k++) if (t.data()[base + k] > t.data()[base + best]) best = k;
        return best;
    }

    /** The metric under the name "accuracy", as Keras reports it. */
    private record Renamed(Metric metric) implements Metric {
        @Override
        public String name() { return "accuracy"; }

        @Override
        public double compute(Tensor y, Tensor p) { return metric.compute(y, p); }
    }
}
