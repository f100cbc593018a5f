package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.Backend;

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
        if (!Arrays.equals(logits.shape(), targets.shape()) || logits.rank() < 1) {
            throw new IllegalArgumentException("softmax cross-entropy: logits " + Shape.str(logits.shape()) + " and targets " + Shape.str(targets.shape()) + " differ");
        }
        Backend be = Dense.backend("softmax cross-entropy", logits, targets);
        Tensor logProbs = Softmax.logSoftmax(logits.detach(), -1);
        Tensor y = Dense.of(targets);
        int classes = logits.dim(-1), rows = logits.size() / Math.max(classes, 1);
        double sum = be.softmaxCrossEntropySum(logProbs.storage(), y.storage(), y.offset(), logProbs.size());
        Tensor out = Tensor.scalar((float) (sum / rows)).to(be);
        // dz = (g/rows)·(softmax(z)·Σ_j y_j − y),  dy = −(g/rows)·log softmax(z)
        return Autograd.record(out, "softmaxCrossEntropy", (g, needs) -> {
            float scale = g.item() / rows;
            Tensor dz = null;
            if (needs[0]) {
                dz = Tensor.zeros(be, logits.shape());
                be.softmaxCrossEntropyBackward(logProbs.storage(), y.storage(), y.offset(), rows, classes, scale, dz.storage());
            }
            return new Tensor[] {dz, needs[1] ? logProbs.mul(-scale) : null};
        }, logits, targets);
    }
}
