package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.nabla.layers.Input.NONE;
import static dev.nabla.layers.SummaryRows.assertRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecurrentLayersTest {
    @BeforeEach
    void freshNames() {
        Layer.clearSession();
    }

    @Test
    void homlRecurrentAutoencoder() {
        // LSTM(100, return_sequences=True, input_shape=[None, 28]): Keras shows (None, None, 100)
        Sequential encoder = new Sequential(new LSTM(100, true), new LSTM(30)).inputShape(NONE, 28);
        Sequential decoder = new Sequential(new RepeatVector(28), new LSTM(100, true), new TimeDistributed(new Dense(28, Activation.SIGMOID))).inputShape(30);
        assertRows(encoder.summary(),
                "LSTM|(None, None, 100)|51600",
                "LSTM|(None, 30)|15720");
        assertRows(decoder.summary(),
                "RepeatVector|(None, 28, 30)|0",
                "LSTM|(None, 28, 100)|52400",
                "TimeDistributed|(None, 28, 28)|2828");
        Sequential ae = new Sequential(encoder, decoder).inputShape(NONE, 28);
        assertRows(ae.summary(),
                "Sequential|(None, 30)|67320",
                "Sequential|(None, 28, 28)|55228");
        Tensor y = ae.call(Tensor.uniform(new SplittableRandom(3), 0f, 1f, 4, 28, 28), true);
        assertArrayEquals(new int[] {4, 28, 28}, y.shape());
        assertEquals(51_600 + 15_720 + 52_400 + 2_828, ae.countParams());
    }

    @Test
    void aModelBuiltForAnyLengthTakesSequencesOfEveryLength() {
        LSTM first = new LSTM(6, true);
        Sequential encoder = new Sequential(first, new LSTM(3)).inputShape(NONE, 4);
        Tensor x = Tensor.uniform(new SplittableRandom(6), -1f, 1f, 2, 28, 4);
        assertArrayEquals(new int[] {2, 3}, encoder.call(x, false).shape());
        // 5 steps: the first 5 of the 28, so the sequence outputs agree step by step
        Tensor shortSequence = x.slice(1, 0, 5);
        assertArrayEquals(new int[] {2, 3}, encoder.call(shortSequence, false).shape());
        assertArrayEquals(first.call(x, false).slice(1, 0, 5).contiguous().toArray(), first.call(shortSequence, false).toArray(), 1e-6f);
        assertArrayEquals(new int[] {NONE, 4}, encoder.inputShape());
        var e = assertThrows(IllegalArgumentException.class, () -> encoder.call(Tensor.zeros(2, 5, 3), false));
        assertEquals("layer 'sequential' (Sequential) was built for inputs of shape (None, None, 4) but received (None, 5, 3)", e.getMessage());
        var features = assertThrows(IllegalArgumentException.class, () -> new LSTM(2).build(5, NONE));
        assertEquals("layer 'lstm_2' (LSTM) needs inputs with a known feature axis (the last), got (None, 5, None)", features.getMessage());
    }

    @Test
    void shapeLayersKeepAnAxisOfAnyLength() {
        assertArrayEquals(new int[] {NONE, 8, 3}, new TimeDistributed(new Dense(3)).computeOutputShape(new int[] {NONE, 8, 5}));
        assertArrayEquals(new int[] {NONE}, new Flatten().computeOutputShape(new int[] {NONE, 28}));
        assertEquals("input_1(None, None, 28)", Input.of(NONE, 28).toString());
        var e = assertThrows(IllegalArgumentException.class, () -> Input.of(0, 28));
        assertEquals("Input: dimensions must be positive or NONE, got [0, 28]", e.getMessage());
    }

    @Test
    void lstmStartsWithUnitForgetBiasAndAnOrthogonalRecurrentKernel() {
        LSTM lstm = new LSTM(5);
        lstm.build(4, 40);
        float[] b = lstm.bias().toArray();
        for (int j = 0; j < 20; j++) assertEquals(j >= 5 && j < 10 ? 1f : 0f, b[j], "bias[" + j + "]");
        // (5, 20) with orthonormal rows: R·Rᵀ = I
        Tensor r = lstm.recurrentKernel();
        Tensor rrt = r.matmul(r.transpose());
        for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) assertEquals(i == j ? 1f : 0f, rrt.get(i, j), 1e-5f);
        ConvLayersTest.assertUniformWithin(lstm.kernel(), (float) Math.sqrt(6.0 / (40 + 20)));
    }

    @Test
    void lastStateIsTheLastStepOfTheSequence() {
        LSTM all = new LSTM(6, true), last = new LSTM(6);
        Tensor x = Tensor.uniform(new SplittableRandom(4), -1f, 1f, 2, 5, 3);
        all.build(5, 3);
        last.build(5, 3);
        for (int i = 0; i < 3; i++) System.arraycopy(all.trainableWeights().get(i).data(), 0, last.trainableWeights().get(i).data(), 0, all.trainableWeights().get(i).size());
        Tensor seq = all.call(x, false), h = last.call(x, false);
        assertArrayEquals(new int[] {2, 6}, h.shape());
        assertArrayEquals(seq.slice(1, 4, 5).reshape(2, 6).toArray(), h.toArray());
    }

    @Test
    void repeatVectorAndTimeDistributed() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
        Tensor r = new RepeatVector(3).call(x, true);
        assertArrayEquals(new float[] {1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4}, r.contiguous().toArray());
        r.sum().backward();
        assertArrayEquals(new float[] {3, 3, 3, 3}, x.grad().toArray());

        Dense dense = new Dense(2);
        TimeDistributed td = new TimeDistributed(dense);
        Tensor seq = Tensor.uniform(new SplittableRandom(5), -1f, 1f, 2, 3, 4);
        Tensor y = td.call(seq, false);
        assertArrayEquals(new int[] {2, 3, 2}, y.shape());
        assertEquals(10, td.countParams());
        // every step goes through the same Dense
        assertArrayEquals(dense.call(seq.slice(1, 2, 3).reshape(2, 4), false).toArray(), y.slice(1, 2, 3).reshape(2, 2).toArray(), 1e-6f);
    }

    @Test
    void badInputsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LSTM(4).build(28));
        assertTrue(e.getMessage().contains("(None, steps, features)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RepeatVector(3).build(2, 2));
        assertThrows(IllegalArgumentException.class, () -> new TimeDistributed(new Dense(2)).build(4));
    }
}
