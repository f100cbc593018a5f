package dev.nabla.layers.losses;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.ops.SigmoidCrossEntropy;
import dev.nabla.engine.ops.SoftmaxCrossEntropy;

import java.util.Arrays;

/**
 * Keras's losses. Each is the mean over the last axis, then over the batch (Keras's
 * {@code SUM_OVER_BATCH_SIZE}); for element-wise losses that is the mean over all elements.
 * With sample weights, each term is multiplied by its sample's weight before that mean, so the
 * divisor stays the count of terms; weights of 1 give the unweighted loss bit for bit.
 * Probabilities are clipped to [ε, 1 − ε] with ε = 1e-7 (Keras's {@code backend.epsilon()}).
 */
public final class Losses {
    /** Keras's fuzz factor {@code backend.epsilon()}. */
    public static final float EPSILON = 1e-7f;

    private Losses() {}

    /** Binary cross-entropy on probabilities: {@code binaryCrossEntropy(false)}, Keras's default. */
    public static Loss binaryCrossEntropy() {
        return binaryCrossEntropy(false);
    }

    /**
     * Binary cross-entropy, Keras's {@code BinaryCrossentropy(from_logits=...)}. With
     * {@code fromLogits} the predictions are logits, and the loss is the fused, stable
     * {@link SigmoidCrossEntropy}. Otherwise they are probabilities: a prediction that carries the
     * logits of a sigmoid ({@link Tensor#logits()}) takes the same stable path, as in Keras 3; any
     * other is computed as Keras 2's backend: p clipped to [ε, 1 − ε], then
     * −[y·log(p + ε) + (1 − y)·log(1 − p + ε)].
     */
    public static Loss binaryCrossEntropy(boolean fromLogits) {
        return new Named("binary_crossentropy", fromLogits) {
            @Override
            public Tensor compute(Tensor y, Tensor p, Tensor sampleWeight) {
                checkShapes(name(), y, p);
                Tensor w = perSample(name(), sampleWeight, p, p.rank());
                Tensor logits = fromLogits ? p : logitsBehind(p, "sigmoid");
                if (logits != null) return SigmoidCrossEntropy.meanFromLogits(logits, y, w);
                Tensor pc = p.clamp(EPSILON, 1 - EPSILON);
                Tensor pos = y.mul(pc.add(EPSILON).log());
                Tensor neg = y.neg().add(1f).mul(pc.neg().add(1f + EPSILON).log());
                return weightedMean(pos.add(neg), w).neg();
            }

            @Override
            public void validateTargets(Tensor y) {
                checkRange(name(), y);
            }
        };
    }

    /** Categorical cross-entropy on probabilities: {@code categoricalCrossEntropy(false)}, Keras's default. */
    public static Loss categoricalCrossEntropy() {
        return categoricalCrossEntropy(false);
    }

    /**
     * Categorical cross-entropy on one-hot (or probability) targets over the last axis, Keras's
     * {@code CategoricalCrossentropy(from_logits=...)}. With {@code fromLogits} the predictions are
     * logits, and the loss is the fused {@link SoftmaxCrossEntropy}. Otherwise they are
     * probabilities: a prediction that carries the logits of a softmax takes the same path, as in
     * Keras 3; any other is computed as Keras 2's backend: p divided by its sum over the last axis,
     * clipped to [ε, 1 − ε], then −Σ y·log p.
     */
    public static Loss categoricalCrossEntropy(boolean fromLogits) {
        return new Named("categorical_crossentropy", fromLogits) {
            @Override
            public Tensor compute(Tensor y, Tensor p, Tensor sampleWeight) {
                checkShapes(name(), y, p);
                Tensor w = perSample(name(), sampleWeight, p, p.rank() - 1);
                Tensor logits = fromLogits ? p : logitsBehind(p, "softmax");
                if (logits != null) return SoftmaxCrossEntropy.meanFromLogits(logits, y, w);
                Tensor pn = p.div(p.sum(true, -1)).clamp(EPSILON, 1 - EPSILON);
                return weightedMean(y.mul(pn.log()).sum(false, -1), w).neg();
            }

            @Override
            public void validateTargets(Tensor y) {
                checkRange(name(), y);
                Tensor c = y.contiguous();
                int classes = y.dim(-1);
                int rows = y.size() / classes;
                for (int r = 0; r < rows; r++) {
                    double s = 0;
                    for (int k = 0; k < classes; k++) s += c.data()[c.offset() + r * classes + k];
                    if (Math.abs(s - 1) > 1e-3) {
                        throw new IllegalArgumentException(name() + ": target row " + r + " sums to " + (float) s
                                + "; categorical targets must be one-hot rows of width " + classes + " (a probability distribution)");
                    }
                }
            }
        };
    }

