package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.VectorMath;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Binary cross-entropy of sigmoid(z) against targets y, computed from the logits z and averaged
 * over all elements, as TensorFlow's {@code sigmoid_cross_entropy_with_logits} followed by a mean.
 * <pre>
 *   ℓ(z, y) = −y·log σ(z) − (1 − y)·log(1 − σ(z)) = max(z, 0) − z·y + log(1 + e^−|z|)
 *   dℓ/dz = σ(z) − y          dℓ/dy = −z
 * </pre>
 * The right-hand form never takes the log of a rounded-off probability, so it stays finite and
 * exact where σ(z) saturates to 0 or 1 in float32.
 */
public final class SigmoidCrossEntropy {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private SigmoidCrossEntropy() {}

    /** mean over all elements of ℓ(logits, targets); same shapes. */
    public static Tensor meanFromLogits(Tensor logits, Tensor targets) {
        if (!Arrays.equals(logits.shape(), targets.shape())) {
            throw new IllegalArgumentException("sigmoid cross-entropy: logits " + Shape.str(logits.shape()) + " and targets " + Shape.str(targets.shape()) + " differ");
        }
        Tensor z = logits.contiguous(), y = targets.contiguous();
        int n = z.size();
        float[] zd = z.data(), yd = y.data();
        int zo = z.offset(), yo = y.offset();
        double sum = 0;
        int i = 0;
        FloatVector acc = FloatVector.zero(S);
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector zv = FloatVector.fromArray(S, zd, zo + i), yv = FloatVector.fromArray(S, yd, yo + i);
            // log(1 + t) for t = e^−|z| in (0, 1]: the argument lies in (1, 2], where log is accurate
            // to float precision, so the slower log1p (not a vector intrinsic everywhere) is not needed
            FloatVector softplus = VectorMath.log(VectorMath.exp(zv.abs().neg()).add(1f));
            acc = acc.add(zv.max(0f).sub(zv.mul(yv)).add(softplus));
            if ((i & 4095) == 0) { sum += VectorMath.sumLanes(acc); acc = FloatVector.zero(S); }
        }
        sum += VectorMath.sumLanes(acc);
        for (; i < n; i++) {
            float zi = zd[zo + i];
            sum += Math.max(zi, 0f) - zi * yd[yo + i] + Math.log1p(Math.exp(-Math.abs(zi)));
        }
        float invN = 1f / n;
        Tensor out = Tensor.scalar((float) (sum * invN));
        return Autograd.record(out, "sigmoidCrossEntropy", g -> {
            float scale = g.item() * invN;
            Tensor dz = logits.requiresGrad() ? Tensor.zeros(logits.shape()) : null;
            if (dz != null) logitsGrad(zd, zo, yd, yo, scale, dz.data(), n);
            Tensor dy = targets.requiresGrad() ? z.mul(-scale) : null;
            return new Tensor[] {dz, dy};
        }, logits, targets);
    }

    /** dz = scale · (σ(z) − y). */
    private static void logitsGrad(float[] z, int zo, float[] y, int yo, float scale, float[] dz, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector zv = FloatVector.fromArray(S, z, zo + i);
            FloatVector sig = FloatVector.broadcast(S, 1f).div(VectorMath.exp(zv.neg()).add(1f));
            sig.sub(FloatVector.fromArray(S, y, yo + i)).mul(scale).intoArray(dz, i);
        }
        for (; i < n; i++) dz[i] = scale * ((float) (1.0 / (1.0 + Math.exp(-z[zo + i]))) - y[yo + i]);
    }
}
