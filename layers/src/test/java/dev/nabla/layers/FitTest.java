package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.losses.Losses;
import dev.nabla.layers.losses.Metrics;
import dev.nabla.optim.Adam;
import dev.nabla.optim.SGD;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
