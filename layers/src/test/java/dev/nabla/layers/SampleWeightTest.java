package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.losses.Loss;
import dev.nabla.layers.losses.Losses;
import dev.nabla.optim.SGD;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Sample and class weights as Keras defines them: the loss of a batch is the mean over its
 * samples of wᵢ·lossᵢ ("sum over batch size": divided by the batch size, not by Σw), lossᵢ being
 * averaged over the sample's other axes first; weights of 1 change no bit.
 */
class SampleWeightTest {
    private static final Tensor W = Tensor.of(new float[] {0, 1, 2}, 3);

    private static Tensor t(int rows, float... v) {
        return Tensor.of(v, rows, v.length / rows);
    }

    @Test
    void meanSquaredErrorWeighsEachSamplesMean() {
        // per-sample means of (p − y)²: (1 + 1)/2 = 1, (0 + 4)/2 = 2, (4 + 0)/2 = 2 → (0·1 + 1·2 + 2·2) / 3 = 2
        Tensor y = t(3, 0, 0, 1, 1, 2, 0), p = t(3, 1, 1, 1, 3, 0, 0);
        assertEquals(2f, Losses.meanSquaredError().compute(y, p, W).item(), 1e-6);
        assertEquals(5f / 3, Losses.meanSquaredError().compute(y, p).item(), 1e-6);
    }

    @Test
    void binaryCrossEntropyOnProbabilitiesAndFromLogits() {
        Tensor y = t(3, 1, 0, 0, 1, 1, 1), p = t(3, 0.9f, 0.2f, 0.3f, 0.6f, 0.7f, 0.5f);
        double s1 = -(Math.log(0.7) + Math.log(0.6)) / 2, s2 = -(Math.log(0.7) + Math.log(0.5)) / 2;
        assertEquals((s1 + 2 * s2) / 3, Losses.binaryCrossEntropy().compute(y, p, W).item(), 1e-6);
        // from logits (the fused form): ℓ(z, 1) = ln(1 + e^−z), ℓ(z, 0) = ln(1 + e^z)
        Tensor z = t(3, 2, -1, 0.5f, -3, 1, 0);
        double l1 = (Math.log1p(Math.exp(0.5)) + Math.log1p(Math.exp(3))) / 2, l2 = (Math.log1p(Math.exp(-1)) + Math.log(2)) / 2;
        assertEquals((l1 + 2 * l2) / 3, Losses.binaryCrossEntropy(true).compute(y, z, W).item(), 1e-6);
        // a sigmoid output carries its logits: the same fused form
        assertEquals((l1 + 2 * l2) / 3, Losses.binaryCrossEntropy().compute(y, Activation.SIGMOID.apply(z), W).item(), 1e-6);
    }

    @Test
    void categoricalCrossEntropiesWeighRows() {
        // rows one-hot on classes 2, 0, 1 of p = (1/4, 1/4, 1/2): ℓ = ln 2, ln 4, ln 4 → (0 + ln 4 + 2 ln 4) / 3 = ln 4
        float q = 0.25f, h = 0.5f;
        Tensor p = t(3, q, q, h, q, q, h, q, q, h), y = t(3, 0, 0, 1, 1, 0, 0, 0, 1, 0);
        assertEquals(Math.log(4), Losses.categoricalCrossEntropy().compute(y, p, W).item(), 1e-6);
        assertEquals(Math.log(4), Losses.sparseCategoricalCrossEntropy().compute(Tensor.of(new float[] {2, 0, 1}, 3), p, W).item(), 1e-6);
        Tensor z = p.log();
        assertEquals(Math.log(4), Losses.categoricalCrossEntropy(true).compute(y, z, W).item(), 1e-6);
    }

    @Test
    void weightsOfOneChangeNoBit() {
        SplittableRandom rng = new SplittableRandom(11);
        Tensor ones = Tensor.ones(37);
        Tensor p = Tensor.uniform(rng, 0.01f, 0.99f, 37, 5, 3), y = Tensor.uniform(rng, 0f, 1f, 37, 5, 3);
        Tensor z = Tensor.uniform(rng, -4f, 4f, 37, 5, 3), hot = Activation.SOFTMAX.apply(Tensor.uniform(rng, -4f, 4f, 37, 5, 3));
        for (Loss loss : List.of(Losses.meanSquaredError(), Losses.binaryCrossEntropy(), Losses.binaryCrossEntropy(true), Losses.klDivergence())) {
            assertEquals(loss.compute(y, p).item(), loss.compute(y, p, ones).item(), 0, loss.name());
            assertEquals(loss.compute(y, z).item(), loss.compute(y, z, ones).item(), 0, loss.name() + " on logits");
        }
        Tensor sigmoid = Activation.SIGMOID.apply(z);
        assertEquals(Losses.binaryCrossEntropy().compute(y, sigmoid).item(), Losses.binaryCrossEntropy().compute(y, sigmoid, ones).item(), 0);
        Loss cce = Losses.categoricalCrossEntropy();
        assertEquals(cce.compute(hot, p).item(), cce.compute(hot, p, ones).item(), 0);
        assertEquals(cce.compute(hot, hot).item(), cce.compute(hot, hot, ones).item(), 0, "from the softmax's logits");
    }

