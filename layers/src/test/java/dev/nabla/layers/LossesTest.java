package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.losses.Loss;
import dev.nabla.layers.losses.Losses;
import dev.nabla.layers.losses.Metrics;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LossesTest {
    private static Tensor t(int rows, float... v) {
        return Tensor.of(v, rows, v.length / rows);
    }

    @Test
    void binaryCrossEntropyOnProbabilities() {
        Loss bce = Losses.binaryCrossEntropy();
        // mean of −ln 0.9, −ln 0.8, −ln 0.7, −ln 0.6 (the + ε inside Keras's log moves it by ~1e-7)
        double expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.7) + Math.log(0.6)) / 4;
        assertEquals(expected, bce.compute(t(2, 1, 0, 0, 1), t(2, 0.9f, 0.2f, 0.3f, 0.6f)).item(), 1e-6);
        // Keras clips p = 0 to ε and then takes log(p + ε): −ln(2e-7) = 15.42495
        assertEquals(15.42495, bce.compute(t(1, 1), t(1, 0)).item(), 1e-4);
    }

    @Test
    void binaryCrossEntropyFromLogitsEqualsItOnProbabilities() {
        Tensor y = t(1, 1, 0, 1, 1), z = t(1, 2f, -1f, 0.5f, -3f);
        // ℓ = ln(1 + e^−z) for y = 1, ln(1 + e^z) for y = 0
        double expected = (Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(-1)) + Math.log1p(Math.exp(-0.5)) + Math.log1p(Math.exp(3))) / 4;
        assertEquals(expected, Losses.binaryCrossEntropy(true).compute(y, z).item(), 1e-6);
        // the engine's sigmoid alone attaches no logits: the clipped formula, whose ε moves the value by ~1e-6
        assertEquals(expected, Losses.binaryCrossEntropy().compute(y, z.sigmoid()).item(), 1e-5);
    }

    @Test
    void binaryCrossEntropyFromLogitsStaysExactWhereTheSigmoidSaturates() {
        Tensor y = t(1, 1, 0), z = t(1, -40f, 40f);
        // ℓ(−40, 1) = ℓ(40, 0) = 40 + ln(1 + e^−40)
        assertEquals(40, Losses.binaryCrossEntropy(true).compute(y, z).item(), 1e-5);
        // clipped: σ(−40) becomes ε, −ln(ε + ε); σ(40) rounds to 1, becomes 1 − ε = 1 − 2⁻²³ in float32,
        // and 1 + ε = 1 + 2⁻²³, so −ln(2⁻²²) = 22·ln 2
        assertEquals((-Math.log(2e-7) + 22 * Math.log(2)) / 2, Losses.binaryCrossEntropy().compute(y, z.sigmoid()).item(), 1e-4);
    }

    @Test
    void binaryCrossEntropyUsesTheLogitsASigmoidOutputCarries() {
        Tensor z = t(1, -30f, 0f);
        Tensor p = Activation.SIGMOID.apply(z);
        // from logits: ℓ(−30, 1) = 30 exactly (the clipped form would give 15.42), ℓ(0, 0) = ln 2
        double stable = (30 + Math.log(2)) / 2;
        assertEquals(stable, Losses.binaryCrossEntropy().compute(t(1, 1, 0), p).item(), 1e-5);
        // a modified output is not the sigmoid's any more: back to clipping
        assertEquals((15.42495 + Math.log(2)) / 2, Losses.binaryCrossEntropy().compute(t(1, 1, 0), p.mul(1f)).item(), 1e-4);
    }

    @Test
    void shapeLayersAfterASigmoidKeepTheStableForm() {
        Tensor p = Activation.SIGMOID.apply(Tensor.of(new float[] {-30f, 0f}, 1, 2, 1));
        double stable = (30 + Math.log(2)) / 2;
        // the HOML decoders end with Reshape(28, 28) after the sigmoid
        Tensor reshaped = new Reshape(2).call(p, false);
        assertEquals(stable, Losses.binaryCrossEntropy().compute(t(1, 1, 0), reshaped).item(), 1e-5);
        Tensor flat = new Flatten().call(p, false);
        assertEquals(stable, Losses.binaryCrossEntropy().compute(t(1, 1, 0), flat).item(), 1e-5);
        Dense identity = new Dense(1, Activation.SIGMOID);
        identity.build(1);
        identity.kernel().data()[0] = 1f;
        Tensor steps = new TimeDistributed(identity).call(Tensor.of(new float[] {-30f, 0f}, 1, 2, 1), false);
        assertEquals(stable, Losses.binaryCrossEntropy().compute(Tensor.of(new float[] {1, 0}, 1, 2, 1), steps).item(), 1e-5);
    }

    @Test
    void binaryCrossEntropyGradientFromLogitsIsSigmoidMinusTarget() {
        Tensor z = t(1, 2f, -1f).requiresGrad(true);
        Losses.binaryCrossEntropy().compute(t(1, 1, 0), Activation.SIGMOID.apply(z)).backward();
        assertEquals((1 / (1 + Math.exp(-2)) - 1) / 2, z.grad().get(0, 0), 1e-6);
        assertEquals((1 / (1 + Math.exp(1))) / 2, z.grad().get(0, 1), 1e-6);
    }

    @Test
    void categoricalCrossEntropy() {
        Loss cce = Losses.categoricalCrossEntropy();
        assertEquals(-Math.log(0.7), cce.compute(t(1, 1, 0, 0), t(1, 0.7f, 0.2f, 0.1f)).item(), 1e-6);
        // Keras first divides the prediction by its sum over the last axis
        assertEquals(-Math.log(0.7), cce.compute(t(1, 1, 0, 0), t(1, 1.4f, 0.4f, 0.2f)).item(), 1e-6);
        // batch mean: (−ln 0.7 − ln 0.5) / 2
        assertEquals(-(Math.log(0.7) + Math.log(0.5)) / 2, cce.compute(t(2, 1, 0, 0, 0, 0, 1), t(2, 0.7f, 0.2f, 0.1f, 0.25f, 0.25f, 0.5f)).item(), 1e-6);
        // straight from softmax: logits (0, 0, ln 2) → p = (¼, ¼, ½)
        Tensor p = Activation.SOFTMAX.apply(t(1, 0, 0, (float) Math.log(2)));
        assertEquals(Math.log(4), cce.compute(t(1, 1, 0, 0), p).item(), 1e-6);
    }

    @Test
    void categoricalCrossEntropyFromLogits() {
        // logits (0, 0, ln 2) → p = (¼, ¼, ½)
        Tensor z = t(1, 0, 0, (float) Math.log(2));
        assertEquals(Math.log(4), Losses.categoricalCrossEntropy(true).compute(t(1, 1, 0, 0), z).item(), 1e-6);
        assertEquals(Math.log(4), Losses.categoricalCrossEntropy().compute(t(1, 1, 0, 0), z.softmax(-1)).item(), 1e-6);
        // softmax(0, 100) rounds to (0, 1) in float32: from logits the loss is 100, clipped −ln ε = 16.118
        Tensor saturated = t(1, 0, 100);
        assertEquals(100, Losses.categoricalCrossEntropy(true).compute(t(1, 1, 0), saturated).item(), 1e-4);
        assertEquals(100, Losses.categoricalCrossEntropy().compute(t(1, 1, 0), Activation.SOFTMAX.apply(saturated)).item(), 1e-4);
        assertEquals(-Math.log(1e-7), Losses.categoricalCrossEntropy().compute(t(1, 1, 0), saturated.softmax(-1)).item(), 1e-4);
    }

    @Test
    void aSoftmaxReshapedAcrossItsLastAxisIsJustProbabilities() {
        // two rows of softmax: (0, 0) → (½, ½) and (100, 0) → (1, e^−100)
        Tensor p = Activation.SOFTMAX.apply(Tensor.of(new float[] {0, 0, 100, 0}, 1, 2, 2));
        // flattened to (½, ½, 1, ~0) and normalised by its sum 2: −ln ½ for the third class,
        // where the logits, softmax(0, 0, 100, 0) ≈ (0, 0, 1, 0), would have given 0
        Tensor flat = new Flatten().call(p, false);
        assertEquals(Math.log(2), Losses.categoricalCrossEntropy().compute(t(1, 0, 0, 1, 0), flat).item(), 1e-6);
        // a reshape that keeps the last axis keeps the logits: ℓ((0, 0), (1, 0)) = ln 2 and
        // ℓ((100, 0), (0, 1)) = 100, where the clipped form would give −ln ε = 16.1
        Tensor rows = new Reshape(1, 2, 2).call(p, false);
        Tensor y = Tensor.of(new float[] {1, 0, 0, 1}, 1, 1, 2, 2);
        assertEquals((Math.log(2) + 100) / 2, Losses.categoricalCrossEntropy().compute(y, rows).item(), 1e-4);
    }

    @Test
    void meanSquaredErrorAndKlDivergence() {
        assertEquals(3.5, Losses.meanSquaredError().compute(t(2, 1, 1, 1, 1), t(2, 1, 2, 3, 4)).item(), 1e-6);
        // 0.5·ln(0.5/0.25) + 0.5·ln(0.5/0.75)
        assertEquals(0.5 * Math.log(2) + 0.5 * Math.log(2.0 / 3), Losses.klDivergence().compute(t(1, 0.5f, 0.5f), t(1, 0.25f, 0.75f)).item(), 1e-6);
        // Keras clips both sides to [1e-7, 1]: y = 0 contributes 1e-7·ln(1e-7/p) ≈ 0
        assertEquals(Math.log(2), Losses.klDivergence().compute(t(1, 1, 0), t(1, 0.5f, 0.5f)).item(), 1e-5);
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Losses.meanSquaredError().compute(Tensor.zeros(2, 3), Tensor.zeros(2, 4)));
        assertEquals("mean_squared_error: targets of shape (2, 3) do not match predictions of shape (2, 4)", e.getMessage());
        var r = assertThrows(IllegalArgumentException.class, () -> Losses.binaryCrossEntropy().validateTargets(t(2, 0, 1, 255, 0)));
        assertEquals("binary_crossentropy: targets must lie in [0, 1]; sample 1 holds 255.0", r.getMessage());
    }

    @Test
    void accuracy() {
        Tensor y = t(3, 1, 0, 0, 0, 1, 0, 0, 0, 1);
        Tensor p = t(3, 0.6f, 0.3f, 0.1f, 0.5f, 0.4f, 0.1f, 0.2f, 0.2f, 0.6f);
        assertEquals(2.0 / 3, Metrics.ACCURACY.resolve(Losses.categoricalCrossEntropy()).compute(y, p), 1e-12);
        assertEquals("accuracy", Metrics.ACCURACY.resolve(Losses.categoricalCrossEntropy()).name());
        // binary: threshold 0.5 on each value; only the second row's 0.4 (target 1) misses
        assertEquals(8.0 / 9, Metrics.ACCURACY.resolve(Losses.binaryCrossEntropy()).compute(y, p), 1e-12);
    }
}
