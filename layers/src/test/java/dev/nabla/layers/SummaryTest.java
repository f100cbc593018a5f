package dev.nabla.layers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SummaryTest {
    @BeforeEach
    void freshNames() {
        Layer.clearSession();
    }

    @Test
    void aulExercise19Classifier() {
        Sequential model = new Sequential(new Dense(500, Activation.RELU), new Dense(10, Activation.SOFTMAX)).inputShape(1024);
        assertEquals(517_510, model.countParams());
        assertEquals("""
                Model: "sequential"
                _________________________________________________________________
                Layer (type)                 Output Shape              Param #  \s
                =================================================================
                dense (Dense)                (None, 500)               512500   \s
                _________________________________________________________________
                dense_1 (Dense)              (None, 10)                5010     \s
                =================================================================
                Total params: 517,510
                Trainable params: 517,510
                Non-trainable params: 0
                _________________________________________________________________
                """, model.summary());
    }

    @Test
    void functionalModelListsItsInputAndNestedModelsCountTheirLayers() {
        var in = Input.of(1024);
        var code = new Dense(256, Activation.RELU).apply(in);
        var out = new Dense(1024, Activation.SIGMOID).apply(code);
        Model ae = new Model(in, out);
        String s = ae.summary();
        assertEquals(true, s.startsWith("Model: \"model\"\n"), s);
        assertEquals(true, s.contains("input_1 (InputLayer)         [(None, 1024)]            0"), s);
        assertEquals(true, s.contains("dense_1 (Dense)              (None, 1024)              263168"), s);
        assertEquals(true, s.contains("Total params: 525,568"), s);

        Sequential enc = new Sequential(new Flatten(), new Dense(100, Activation.GELU), new Dense(30, Activation.GELU));
        Sequential dec = new Sequential(new Dense(100, Activation.GELU), new Dense(784, Activation.SIGMOID), new Reshape(28, 28));
        Sequential stacked = new Sequential(enc, dec).inputShape(28, 28);
        String t = stacked.summary();
        assertEquals(true, t.contains("sequential (Sequential)      (None, 30)                81530"), t);
        assertEquals(true, t.contains("sequential_1 (Sequential)    (None, 28, 28)            82284"), t);
        assertEquals(163_814, stacked.countParams());
    }

    @Test
    void unbuiltModelHasNoSummary() {
        var e = assertThrows(IllegalStateException.class, () -> new Sequential(new Dense(3)).summary());
        assertEquals(true, e.getMessage().contains("has not yet been built"));
    }
}
