package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.Backend;

import java.util.Arrays;

/**
 * Binary cross-entropy of sigmoid(z) against targets y, computed from the logits z and averaged
 * over all elements, as TensorFlow's {@code sigmoid_cross_entropy_with_logits} followed by a mean.
 * <pre>
 *   ℓ(z, y) = −y·log σ(z) − (1 − y)·log(1 − σ(z)) = max(z, 0) − z·y + log(1 + e^−|z|)
 *   dℓ/dz = σ(z) − y          dℓ/dy = −z
 * </pre>
 * The right-hand form never takes the log of a rounded-off probability, so it stays finite and
 * exact where σ(z) saturates to 0 or 1 in float32 ({@link dev.nabla.engine.kernels.CrossEntropy}).
 */
public final class SigmoidCrossEntropy {
    private SigmoidCrossEntropy() {}

    /** mean over all elements of ℓ(logits, targets); same shapes. */
    public static Tensor meanFromLogits(Tensor logits, Tensor targets) {
        return meanFromLogits(logits, targets, null);
    }

    /**
     * mean over all elements of w·ℓ(logits, targets), with weights (constants, no gradient) that
     * broadcast to the logits' shape, e.g. one per sample as (batch, 1, …); null weighs every
     * element 1, and weights of 1 give the unweighted mean bit for bit.
     */
    public static Tensor meanFromLogits(Tensor logits, Tensor targets, Tensor weights) {
        if (!Arrays.equals(logits.shape(), targets.shape())) {
            throw new IllegalArgumentException("sigmoid cross-entropy: logits " + Shape.str(logits.shape()) + " and targets " + Shape.str(targets.shape()) + " differ");
        }
        Backend be = Dense.backend("sigmoid cross-entropy", logits, targets, weights);
        Tensor z = Dense.of(logits), y = Dense.of(targets);
        Tensor w = weights == null ? null : Broadcast.constantTo("sigmoid cross-entropy", "weights", weights, logits.shape());
        int n = z.size();
        float invN = 1f / n;
        double sum = be.sigmoidCrossEntropySum(z.storage(), z.offset(), y.storage(), y.offset(), w == null ? null : w.storage(), n);
        Tensor out = Tensor.scalar((float) (sum * invN)).to(be);
        // dz = (g/n)·w·(σ(z) − y),  dy = −(g/n)·w·z  (w = 1 without weights)
        return Autograd.record(out, "sigmoidCrossEntropy", (g, needs) -> {
            float scale = g.item() * invN;
            Tensor dz = null;
            if (needs[0]) {
                dz = Tensor.zeros(be, logits.shape());
                be.sigmoidCrossEntropyBackward(z.storage(), z.offset(), y.storage(), y.offset(), w == null ? null : w.storage(), scale, dz.storage(), n);
            }
            return new Tensor[] {dz, needs[1] ? (w == null ? z : z.mul(w)).mul(-scale) : null};
        }, logits, targets);
    }
}
