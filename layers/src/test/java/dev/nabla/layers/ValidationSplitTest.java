package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.losses.Losses;
import dev.nabla.optim.SGD;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValidationSplitTest {
    @Test
    void theLastFractionBeforeShufflingValidates() {
        float[] xs = new float[10 * 2], ys = new float[10];
        for (int i = 0; i < 10; i++) {
            xs[2 * i] = i;
            xs[2 * i + 1] = 1;
            ys[i] = i * 0.5f;
        }
        Tensor x = Tensor.of(xs, 10, 2), y = Tensor.of(ys, 10, 1);
        Sequential m = new Sequential(new Dense(1));
        m.build(2);
        m.compile(Losses.meanSquaredError(), new SGD(0.001f));
        // Keras: split_at = int(10 · 0.7) = 7 → train on samples 0..6, validate on 7..9
        History h = m.fit(x, y, Fit.epochs(2).validationSplit(0.3).verbose(false));
        double expected = m.evaluate(x.slice(0, 7, 10), y.slice(0, 7, 10)).get("loss");
        assertEquals(expected, h.last("val_loss"), 1e-9);
        var e = assertThrows(IllegalArgumentException.class, () -> m.fit(x, y, Fit.epochs(1).validationSplit(0.95).verbose(false)));
        assertEquals("fit: a validation split of 0.95 leaves 0 of 10 samples for training", e.getMessage());
    }
}
