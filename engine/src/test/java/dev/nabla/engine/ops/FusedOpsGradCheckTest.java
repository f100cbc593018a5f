package dev.nabla.engine.ops;

import dev.nabla.engine.GradCheck;
import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gradient checks and hand-computed values for the fused affine and cross-entropy ops. */
class FusedOpsGradCheckTest {
    private static final SplittableRandom RNG = new SplittableRandom(3);

    private static Tensor leaf(int... shape) {
        return Tensor.uniform(RNG, -1f, 1f, shape).requiresGrad(true);
    }

    @Test
    void affineValue() {
        // [1 2]·[[1 0 2], [0 1 3]] + [10 20 30] = [11 22 38]
        Tensor y = Affine.affine(Tensor.of(new float[] {1, 2}, 1, 2), Tensor.of(new float[] {1, 0, 2, 0, 1, 3}, 2, 3),
                Tensor.of(new float[] {10, 20, 30}, 3), false);
        assertArrayEquals(new float[] {11, 22, 38}, y.toArray());
        // the same kernel stored transposed (3, 2)
        Tensor yt = Affine.affine(Tensor.of(new float[] {1, 2}, 1, 2), Tensor.of(new float[] {1, 0, 0, 1, 2, 3}, 3, 2),
                null, true);
        assertArrayEquals(new float[] {1, 2, 8}, yt.toArray());
    }

    @Test
    void affineGradients() {
        GradCheck.float32().check("affine", in -> Affine.affine(in[0], in[1], in[2], false), leaf(5, 4), leaf(4, 3), leaf(3));
        GradCheck.float32().check("affine transposed", in -> Affine.affine(in[0], in[1], in[2], true), leaf(5, 4), leaf(3, 4), leaf(3));
    }

    @Test
    void affineShapeError() {
        var e = assertThrows(IllegalArgumentException.class, () -> Affine.affine(Tensor.zeros(2, 5), Tensor.zeros(4, 3), null, false));
        assertEquals("affine: input (2, 5) does not match kernel (4, 3): 5 features vs 4", e.getMessage());
    }

    @Test
    void sigmoidCrossEntropyValue() {
        // z = 0: ℓ = log 2 whatever y; z = 20, y = 0: ℓ ≈ 20; z = −3, y = 1: ℓ = log(1 + e³) = 3.048587
        Tensor l = SigmoidCrossEntropy.meanFromLogits(Tensor.of(new float[] {0, 20, -3}, 3), Tensor.of(new float[] {0.3f, 0, 1}, 3));
        assertEquals((Math.log(2) + 20 + 3.0485874) / 3, l.item(), 1e-5);
    }

    @Test
    void sigmoidCrossEntropyGradients() {
        Tensor y = Tensor.uniform(RNG, 0f, 1f, 7, 5).requiresGrad(true);
        GradCheck.float32().check("sigmoid cross-entropy", in -> SigmoidCrossEntropy.meanFromLogits(in[0], in[1]), leaf(7, 5), y);
    }

    @Test
    void weightedSigmoidCrossEntropy() {
        // per-sample weights (0, 1, 2) on 3 samples of 2 logits: (0·ℓ₀ + 1·ℓ₁ + 2·ℓ₂) summed over their elements, ÷ 6
        Tensor z = Tensor.of(new float[] {0, 1, 20, 0, -3, 2}, 3, 2), y = Tensor.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
        double l1 = 20 + Math.log(2), l2 = Math.log1p(Math.exp(3)) + Math.log1p(Math.exp(-2));
        Tensor l = SigmoidCrossEntropy.meanFromLogits(z, y, Tensor.of(new float[] {0, 1, 2}, 3, 1));
        assertEquals((l1 + 2 * l2) / 6, l.item(), 1e-5);
        Tensor big = leaf(37, 5), targets = Tensor.uniform(RNG, 0f, 1f, 37, 5);
        assertEquals(SigmoidCrossEntropy.meanFromLogits(big, targets).item(),
                SigmoidCrossEntropy.meanFromLogits(big, targets, Tensor.ones(37, 1)).item(), 0, "weights of 1, bit for bit");
        var e = assertThrows(IllegalArgumentException.class, () -> SigmoidCrossEntropy.meanFromLogits(z, y, Tensor.ones(2, 1)));
        assertTrue(e.getMessage().startsWith("sigmoid cross-entropy: "), e.getMessage());
    }

    @Test
    void weightedSigmoidCrossEntropyGradients() {
        Tensor y = Tensor.uniform(RNG, 0f, 1f, 7, 5).requiresGrad(true), w = Tensor.uniform(RNG, 0f, 2f, 7, 1);
        GradCheck.float32().check("weighted sigmoid cross-entropy", in -> SigmoidCrossEntropy.meanFromLogits(in[0], in[1], w), leaf(7, 5), y);
    }

    @Test
    void weightedSoftmaxCrossEntropy() {
        // rows ℓ = (ln 2, ln 4) weighted (3, 0.5), ÷ 2 rows
        float ln2 = (float) Math.log(2);
        Tensor z = Tensor.of(new float[] {0, 0, ln2, 0, 0, ln2}, 2, 3), y = Tensor.of(new float[] {0, 0, 1, 1, 0, 0}, 2, 3);
        assertEquals((3 * Math.log(2) + 0.5 * Math.log(4)) / 2, SoftmaxCrossEntropy.meanFromLogits(z, y, Tensor.of(new float[] {3, 0.5f}, 2)).item(), 1e-6);
        Tensor big = leaf(6, 4, 5), targets = Tensor.uniform(RNG, 0f, 1f, 6, 4, 5);
        assertEquals(SoftmaxCrossEntropy.meanFromLogits(big, targets).item(),
                SoftmaxCrossEntropy.meanFromLogits(big, targets, Tensor.ones(6, 1)).item(), 0, "weights of 1, bit for bit");
    }

    @Test
    void weightedSoftmaxCrossEntropyGradients() {
        Tensor y = Tensor.uniform(RNG, 0f, 1f, 3, 4, 6).requiresGrad(true), w = Tensor.uniform(RNG, 0f, 2f, 3, 1);
        GradCheck.float32().check("weighted softmax cross-entropy", in -> SoftmaxCrossEntropy.meanFromLogits(in[0], in[1], w), leaf(3, 4, 6), y);
    }

    @Test
    void softmaxCrossEntropyValue() {
        // z = (0, 0, ln 2): softmax = (1/4, 1/4, 1/2); y one-hot on class 2 → ℓ = ln 2; on class 0 → ln 4
        float ln2 = (float) Math.log(2);
        Tensor l = SoftmaxCrossEntropy.meanFromLogits(Tensor.of(new float[] {0, 0, ln2, 0, 0, ln2}, 2, 3),
                Tensor.of(new float[] {0, 0, 1, 1, 0, 0}, 2, 3));
        assertEquals((Math.log(2) + Math.log(4)) / 2, l.item(), 1e-6);
    }

    @Test
    void softmaxCrossEntropyGradients() {
        Tensor y = Tensor.uniform(RNG, 0f, 1f, 4, 6).requiresGrad(true);
        GradCheck.float32().check("softmax cross-entropy", in -> SoftmaxCrossEntropy.meanFromLogits(in[0], in[1]), leaf(4, 6), y);
    }
}
