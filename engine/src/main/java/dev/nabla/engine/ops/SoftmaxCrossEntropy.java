package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.Backend;
import dev.nabla.engine.kernels.Storage;

import java.util.Arrays;

/**
 * Categorical cross-entropy of softmax(z) over the last axis against target distributions y,
 * from the logits and averaged over the rows, as TensorFlow's
 * {@code softmax_cross_entropy_with_logits} followed by a mean over the batch.
 * <pre>
 *   ℓ(z, y) = −Σ_i y_i·log softmax(z)_i = Σ_i y_i·(logΣ_j e^{z_j} − z_i)
 *   dℓ/dz_i = softmax(z)_i·Σ_j y_j − y_i      dℓ/dy_i = −log softmax(z)_i
 * </pre>
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {}

    /** mean over rows of ℓ(logits_row, targets_row); same shapes, classes on the last axis. */
    public static Tensor meanFromLogits(Tensor logits, Tensor targets) {
        return meanFromLogits(logits, targets, null);
    }

    /**
     * mean over rows of w_row·ℓ(logits_row, targets_row), with weights (constants, no gradient)
     * that broadcast to the rows' shape (the logits' without the class axis), e.g. one per sample
     * as (batch, 1, …); null weighs every row 1, and weights of 1 give the unweighted mean bit for bit.
     */
    public static Tensor meanFromLogits(Tensor logits, Tensor targets, Tensor weights) {
        if (!Arrays.equals(logits.shape(), targets.shape()) || logits.rank() < 1) {
            throw new IllegalArgumentException("softmax cross-entropy: logits " + Shape.str(logits.shape()) + " and targets " + Shape.str(targets.shape()) + " differ");
        }
        Backend be = Dense.backend("softmax cross-entropy", logits, targets, weights);
        Tensor logProbs = Softmax.logSoftmax(logits.detach(), -1);
        Tensor y = Dense.of(targets);
        int classes = logits.dim(-1), rows = logits.size() / Math.max(classes, 1);
        Tensor w = weights == null ? null
                : Broadcast.constantTo("softmax cross-entropy", "weights", weights, Arrays.copyOf(logits.shape(), logits.rank() - 1));
        Storage ws = w == null ? null : w.storage();
        double sum = be.softmaxCrossEntropySum(logProbs.storage(), y.storage(), y.offset(), ws, classes, logProbs.size());
        Tensor out = Tensor.scalar((float) (sum / rows)).to(be);
        // dz = (g/rows)·w·(softmax(z)·Σ_j y_j − y),  dy = −(g/rows)·w·log softmax(z)  (w = 1 without weights)
        return Autograd.record(out, "softmaxCrossEntropy", (g, needs) -> {
            float scale = g.item() / rows;
            Tensor dz = null;
            if (needs[0]) {
                dz = Tensor.zeros(be, logits.shape());
                be.softmaxCrossEntropyBackward(logProbs.storage(), y.storage(), y.offset(), ws, rows, classes, scale, dz.storage());
            }
            Tensor dy = null;
            if (needs[1]) dy = (w == null ? logProbs : logProbs.mul(w.reshape(withClassAxis(w.shape())))).mul(-scale);
            return new Tensor[] {dz, dy};
        }, logits, targets);
    }

    /** The rows' shape with a class axis of 1, so that row weights broadcast over the classes. */
    private static int[] withClassAxis(int[] rowShape) {
        int[] s = Arrays.copyOf(rowShape, rowShape.length + 1);
        s[rowShape.length] = 1;
        return s;
    }
}