    /**
     * Categorical cross-entropy on integer class indices, Keras's
     * {@code SparseCategoricalCrossentropy}: targets of shape (batch, …) hold the class of each
     * prediction row (batch, …, classes), as floats with integer values. It is the categorical
     * cross-entropy of the one-hot rows of those classes, so the same paths apply.
     */
    public static Loss sparseCategoricalCrossEntropy(boolean fromLogits) {
        Loss categorical = categoricalCrossEntropy(fromLogits);
        return new Named("sparse_categorical_crossentropy", fromLogits) {
            @Override
            public Tensor compute(Tensor y, Tensor p, Tensor sampleWeight) {
                return categorical.compute(oneHot(name(), y, p), p, sampleWeight);
            }

            @Override
            public void validateTargets(Tensor y, int[] outputShape) {
                int classes = outputShape[outputShape.length - 1];
                float[] v = y.toArray();
                for (int i = 0; i < v.length; i++) {
                    if (!(v[i] >= 0 && v[i] < classes) || v[i] != Math.rint(v[i])) {
                        throw new IllegalArgumentException(name() + ": targets must be class indices in [0, " + classes + "); element " + i + " holds " + v[i]);
                    }
                }
            }

            @Override
            public int[] targetShape(int[] outputShape) {
                return Arrays.copyOf(outputShape, outputShape.length - 1);
            }
        };
    }

    /** Keras's default: predictions are probabilities. */
    public static Loss sparseCategoricalCrossEntropy() {
        return sparseCategoricalCrossEntropy(false);
    }

    /** Whether {@code loss} is one of these (so that {@link #named} rebuilds it), not a loss of the user's own. */
    public static boolean isBuiltIn(Loss loss) {
        return loss instanceof Named;
    }

    /** The built-in loss of this Keras name, as a model file names it; an unknown name is an error. */
    public static Loss named(String name, boolean fromLogits) {
        return switch (name) {
            case "binary_crossentropy" -> binaryCrossEntropy(fromLogits);
            case "categorical_crossentropy" -> categoricalCrossEntropy(fromLogits);
            case "sparse_categorical_crossentropy" -> sparseCategoricalCrossEntropy(fromLogits);
            case "mean_squared_error" -> meanSquaredError();
            case "kl_divergence" -> klDivergence();
            default -> throw new IllegalArgumentException("unknown loss '" + name + "'");
        };
    }

