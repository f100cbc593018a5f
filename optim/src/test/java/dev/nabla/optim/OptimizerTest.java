package dev.nabla.optim;

import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Each optimizer against values worked out by hand from Keras's update rule. Parameters have 19
 * elements so that both the vector loop and the scalar tail run; every element starts at 1 and
 * sees the gradient 0.5 on every step.
 */
class OptimizerTest {
    private static final int N = 19;

    /** Weights after {@code steps} steps of a constant gradient 0.5 from weights 1. */
    private static float[] run(Optimizer opt, int steps) {
        Tensor w = Tensor.ones(N).requiresGrad(true);
        for (int s = 0; s < steps; s++) {
            w.setGrad(Tensor.full(0.5f, N));
            opt.step(List.of(w));
        }
        assertEquals(steps, opt.iterations());
        return w.toArray();
    }

    private static void assertAll(double expected, float[] w, double tol) {
        for (float v : w) assertEquals(expected, v, tol, () -> Arrays.toString(w));
    }

    @Test
    void sgdPlain() {
        // w ← w − 0.1·0.5, three times
        assertAll(0.85, run(new SGD(0.1f), 3), 1e-6);
    }

    @Test
    void sgdMomentum() {
        // v1 = −0.05, w1 = 0.95; v2 = −0.095, w2 = 0.855; v3 = −0.1355, w3 = 0.7195
        assertAll(0.7195, run(new SGD(0.1f, 0.9f, false), 3), 1e-6);
    }

    @Test
    void sgdNesterov() {
        // w1 = 1 − 0.045 − 0.05 = 0.905; w2 = 0.905 − 0.0855 − 0.05 = 0.7695; w3 = 0.7695 − 0.12195 − 0.05 = 0.59755
        assertAll(0.59755, run(new SGD(0.1f, 0.9f, true), 3), 1e-6);
    }

    @Test
    void kerasDefaults() {
        assertEquals(0.01f, SGD.keras22().learningRate());
        assertEquals(0f, SGD.keras22().momentum());
        assertEquals(1e-3f, new Adam().learningRate());
        assertEquals(1e-3f, new Adadelta().learningRate());
        assertEquals(1.0f, Adadelta.keras22().learningRate());
        assertEquals(1e-3f, new RMSprop().learningRate());
        assertEquals(1e-3f, new Nadam().learningRate());
        assertEquals(0.9f, Nadam.DEFAULT_BETA_1);
        assertEquals(0.999f, Nadam.DEFAULT_BETA_2);
        assertEquals(1e-7f, Nadam.DEFAULT_EPSILON);
    }

    @Test
    void adamThreeSteps() {
        // With a constant g: m_t = (1 − β₁ᵗ)g and v_t = (1 − β₂ᵗ)g², so
        // α_t·m_t/(√v_t + ε) = lr·g·√(1 − β₂ᵗ)/(|g|√(1 − β₂ᵗ) + ε), which is lr up to ε:
        double w = 1;
        for (int t = 1; t <= 3; t++) {
            double c2 = Math.sqrt(1 - Math.pow(0.999, t));
            w -= 1e-3 * 0.5 * c2 / (0.5 * c2 + 1e-7);
        }
        assertEquals(0.997, w, 1e-5);
        assertAll(w, run(new Adam(), 3), 1e-6);
    }

    @Test
    void adamOneStepVaryingGradientByHand() {
        // m = 0.1·g, v = 0.001·g², α_1 = lr·√0.001/0.1, step = α_1·m/(√v + ε) ≈ lr·sign(g)
        Tensor w = Tensor.of(new float[] {1f, 2f}, 2).requiresGrad(true);
        new Adam(0.01f).applyGradients(List.of(w), List.of(Tensor.of(new float[] {3f, -0.001f}, 2)));
        assertEquals(1f - 0.01f, w.get(0), 1e-6);
        assertEquals(2f + 0.01f * 0.001 * Math.sqrt(0.001) / (0.001 * Math.sqrt(0.001) + 1e-7), w.get(1), 1e-6);
    }

