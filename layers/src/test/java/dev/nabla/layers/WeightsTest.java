package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WeightsTest {
    @Test
    void setWeightsTakesKerasOrderAndLayoutAndGetWeightsCopies() {
        Dense d = new Dense(2);
        d.build(3);
        // Keras's Dense: kernel (in, out) then bias (out); y = x·W + b
        d.setWeights(List.of(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2), Tensor.of(new float[] {0.5f, -1}, 2)));
        Tensor y = d.call(Tensor.of(new float[] {1, 1, 1}, 1, 3), false);
        assertArrayEquals(new float[] {9.5f, 11f}, y.toArray());
        List<Tensor> copy = d.getWeights();
        copy.getFirst().data()[0] = 100;
        assertEquals(1f, d.kernel().toArray()[0], "getWeights returns copies");
    }

    @Test
    void aModelSetsEveryLayerInOrderAndRefusesWrongShapesBeforeChangingAnything() {
        Sequential m = new Sequential(new Dense(2), new Dense(1));
        m.build(3);
        List<Tensor> w = m.getWeights();
        assertEquals(4, w.size());
        var e = assertThrows(IllegalArgumentException.class, () -> m.setWeights(List.of(w.get(0), w.get(1), Tensor.zeros(1, 2), w.get(3))));
        assertEquals("setWeights: weight '" + m.weights().get(2).name() + "' has shape (2, 1), the value given has shape (1, 2)", e.getMessage());
        assertArrayEquals(w.get(2).toArray(), m.weights().get(2).toArray());
        var count = assertThrows(IllegalArgumentException.class, () -> m.setWeights(w.subList(0, 3)));
        assertEquals("layer '" + m.name() + "' (Sequential) has 4 weights, setWeights got 3", count.getMessage());
    }
}