    @Test
    void weightsMustBeOnePerSample() {
        var e = assertThrows(IllegalArgumentException.class, () -> Losses.meanSquaredError().compute(t(3, 1, 2, 3), t(3, 1, 2, 3), Tensor.ones(2)));
        assertEquals("mean_squared_error: sample weights of shape (2) for predictions of shape (3, 1); give one weight per sample, shape (3)", e.getMessage());
    }

    /** y = 2·x₀ − x₁ with a little noise, and a Dense(1) that SGD barely moves, so that each epoch's loss is that of the first weights. */
    private static Tensor[] regression(int n) {
        SplittableRandom rng = new SplittableRandom(3);
        Tensor x = Tensor.uniform(rng, -1f, 1f, n, 2);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) y[i] = 2 * x.get(i, 0) - x.get(i, 1) + (float) rng.nextGaussian() * 0.1f;
        return new Tensor[] {x, Tensor.of(y, n, 1)};
    }

    private static Sequential model(float lr) {
        try (var scope = LayerScope.open(5)) {
            Sequential m = new Sequential(new Dense(1)).inputShape(2);
            m.compile(Losses.meanSquaredError(), new SGD(lr));
            return m;
        }
    }

    /** Σ wᵢ·(pᵢ − yᵢ)² / n for the model's current predictions, in double. */
    private static double weightedMse(Model m, Tensor x, Tensor y, float[] w) {
        Tensor p = m.predict(x);
        double s = 0;
        for (int i = 0; i < w.length; i++) s += w[i] * Math.pow(p.get(i, 0) - y.get(i, 0), 2);
        return s / w.length;
    }

    @Test
    void weightsAreShuffledWithTheirSamples() {
        Tensor[] d = regression(6);
        float[] w = {0, 0, 0, 0, 0, 5};
        Sequential m = model(1e-12f);
        double expected = weightedMse(m, d[0], d[1], w);
        // batches of one, shuffled: the epoch's loss is the mean of wᵢ·ℓᵢ only if each weight stays with its sample
        History h = m.fit(d[0], d[1], Fit.epochs(3).batchSize(1).seed(8).sampleWeight(Tensor.of(w, 6))
                .validationData(d[0], d[1], Tensor.of(w, 6)).verbose(false));
        for (int e = 0; e < 3; e++) {
            assertEquals(expected, h.get("loss")[e], 1e-6);
            assertEquals(expected, h.get("val_loss")[e], 1e-6);
        }
        assertEquals(expected, m.evaluate(d[0], d[1], Tensor.of(w, 6), 4).get("loss"), 1e-6);
    }

    @Test
    void weightsOfOneTrainBitForBitAsNoWeights() {
        Tensor[] d = regression(50);
        History plain = model(0.1f).fit(d[0], d[1], Fit.epochs(3).batchSize(8).seed(2).validationData(d[0], d[1]).verbose(false));
        History ones = model(0.1f).fit(d[0], d[1], Fit.epochs(3).batchSize(8).seed(2).sampleWeight(Tensor.ones(50))
                .validationData(d[0], d[1], Tensor.ones(50)).verbose(false));
        assertArrayEquals(plain.get("loss"), ones.get("loss"));
        assertArrayEquals(plain.get("val_loss"), ones.get("val_loss"));
    }

    @Test
    void batchesCarryTheirOwnWeights() {
        Tensor[] d = regression(6);
        float[] w = {3, 0, 1, 1, 0, 2};
        Sequential m = model(1e-12f);
        double expected = weightedMse(m, d[0], d[1], w);
        List<Batch> batches = List.of(new Batch(d[0].slice(0, 0, 3), d[1].slice(0, 0, 3), Tensor.of(new float[] {3, 0, 1}, 3)),
                new Batch(d[0].slice(0, 3, 6), d[1].slice(0, 3, 6), Tensor.of(new float[] {1, 0, 2}, 3)));
        assertEquals(expected, m.fit(batches, Fit.epochs(1).verbose(false)).last("loss"), 1e-6);
        var e = assertThrows(IllegalArgumentException.class, () -> m.fit(batches, Fit.epochs(1).sampleWeight(Tensor.ones(6))));
        assertEquals("fit on batches: give sample weights in each Batch(x, y, sampleWeight), not in Fit", e.getMessage());
    }

    @Test
    void aValidationSplitSplitsTheWeights() {
        Tensor[] d = regression(10);
        float[] w = {1, 1, 1, 1, 1, 1, 1, 0.5f, 2, 4};
        Sequential m = model(1e-12f);
        History h = m.fit(d[0], d[1], Fit.epochs(1).validationSplit(0.3).sampleWeight(Tensor.of(w, 10)).verbose(false));
        // split_at = int(10 · 0.7) = 7: samples 7..9 and their weights validate
        assertEquals(weightedMse(m, d[0].slice(0, 7, 10), d[1].slice(0, 7, 10), new float[] {0.5f, 2, 4}), h.last("val_loss"), 1e-6);
    }

    @Test
    void classWeightsWeighEachSampleByItsClass() {
        Tensor[] d = FitTest.blobs(40, 4);
        Map<Integer, Double> classWeight = Map.of(0, 1.0, 1, 3.0);
        float[] byClass = new float[40];
        for (int i = 0; i < 40; i++) byClass[i] = d[1].get(i, 1) == 1 ? 3 : 1;
        History weighted = classifier().fit(d[0], d[1], Fit.epochs(2).batchSize(8).classWeight(classWeight).verbose(false));
        History same = classifier().fit(d[0], d[1], Fit.epochs(2).batchSize(8).sampleWeight(Tensor.of(byClass, 40)).verbose(false));
        assertArrayEquals(same.get("loss"), weighted.get("loss"));

        // sparse labels: the index is the class
        float[] labels = new float[40];
        for (int i = 0; i < 40; i++) labels[i] = d[1].get(i, 1);
        Sequential sparse = classifier();
        sparse.compile(Losses.sparseCategoricalCrossEntropy(), new SGD(0.1f));
        History fromIndices = sparse.fit(d[0], Tensor.of(labels, 40), Fit.epochs(2).batchSize(8).classWeight(classWeight).verbose(false));
        assertArrayEquals(same.get("loss"), fromIndices.get("loss"), 1e-6);
    }

    private static Sequential classifier() {
        try (var scope = LayerScope.open(6)) {
            Sequential m = new Sequential(new Dense(2, Activation.SOFTMAX)).inputShape(4);
            m.compile(Losses.categoricalCrossEntropy(), new SGD(0.1f));
            return m;
        }
    }

    @Test
    void classWeightsNeedClassLabelsAndNoSampleWeights() {
        var both = assertThrows(IllegalArgumentException.class, () -> Fit.epochs(1).sampleWeight(Tensor.ones(3)).classWeight(Map.of(0, 1.0)));
        assertEquals("Fit: give sample weights or class weights, not both (as Keras)", both.getMessage());
        var keys = assertThrows(IllegalArgumentException.class, () -> Fit.epochs(1).classWeight(Map.of(0, 1.0, 2, 2.0)));
        assertEquals("Fit: class weights need the keys 0 to one less than the number of classes, got [0, 2]", keys.getMessage());

        Sequential images = new Sequential(new Flatten(), new Dense(4), new Reshape(2, 2)).inputShape(2, 2);
        images.compile(Losses.meanSquaredError(), new SGD(0.1f));
        Tensor x = Tensor.uniform(new SplittableRandom(1), 0f, 1f, 3, 2, 2);
        var rank3 = assertThrows(IllegalArgumentException.class, () -> images.fit(x, x, Fit.epochs(1).classWeight(Map.of(0, 1.0)).verbose(false)));
        assertEquals("fit: class weights need class labels as targets, (samples) indices or (samples, classes) one-hot rows; y has shape (3, 2, 2)"
                + " (as Keras, class weights are not supported for 3+ dimensional targets)", rank3.getMessage());

        Tensor[] d = FitTest.blobs(4, 1);
        Tensor notOneHot = Tensor.of(d[1].toArray(), 4, 2);
        notOneHot.set(0.7f, 2, 0);
        Sequential regressor = classifier();
        regressor.compile(Losses.meanSquaredError(), new SGD(0.1f));
        var rows = assertThrows(IllegalArgumentException.class, () -> regressor.fit(d[0], notOneHot, Fit.epochs(1).classWeight(Map.of(0, 1.0, 1, 2.0)).verbose(false)));
        assertEquals("fit: class weights need class labels as targets; row 2 of y is not a one-hot (or probability) row", rows.getMessage());

        var length = assertThrows(IllegalArgumentException.class, () -> classifier().fit(d[0], d[1], Fit.epochs(1).sampleWeight(Tensor.ones(3)).verbose(false)));
        assertEquals("fit: sample weights of shape (3) for 4 samples; give one weight per sample, shape (4)", length.getMessage());
    }
}
