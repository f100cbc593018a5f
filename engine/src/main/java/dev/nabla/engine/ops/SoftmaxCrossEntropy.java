package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;

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
        Tensor logProbs = Softmax.logSoftmax(logits.detach(), -1);
        Tensor y = targets.contiguous();
        int classes = logits.dim(-1), rows = logits.size() / Math.max(classes, 1);
        float[] lp = logProbs.data(), yd = y.data();
        double sum = 0;
        for (int i = 0; i < lp.length; i++) sum -= (double) yd[y.offset() + i] * lp[i];
        Tensor out = Tensor.scalar((float) (sum / rows));
        return Autograd.record(out, "softmaxCrossEntropy", g -> {
            float scale = g.item() / rows;
            Tensor dz = null;
            if (logits.requiresGrad()) {
                dz = Tensor.zeros(logits.shape());
                float[] d = dz.data();
                for (int r = 0; r < rows; r++) {
                    int base = r * classes;
                    float ySum = 0;
                    for (int c = 0; c < classes; c++) ySum += yd[y.offset() + base + c];
                    for (int c = 0; c < classes; c++) {
                        d[base + c] = scale * ((float) Math.exp(lp[base + c]) * ySum - yd[y.offset() + base + c]);
                    }
                }
            }
            return new Tensor[] {dz, targets.requiresGrad() ? logProbs.mul(-scale) : null};
        }, logits, targets);
    }
}