    /** One-hot rows of the classes in y for predictions p (…, classes). */
    private static Tensor oneHot(String loss, Tensor y, Tensor p) {
        int classes = p.dim(-1);
        if (!Arrays.equals(Arrays.copyOf(p.shape(), p.rank() - 1), y.shape())) {
            throw new IllegalArgumentException(loss + ": targets of shape " + Shape.str(y.shape()) + " do not match predictions of shape "
                    + Shape.str(p.shape()) + " (one class index per prediction row)");
        }
        float[] labels = y.toArray(), hot = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            int c = (int) labels[i];
            if (c < 0 || c >= classes || c != labels[i]) {
                throw new IllegalArgumentException(loss + ": target " + i + " is " + labels[i] + ", not a class index in [0, " + classes + ")");
            }
            hot[i * classes + c] = 1;
        }
        return Tensor.of(hot, p.shape());
    }

    /** mean((y − p)²). */
    public static Loss meanSquaredError() {
        return new Named("mean_squared_error", false) {
            @Override
            public Tensor compute(Tensor y, Tensor p, Tensor sampleWeight) {
                checkShapes(name(), y, p);
                return weightedMean(p.sub(y).square(), perSample(name(), sampleWeight, p, p.rank()));
            }
        };
    }

    /**
     * Kullback-Leibler divergence Σ y·log(y / p) over the last axis, both clipped to [ε, 1] as
     * Keras's {@code kl_divergence}; mean over the batch. A rank-1 input is one distribution.
     */
    public static Loss klDivergence() {
        return new Named("kl_divergence", false) {
            @Override
            public Tensor compute(Tensor y, Tensor p, Tensor sampleWeight) {
                checkShapes(name(), y, p);
                Tensor yc = y.clamp(EPSILON, 1f), pc = p.clamp(EPSILON, 1f);
                return weightedMean(yc.mul(yc.div(pc).log()).sum(false, -1), perSample(name(), sampleWeight, p, p.rank() - 1));
            }
        };
    }

    /**
     * One weight per sample, (batch), reshaped to (batch, 1, …) of {@code rank} axes so that it
     * broadcasts over the terms of each sample; null stays null.
     */
    private static Tensor perSample(String loss, Tensor sampleWeight, Tensor p, int rank) {
        if (sampleWeight == null) return null;
        if (rank < 1) throw new IllegalArgumentException(loss + ": sample weights need predictions with a batch axis, got shape " + Shape.str(p.shape()));
        if (sampleWeight.rank() != 1 || sampleWeight.dim(0) != p.dim(0)) {
            throw new IllegalArgumentException(loss + ": sample weights of shape " + Shape.str(sampleWeight.shape())
                    + " for predictions of shape " + Shape.str(p.shape()) + "; give one weight per sample, shape (" + p.dim(0) + ")");
        }
        int[] shape = new int[rank];
        Arrays.fill(shape, 1);
        shape[0] = sampleWeight.dim(0);
        return sampleWeight.reshape(shape);
    }

    /** mean(terms), or mean(w·terms) with weights that broadcast over the terms. */
    private static Tensor weightedMean(Tensor terms, Tensor w) {
        return (w == null ? terms : terms.mul(w)).mean();
    }

    /** The logits that {@code p} was computed from by {@code activation}, or null. */
    private static Tensor logitsBehind(Tensor p, String activation) {
        Tensor.Logits logits = p.logits();
        return logits != null && logits.activation().equals(activation) ? logits.values() : null;
    }

    private static void checkShapes(String loss, Tensor y, Tensor p) {
        if (!Arrays.equals(y.shape(), p.shape())) {
            throw new IllegalArgumentException(loss + ": targets of shape " + Shape.str(y.shape()) + " do not match predictions of shape " + Shape.str(p.shape()));
        }
    }

    private static void checkRange(String loss, Tensor y) {
        Tensor c = y.contiguous();
        float[] d = c.data();
        int n = c.size(), off = c.offset();
        for (int i = 0; i < n; i++) {
            float v = d[off + i];
            if (!(v >= 0 && v <= 1)) {
                int perSample = y.rank() == 0 ? 1 : n / y.dim(0);
                throw new IllegalArgumentException(loss + ": targets must lie in [0, 1]; sample " + i / perSample + " holds " + v);
            }
        }
    }

    /** A loss under Keras's name; the unweighted loss is the weighted one without weights. */
    private abstract static class Named implements Loss {
        private final String name;
        private final boolean fromLogits;

        Named(String name, boolean fromLogits) {
            this.name = name;
            this.fromLogits = fromLogits;
        }

        @Override
        public boolean fromLogits() { return fromLogits; }

        @Override
        public final Tensor compute(Tensor y, Tensor p) { return compute(y, p, null); }

        @Override
        public abstract Tensor compute(Tensor y, Tensor p, Tensor sampleWeight);

        @Override
        public String name() { return name; }

        @Override
        public String toString() { return name; }
    }
}
