package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LayerScopeTest {
    private static Sequential encoder() {
        return new Sequential(new Dense(3, Activation.RELU), new Dropout(0.2f), new Dense(2)).inputShape(4);
    }

    private static List<float[]> values(Model m) {
        return m.weights().stream().map(Tensor::toArray).toList();
    }

    private static void assertSameWeights(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), actual.get(i));
    }

    @Test
    void sameSeedSameWeightsWhateverIsBuiltAroundIt() {
        List<float[]> alone;
        try (var scope = LayerScope.open(7)) {
            alone = values(encoder());
        }
        new Dense(5).build(3);
        List<float[]> interleaved;
        try (var scope = LayerScope.open(7)) {
            Dense first = new Dense(3, Activation.RELU);
            try (var other = LayerScope.open(7)) {
                encoder();
                new Dense(9).build(2);
            }
            Layer dropout = new Dropout(0.2f);
            Dense last = new Dense(2);
            interleaved = values(new Sequential(first, dropout, last).inputShape(4));
        }
        assertEquals(4, alone.size());
        assertSameWeights(alone, interleaved);
    }

    @Test
    void outsideAnyScopeAThreadStartsFromSeed42() throws InterruptedException {
        List<float[]> seeded;
        try (var scope = LayerScope.open(LayerScope.DEFAULT_SEED)) {
            seeded = values(encoder());
        }
        AtomicReference<List<float[]>> unscoped = new AtomicReference<>();
        Thread fresh = new Thread(() -> unscoped.set(values(encoder())));
        fresh.start();
        fresh.join();
        assertSameWeights(seeded, unscoped.get());
    }

    @Test
    void namesAreUniqueWithinAScope() {
        try (var outer = LayerScope.open(1)) {
            assertEquals("dense", new Dense(1).name());
            assertEquals("input_1", Input.of(2).name());
            try (var inner = LayerScope.open(1)) {
                assertEquals("dense", new Dense(1).name());
                assertEquals("dense_1", new Dense(1).name());
                assertEquals("input_1", Input.of(2).name());
                Layer.clearSession();
                assertEquals("dense", new Dense(1).name());
            }
            assertEquals("dense_1", new Dense(1).name());
            assertEquals("input_2", Input.of(2).name());
        }
    }

    @Test
    void scopesCloseInsideOut() {
        LayerScope outer = LayerScope.open(1);
        LayerScope inner = LayerScope.open(2);
        var e = assertThrows(IllegalStateException.class, outer::close);
        assertEquals("a layer scope must be closed after the scopes opened inside it", e.getMessage());
        inner.close();
        outer.close();
        outer.close();
    }
}
