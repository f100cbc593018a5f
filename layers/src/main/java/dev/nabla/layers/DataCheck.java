package dev.nabla.layers;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;

import java.util.Arrays;

/** Fails before any training or evaluation on mismatched sample counts, shapes or targets. */
final class DataCheck {
    private DataCheck() {}

    /** Checks (x, y) for {@code model}, building it for x's samples; {@code where} starts each message. */
    static void check(Model model, String where, Tensor x, Tensor y) {
        if (x == null || y == null) throw new IllegalArgumentException(where + ": x and y must both be given");
        if (x.rank() < 1 || y.rank() < 1) throw new IllegalArgumentException(where + ": x and y need a sample axis first");
        if (x.dim(0) != y.dim(0)) {
            throw new IllegalArgumentException(where + ": x has " + x.dim(0) + " samples but y has " + y.dim(0));
        }
        if (x.dim(0) == 0) throw new IllegalArgumentException(where + ": no samples");
        int[] sample = Batches.sampleShape(x);
        model.build(sample);
        int[] out = model.computeOutputShape(sample), target = Batches.sampleShape(y);
        if (!Arrays.equals(model.loss().targetShape(out), target)) {
            throw new IllegalArgumentException(where + ": model '" + model.name() + "' maps inputs " + Layer.batchShape(sample)
                    + " to outputs " + Layer.batchShape(out) + " but y has shape " + Layer.batchShape(target));
        }
        try {
            model.loss().validateTargets(y, out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** Checks sample weights (null for none): one finite weight per sample of x. */
    static void checkWeights(String where, Tensor w, Tensor x) {
        if (w == null) return;
        if (w.rank() != 1 || w.dim(0) != x.dim(0)) {
            throw new IllegalArgumentException(where + ": sample weights of shape " + Shape.str(w.shape()) + " for " + x.dim(0)
                    + " samples; give one weight per sample, shape (" + x.dim(0) + ")");
        }
        float[] v = w.contiguous().toArray();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) throw new IllegalArgumentException(where + ": the sample weight of sample " + i + " is " + v[i]);
        }
    }
}
