package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.regularizers.L1;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A layer applied twice in one model keeps both calls' activity losses, as in Keras. */
class SharedLayerLossesTest {
    @Test
    void bothCallsOfASharedLayerAddTheirLossAndTheNextCallStartsAfresh() {
        Dense shared = new Dense(2).activityRegularizer(new L1(1f));
        SymbolicTensor in = Input.of(2);
        Model m = new Model(in, shared.apply(shared.apply(in)));
        m.build(2);
        System.arraycopy(new float[] {2, 0, 0, 2}, 0, shared.kernel().data(), 0, 4);   // y = 2x
        m.call(Tensor.of(new float[] {1, -1}, 1, 2), true);
        // first call: |2| + |−2| = 4, second: |4| + |−4| = 8 (each ÷ batch 1)
        assertEquals(2, m.losses().size());
        assertEquals(4f, m.losses().get(0).item());
        assertEquals(8f, m.losses().get(1).item());
        m.call(Tensor.of(new float[] {0.5f, 0}, 1, 2), true);
        assertEquals(2, m.losses().size());
        assertEquals(1f, m.losses().get(0).item());
    }
}