    @Test
    void adadeltaKeras22() {
        // A1 = 0.05·0.25 = 0.0125, Δ1 = √1e-7/√(0.0125 + 1e-7)·0.5, D1 = 0.05·Δ1², …
        double a = 0, d = 0, w = 1;
        for (int t = 0; t < 3; t++) {
            a = 0.95 * a + 0.05 * 0.25;
            double delta = Math.sqrt(d + 1e-7) / Math.sqrt(a + 1e-7) * 0.5;
            d = 0.95 * d + 0.05 * delta * delta;
            w -= delta;
            if (t == 0) assertEquals(1 - 1.41421e-3, w, 1e-8);
        }
        assertAll(w, run(Adadelta.keras22(), 3), 1e-6);
    }

    @Test
    void rmsprop() {
        // s1 = 0.1·0.25 = 0.025, w1 = 1 − 1e-3·0.5/√(0.025 + 1e-7) = 0.99683772
        assertAll(0.99683772, run(new RMSprop(), 1), 1e-6);
        double s = 0, w = 1;
        for (int t = 0; t < 3; t++) {
            s = 0.9 * s + 0.1 * 0.25;
            w -= 1e-3 * 0.5 / Math.sqrt(s + 1e-7);
        }
        assertAll(w, run(new RMSprop(), 3), 1e-6);
    }

    /** Weights after Keras's TF2 Nadam on these gradients, written out in double from its definition. */
    private static double nadamByHand(double w, double... gradients) {
        double m = 0, v = 0, product = 1;
        for (int t = 1; t <= gradients.length; t++) {
            double g = gradients[t - 1];
            double mu = 0.9 * (1 - 0.5 * Math.pow(0.96, 0.004 * t)), muNext = 0.9 * (1 - 0.5 * Math.pow(0.96, 0.004 * (t + 1)));
            product *= mu;
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            double mBar = (1 - mu) * g / (1 - product) + muNext * m / (1 - product * muNext);
            w -= 1e-3 * mBar / (Math.sqrt(v / (1 - Math.pow(0.999, t))) + 1e-7);
        }
        return w;
    }

    @Test
    void nadamThreeSteps() {
        // step 1: μ₁ = 0.9·(1 − ½·0.96^0.004) = 0.4500735, μ₂ = 0.4501469; m = 0.1·g, √(v/(1 − β₂)) = |g|,
        // m̄ = g + μ₂·0.1·g/(1 − μ₁μ₂) = 1.0564516·g, so w = 1 − 1e-3·1.0564516 = 0.99894355
        assertAll(0.99894355, run(new Nadam(), 1), 1e-7);
        assertEquals(0.9974276472, nadamByHand(1, 0.5, 0.5, 0.5), 1e-9);
        assertAll(nadamByHand(1, 0.5, 0.5, 0.5), run(new Nadam(), 3), 1e-6);
        // a varying gradient, and the momentum product carried from step to step
        Tensor w = Tensor.of(new float[] {2f}, 1).requiresGrad(true);
        Nadam nadam = new Nadam();
        for (float g : new float[] {3f, -1f, 0.25f}) nadam.applyGradients(List.of(w), List.of(Tensor.of(new float[] {g}, 1)));
        assertEquals(nadamByHand(2, 3, -1, 0.25), w.get(0), 1e-6);
        assertEquals(1.9990860413, nadamByHand(2, 3, -1, 0.25), 1e-9);
    }

    @Test
    void stateIsPerParameter() {
        Adam adam = new Adam();
        Tensor a = Tensor.ones(3).requiresGrad(true), b = Tensor.ones(5).requiresGrad(true);
        a.setGrad(Tensor.full(1f, 3));
        b.setGrad(Tensor.full(-1f, 5));
        adam.step(List.of(a, b));
        assertEquals(1f - 1e-3f, a.get(0), 1e-6);
        assertEquals(1f + 1e-3f, b.get(4), 1e-6);
    }

    @Test
    void rejectsMismatchedGradient() {
        Tensor w = Tensor.ones(3).requiresGrad(true).name("dense/kernel");
        var e = assertThrows(IllegalArgumentException.class, () -> new SGD(0.1f).applyGradients(List.of(w), List.of(Tensor.ones(4))));
        assertEquals("optimizer: gradient of shape (4) for parameter 'dense/kernel' of shape (3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Adam(-1f));
    }
}
