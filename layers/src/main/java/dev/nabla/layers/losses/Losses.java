package dev.nabla.layers.losses;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.ops.SigmoidCrossEntropy;
import dev.nabla.engine.ops.SoftmaxCrossEntropy;
import dev.nabla.layers.Activation;
import dev.nabla.layers.Logits;

import java.util.Arrays;

/**
 * Keras's losses. Each is the mean over the last axis, then over the batch (Keras's
 * {@code SUM_OVER_BATCH_SIZE}); for element-wise losses that is the mean over all elements.
 * Probabilities are clipped to [ε, 1 − ε] with ε = 1e-7 (Keras's {@code backend.epsilon()}).
 */
public final class Losses {
    /** Keras's fuzz factor {@code backend.epsilon()}. */
    public static final float EPSILON = 1e-7f;

    private Losses() {}

    /**
     * Binary cross-entropy. When the prediction comes straight from a sigmoid, it is computed from
     * the logits by the fused, stable {@link SigmoidCrossEntropy} (as TF Keras does); otherwise as
     * Keras 2's backend: p clipped to [ε, 1 − ε], then −[y·log(p + ε) + (1 − y)·log(1 − p + ε)].
     */
    public static Loss binaryCrossEntropy() {
        return new Named("binary_crossentropy") {
            @Override
            public Tensor compute(Tensor y, Tensor p) {
                checkShapes(name(), y, p);
                Tensor logits = Logits.of(p, Activation.SIGMOID);
                if (logits != null) return SigmoidCrossEntropy.meanFromLogits(logits, y);
                Tensor pc = p.clamp(EPSILON, 1 - EPSILON);
                Tensor pos = y.mul(pc.add(EPSILON).log());
                Tensor neg = y.neg().add(1f).mul(pc.neg().add(1f + EPSILON).log());
                return pos.add(neg).mean().neg();
            }

            @Override
            public void validateTargets(Tensor y) {
                checkRange(name(), y);
            }
        };
    }

    /**
     * Categorical cross-entropy on one-hot (or probability) targets over the last axis. Straight
     * from a softmax it uses the fused {@link SoftmaxCrossEntropy} on the logits (as TF Keras);
     * otherwise Keras 2's backend: p divided by its sum over the last axis, clipped to
     * [ε, 1 − ε], then −Σ y·log p.
     */
    public static Loss categoricalCrossEntropy() {
        return new Named("categorical_crossentropy") {
            @Override
            public Tensor compute(Tensor y, Tensor p) {
                checkShapes(name(), y, p);
                Tensor logits = Logits.of(p, Activation.SOFTMAX);
                if (logits != null) return SoftmaxCrossEntropy.meanFromLogits(logits, y);
                Tensor pn = p.div(p.sum(true, -1)).clamp(EPSILON, 1 - EPSILON);
                return y.mul(pn.log()).sum(false, -1).mean().neg();
            }

            @Override
            public void validateTargets(Tensor y) {
                checkRange(name(), y);
                Tensor c = y.contiguous();
                int classes = y.dim(-1);
                for (int r = 0; r < y.size() / classes; r++) {
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

    /** mean((y − p)²). */
    public static Loss meanSquaredError() {
        return new Named("mean_squared_error") {
            @Override
            public Tensor compute(Tensor y, Tensor p) {
                checkShapes(name(), y, p);
                return p.sub(y).square().mean();
            }
        };
    }

    /**
     * Kullback-Leibler divergence Σ y·log(y / p) over the last axis, both clipped to [ε, 1] as
     * Keras's {@code kl_divergence}; mean over the batch. A rank-1 input is one distribution.
     */
    public static Loss klDivergence() {
        return new Named("kl_divergence") {
            @Override
            public Tensor compute(Tensor y, Tensor p) {
                checkShapes(name(), y, p);
                Tensor yc = y.clamp(EPSILON, 1f), pc = p.clamp(EPSILON, 1f);
                return yc.mul(yc.div(pc).log()).sum(false, -1).mean();
            }
        };
    }

    private static void checkShapes(String loss, Tensor y, Tensor p) {
        if (!Arrays.equals(y.shape(), p.shape())) {
            throw new IllegalArgumentException(loss + ": targets of shape " + Shape.str(y.shape()) + " do not match predictions of shape " + Shape.str(p.shape()));
        }
    }

    private static void checkRange(String loss, Tensor y) {
        Tensor c = y.contiguous();
        int perSample = y.rank() == 0 ? 1 : y.size() / Math.max(y.dim(0), 1);
        for (int i = 0; i < c.size(); i++) {
            float v = c.data()[c.offset() + i];
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(loss + ": targets must lie in [0, 1]; sample " + i / perSample + " holds " + v);
            }
        }
    }

    private abstract static class Named implements Loss {
        private final String name;

        Named(String name) { this.name = name; }

        @Override
        public String name() { return name; }

        @Override
        public String toString() { return name; }
    }
}
