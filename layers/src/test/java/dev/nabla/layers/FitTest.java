package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.losses.Losses;
import dev.nabla.layers.losses.Metrics;
import dev.nabla.optim.Adam;
import dev.nabla.optim.SGD;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitTest {
    /** Two Gaussian blobs in 4-d, one-hot labelled. */
    static Tensor[] blobs(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 4], y = new float[n * 2];
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            for (int j = 0; j < 4; j++) x[i * 4 + j] = (float) (rng.nextGaussian() * 0.5 + (c == 0 ? -1 : 1));
            y[i * 2 + c] = 1;
        }
        return new Tensor[] {Tensor.of(x, n, 4), Tensor.of(y, n, 2)};
    }

    @Test
    void classifierLearnsAndReportsKerasKeys() {
        Tensor[] d = blobs(200, 5);
        Sequential m;
        try (var scope = LayerScope.open(1)) {
            m = new Sequential(new Dense(8, Activation.RELU), new Dense(2, Activation.SOFTMAX));
        }
        m.compile(Losses.categoricalCrossEntropy(), new Adam(0.01f), Metrics.ACCURACY);
        History h = m.fit(d[0], d[1], Fit.epochs(5).batchSize(32).validationData(d[0], d[1]).verbose(false));
        assertEquals(5, h.epochs());
        assertTrue(h.last("loss") < h.get("loss")[0], "loss falls");
        assertTrue(h.last("accuracy") > 0.95, "accuracy " + h.last("accuracy"));
        var ev = m.evaluate(d[0], d[1]);
        assertEquals(h.last("val_loss"), ev.get("loss"), 1e-6);
        assertEquals(h.last("val_accuracy"), ev.get("accuracy"), 1e-9);
        Tensor p = m.predict(d[0]);
        assertArrayEquals(new int[] {200, 2}, p.shape());
    }

    @Test
    void sameSeedSameLosses() {
        double[][] runs = new double[2][];
        for (int r = 0; r < 2; r++) {
            Tensor[] d = blobs(100, 5);
            try (var scope = LayerScope.open(9)) {
                Sequential m = new Sequential(new Dense(6, Activation.TANH), new Dropout(0.3f), new Dense(2, Activation.SOFTMAX));
                m.compile(Losses.categoricalCrossEntropy(), SGD.keras22());
                runs[r] = m.fit(d[0], d[1], Fit.epochs(3).seed(4).verbose(false)).get("loss");
            }
        }
        assertArrayEquals(runs[0], runs[1]);
    }

    @Test
    void trainStepReturnsTheBatchLossBeforeItsUpdate() {
        Tensor[] d = blobs(8, 3);
        Sequential m = new Sequential(new Dense(2, Activation.SOFTMAX));
        m.compile(Losses.categoricalCrossEntropy(), SGD.keras22(), Metrics.ACCURACY);
        double before = m.computeLoss(d[1], m.call(d[0], true)).item();
        float[] kernel = m.weights().get(0).toArray();
        Map<String, Double> logs = m.trainStep(d[0], d[1]);
        assertEquals(List.of("loss", "accuracy"), List.copyOf(logs.keySet()));
        assertEquals(before, logs.get("loss"));
        assertNotEquals(kernel[0], m.weights().get(0).toArray()[0], "the step updated the kernel");
        Map<String, Double> test = m.testStep(d[0], d[1]);
        assertEquals(m.evaluate(d[0], d[1]), test);
    }

    @Test
    void fitRunsAnOverriddenTrainStepAndRecordsItsLogs() {
        List<Integer> trained = new ArrayList<>(), tested = new ArrayList<>();
        Sequential m = new Sequential(new Dense(2, Activation.SOFTMAX)) {
            @Override
            public Map<String, Double> trainStep(Tensor x, Tensor y) {
                trained.add(x.dim(0));
                super.trainStep(x, y);
                return Map.of("loss", (double) x.dim(0));
            }

            @Override
            public Map<String, Double> testStep(Tensor x, Tensor y) {
                tested.add(x.dim(0));
                return Map.of("loss", 10.0 * x.dim(0));
            }
        };
        m.compile(Losses.categoricalCrossEntropy(), SGD.keras22());
        Tensor[] d = blobs(10, 7);
        History h = m.fit(d[0], d[1], Fit.epochs(2).batchSize(4).validationData(d[0], d[1]).verbose(false));
        assertEquals(List.of(4, 4, 2, 4, 4, 2), trained);
        assertEquals(List.of(4, 4, 2, 4, 4, 2), tested);
        // batch-size-weighted means over the epoch: (4·4 + 4·4 + 2·2) / 10 and ten times that
        assertArrayEquals(new double[] {3.6, 3.6}, h.get("loss"), 1e-12);
        assertArrayEquals(new double[] {36, 36}, h.get("val_loss"), 1e-12);
    }

    @Test
    void progressAndTheStopReasonGoToTheFitsOutput() {
        Tensor[] d = blobs(10, 7);
        Sequential m = new Sequential(new Dense(2, Activation.SOFTMAX));
        m.compile(Losses.categoricalCrossEntropy(), SGD.keras22());
        Callback stopAfterOneEpoch = new Callback() {
            private Training training;

            @Override
            public void onTrainBegin(Training t) {
                assertSame(m, t.model());
                training = t;
            }

            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) { training.stop("stopped after epoch " + epoch); }
        };
        var text = new ByteArrayOutputStream();
        History h = m.fit(d[0], d[1], Fit.epochs(3).batchSize(5).callbacks(stopAfterOneEpoch)
                .output(new PrintStream(text, true, StandardCharsets.UTF_8)));
        String[] lines = text.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length, text.toString(StandardCharsets.UTF_8));
        assertEquals("Epoch 1/3", lines[0]);
        assertTrue(lines[1].startsWith("2/2 [==============================] - "), lines[1]);
        assertTrue(lines[1].endsWith(String.format(Locale.ROOT, " - loss: %.4f", h.last("loss"))), lines[1]);
        assertEquals("stopped after epoch 1", lines[2]);
    }

    @Test
    void badDataFailsBeforeTraining() {
        Tensor[] d = blobs(10, 1);
        Sequential m = new Sequential(new Dense(2, Activation.SOFTMAX)).named("clf");
        m.compile(Losses.categoricalCrossEntropy(), SGD.keras22());
        var e1 = assertThrows(IllegalArgumentException.class, () -> m.fit(d[0], d[1].slice(0, 0, 9), Fit.epochs(1)));
        assertEquals("fit: x has 10 samples but y has 9", e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> m.fit(d[0], Tensor.zeros(10, 3), Fit.epochs(1)));
        assertEquals("fit: model 'clf' maps inputs (None, 4) to outputs (None, 2) but y has shape (None, 3)", e2.getMessage());
        Tensor notOneHot = d[1].contiguous();
        notOneHot.set(1f, 3, 0);
        notOneHot.set(1f, 3, 1);
        var e3 = assertThrows(IllegalArgumentException.class, () -> m.fit(d[0], notOneHot, Fit.epochs(1)));
        assertEquals("fit: categorical_crossentropy: target row 3 sums to 2.0; categorical targets must be one-hot rows of width 2 (a probability distribution)", e3.getMessage());
        var e4 = assertThrows(IllegalArgumentException.class, () -> m.fit(Tensor.zeros(10, 5), d[1], Fit.epochs(1)));
        assertEquals("layer 'clf' (Sequential) was built for inputs of shape (None, 4) but received (None, 5)", e4.getMessage());
    }
}
