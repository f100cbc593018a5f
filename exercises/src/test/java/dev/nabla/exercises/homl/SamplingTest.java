package dev.nabla.exercises.homl;

import dev.nabla.engine.GradCheck;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.ops.ShapeOps;
import dev.nabla.layers.LayerScope;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reparameterisation trick: codings μ + exp(γ / 2)·ε, differentiable in μ and γ. */
class SamplingTest {
    /** (n, 2, k): every sample has the same μ and γ. */
    private static Tensor pair(int n, float[] mean, float[] logVar) {
        int k = mean.length;
        float[] v = new float[n * 2 * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(mean, 0, v, i * 2 * k, k);
            System.arraycopy(logVar, 0, v, i * 2 * k + k, k);
        }
        return Tensor.of(v, n, 2, k);
    }

    /** Codings from a Sampling layer made in a fresh scope of this seed: the same noise for the same seed. */
    private static Tensor sample(long seed, Tensor meanAndLogVar) {
        try (var scope = LayerScope.open(seed)) {
            return new Sampling().call(meanAndLogVar, true);
        }
    }

    @Test
    void codingsHaveMeanMuAndStandardDeviationExpOfHalfTheLogVariance() {
        int n = 20_000;
        float[] mean = {1.5f, -2f}, logVar = {0f, (float) Math.log(4)};   // σ = 1 and 2
        float[] z = sample(1, pair(n, mean, logVar)).toArray();
        for (int j = 0; j < 2; j++) {
            double sum = 0, squares = 0;
            for (int i = 0; i < n; i++) sum += z[2 * i + j];
            double m = sum / n;
            for (int i = 0; i < n; i++) squares += (z[2 * i + j] - m) * (z[2 * i + j] - m);
            double sd = Math.sqrt(squares / (n - 1)), sigma = Math.exp(logVar[j] / 2);
            // the standard error of the mean is σ/√n ≈ 0.014 at σ = 2
            assertEquals(mean[j], m, 4 * sigma / Math.sqrt(n), "mean of coding " + j);
            assertEquals(sigma, sd, 0.03 * sigma, "standard deviation of coding " + j);
        }
    }

    @Test
    void gradientIsOneForTheMeanAndHalfSigmaEpsilonForTheLogVariance() {
        Tensor mean = Tensor.of(new float[] {0.5f, -1f, 2f, 0f, 0.3f, -0.7f}, 3, 2).requiresGrad(true);
        Tensor logVar = Tensor.of(new float[] {0f, 1f, -1f, 0.4f, -2f, 0.8f}, 3, 2).requiresGrad(true);
        Tensor z = sample(2, ShapeOps.stack(1, mean, logVar));
        z.sum().backward();
        float[] mu = mean.toArray(), gamma = logVar.toArray(), codings = z.toArray();
        float[] dMean = mean.grad().toArray(), dLogVar = logVar.grad().toArray();
        for (int i = 0; i < codings.length; i++) {
            double sigma = Math.exp(gamma[i] / 2), epsilon = (codings[i] - mu[i]) / sigma;   // the noise drawn
            assertEquals(1, dMean[i], 1e-6, "dz/dμ at " + i);
            assertEquals(0.5 * sigma * epsilon, dLogVar[i], 1e-5, "dz/dγ at " + i);
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesForFixedNoise() {
        Tensor meanAndLogVar = Tensor.of(new float[] {0.5f, -1f, 0.2f, 0.9f, 2f, 0f, -0.4f, -1.5f}, 2, 2, 2).requiresGrad(true);
        GradCheck.float32().check("Sampling", in -> sample(3, in[0]), meanAndLogVar);
    }

    @Test
    void theNoiseComesFromTheLayersSeededGenerator() {
        Tensor p = pair(4, new float[] {0f, 0f, 0f}, new float[] {0f, 0f, 0f});
        assertArrayEquals(sample(7, p).toArray(), sample(7, p).toArray(), "the same seed draws the same noise");
        try (var scope = LayerScope.open(7)) {
            var sampling = new Sampling();
            float[] first = sampling.call(p, true).toArray(), second = sampling.call(p, false).toArray();
            assertFalse(Arrays.equals(first, second), "each call draws new noise, in inference too");
        }
    }

    @Test
    void takesTheMeanAndLogVarianceStackedOnAxisOne() {
        assertArrayEquals(new int[] {10}, new Sampling().computeOutputShape(new int[] {2, 10}));
        var e = assertThrows(IllegalArgumentException.class, () -> new Sampling().call(Tensor.zeros(4, 10), true));
        assertTrue(e.getMessage().contains("stacked on axis 1, a shape (2, k) per sample; got (10)"), e.getMessage());
    }
}
