package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.losses.Losses;
import dev.nabla.optim.Adam;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparseLossTest {
    @Test
    void equalsTheCategoricalLossOfTheOneHotRows() {
        // −(log 0.7 + log 0.5) / 2 on probabilities; from logits, softmax of each row
        Tensor p = Tensor.of(new float[] {0.7f, 0.2f, 0.1f, 0.25f, 0.25f, 0.5f}, 2, 3);
        Tensor labels = Tensor.of(new float[] {0, 2}, 2);
        float expected = (float) (-(Math.log(0.7) + Math.log(0.5)) / 2);
        assertEquals(expected, Losses.sparseCategoricalCrossEntropy().compute(labels, p).item(), 1e-6f);
        Tensor z = Tensor.of(new float[] {2, 0, 0, 0, 0, 1}, 2, 3);
        double row0 = -Math.log(Math.exp(2) / (Math.exp(2) + 2)), row1 = -Math.log(Math.E / (Math.E + 2));
        assertEquals((float) ((row0 + row1) / 2), Losses.sparseCategoricalCrossEntropy(true).compute(labels, z).item(), 1e-6f);
    }

    @Test
    void fitTakesClassIndicesAndRefusesAClassOutOfRange() {
        Sequential m = new Sequential(new Dense(3, Activation.SOFTMAX));
        m.build(2);
        m.compile(Losses.sparseCategoricalCrossEntropy(), new Adam());
        Tensor x = Tensor.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
        History h = m.fit(x, Tensor.of(new float[] {0, 1, 2}, 3), Fit.epochs(2).verbose(false));
        assertTrue(h.last("loss") < h.get("loss")[0] + 1e-3);
        var e = assertThrows(IllegalArgumentException.class, () -> m.fit(x, Tensor.of(new float[] {0, 1, 1.5f}, 3), Fit.epochs(1).verbose(false)));
        assertEquals("fit: sparse_categorical_crossentropy: targets must be class indices in [0, 3); element 2 holds 1.5", e.getMessage());
        var range = assertThrows(IllegalArgumentException.class, () -> m.fit(x, Tensor.of(new float[] {0, 3, 1}, 3), Fit.epochs(1).verbose(false)));
        assertEquals("fit: sparse_categorical_crossentropy: targets must be class indices in [0, 3); element 1 holds 3.0", range.getMessage());
    }
}
