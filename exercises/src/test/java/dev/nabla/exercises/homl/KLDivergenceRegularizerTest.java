package dev.nabla.exercises.homl;

import dev.nabla.engine.GradCheck;
import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KLDivergenceRegularizerTest {

    /**
     * Two samples, two units: activations (0.2, 0.0) and (0.4, 0.5) → unit means m = (0.3, 0.25).
     * With t = 0.1: Σ_j [t log(t/m_j) + (1−t) log((1−t)/(1−m_j))] times the weight 0.05.
     */
    @Test
    void matchesTheFormulaByHand() {
        Tensor a = Tensor.of(new float[] {0.2f, 0f, 0.4f, 0.5f}, 2, 2);
        double t = 0.1, expected = 0;
        for (double m : new double[] {0.3, 0.25}) expected += t * Math.log(t / m) + (1 - t) * Math.log((1 - t) / (1 - m));
        assertEquals(0.05 * expected, new KLDivergenceRegularizer(0.05f, 0.1f).apply(a).item(), 1e-6);
    }

    @Test
    void clipsAZeroMeanLikeKeras() {
        // A unit that never fires: its mean 0 is clipped to 1e-7, so the penalty is finite.
        Tensor a = Tensor.zeros(3, 1);
        double expected = 0.1 * Math.log(0.1 / 1e-7) + 0.9 * Math.log(0.9 / 1.0);
        assertEquals(expected, new KLDivergenceRegularizer(1f, 0.1f).apply(a).item(), 1e-4);
    }

    @Test
    void zeroAtTheTarget() {
        Tensor a = Tensor.full(0.1f, 4, 3);
        assertEquals(0, new KLDivergenceRegularizer(0.05f, 0.1f).apply(a).item(), 1e-7);
    }

    @Test
    void gradientChecks() {
        Tensor a = Tensor.uniform(new SplittableRandom(3), 0.05f, 0.95f, 4, 5).requiresGrad(true);
        GradCheck.float32().check("kl regulariser", in -> new KLDivergenceRegularizer(0.05f, 0.1f).apply(in[0]), a);
    }
}
