package dev.nabla.exercises.homl;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.Activation;
import dev.nabla.layers.Dense;
import dev.nabla.layers.Flatten;
import dev.nabla.layers.LayerScope;
import dev.nabla.layers.Sequential;
import dev.nabla.layers.losses.Losses;
import dev.nabla.optim.RMSprop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The latent loss by hand, and the encoder that adds it. */
class VariationalEncoderTest {
    @Test
    void latentLossIsZeroForTheStandardNormal() {
        Tensor zeros = Tensor.zeros(3, 10);
        assertArrayEquals(new float[3], VariationalEncoder.latentLoss(zeros, zeros).toArray(), 0f);
    }

    /**
     * Sample 1: μ = (1, 0), γ = (0, ln 2): −½ [(1 + 0 − 1 − 1) + (1 + ln 2 − 2 − 0)] = 1 − ½ ln 2.
     * Sample 2: μ = (0, −2), γ = (−1, 0): −½ [(1 − 1 − e⁻¹ − 0) + (1 + 0 − 1 − 4)] = ½ (e⁻¹ + 4).
     */
    @Test
    void latentLossMatchesTheFormulaByHand() {
        Tensor mean = Tensor.of(new float[] {1, 0, 0, -2}, 2, 2);
        Tensor logVar = Tensor.of(new float[] {0, (float) Math.log(2), -1, 0}, 2, 2);
        float[] loss = VariationalEncoder.latentLoss(mean, logVar).toArray();
        assertEquals(1 - 0.5 * Math.log(2), loss[0], 1e-6);
        assertEquals(0.5 * (Math.exp(-1) + 4), loss[1], 1e-6);
    }

    /** An encoder whose heads are constant: μ = 1 and γ = ln 2 for every coding of every image. */
    private static VariationalEncoder constantHeads(int codings, int pixels) {
        var encoder = new VariationalEncoder(codings, pixels, new Dense(3));
        encoder.build(pixels);
        List<Tensor> weights = new ArrayList<>(encoder.getWeights());   // hidden kernel, bias; μ kernel, bias; γ kernel, bias
        weights.set(2, Tensor.zeros(3, codings));
        weights.set(3, Tensor.full(1f, codings));
        weights.set(4, Tensor.zeros(3, codings));
        weights.set(5, Tensor.full((float) Math.log(2), codings));
        encoder.setWeights(weights);
        return encoder;
    }

    @Test
    void addsTheBatchMeanOfTheLatentLossOverThePixelCount() {
        int codings = 2, pixels = 4;
        var encoder = constantHeads(codings, pixels);
        Tensor x = Tensor.uniform(new SplittableRandom(1), 0, 1, 5, pixels);
        assertArrayEquals(new int[] {5, codings}, encoder.call(x, true).shape());
        // per image: −½ Σ (1 + ln 2 − 2 − 1) over 2 codings = 2 − ln 2
        assertEquals(1, encoder.losses().size());
        assertEquals((2 - Math.log(2)) / pixels, encoder.losses().get(0).item(), 1e-6);
        assertArrayEquals(Tensor.full(1f, 5, codings).toArray(), encoder.predictMean(x).toArray(), 1e-6f);
    }

    @Test
    void theAutoencodersLossIsTheReconstructionLossPlusTheLatentLoss() {
        int pixels = 4;
        var encoder = constantHeads(2, pixels);
        var vae = new Sequential(encoder, new Sequential(new Dense(pixels, Activation.SIGMOID))).inputShape(pixels);
        vae.compile(Losses.binaryCrossEntropy(), new RMSprop());
        Tensor x = Tensor.uniform(new SplittableRandom(2), 0, 1, 6, pixels);
        Tensor reconstructions = vae.call(x, false);
        double bce = Losses.binaryCrossEntropy().compute(x, reconstructions).item();
        assertEquals(bce + (2 - Math.log(2)) / pixels, vae.computeLoss(x, reconstructions).item(), 1e-5);
    }

    @Test
    void summaryListsTheHeadsAndTheSampling() {
        String s;
        try (var scope = LayerScope.open(11)) {   // fresh names: dense … dense_3
            var encoder = new VariationalEncoder(10, 784, new Flatten(), new Dense(150), new Dense(100));
            encoder.build(28, 28);
            s = encoder.summary();
        }
        assertTrue(s.contains("dense_3 (Dense)              (None, 10)                1010"), s);
        assertTrue(s.contains("sampling (Sampling)          (None, 10)                0"), s);
        assertTrue(s.contains("Total params: 134,870"), s);
    }
}
