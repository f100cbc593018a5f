package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

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
        Sequential encoder = new Sequential(new LSTM(100, true), new LSTM(30)).inputShape(28, 28);
        Sequential decoder = new Sequential(new RepeatVector(28), new LSTM(100, true), new TimeDistributed(new Dense(28, Activation.SIGMOID))).inputShape(30);
        // Keras shows (None, None, 100) for input_shape=[None, 28]; here the step count is fixed at build.
        assertRows(encoder.summary(),
                "LSTM|(None, 28, 100)|51600",
                "LSTM|(None, 30)|15720");
        assertRows(decoder.summary(),
                "RepeatVector|(None, 28, 30)|0",
                "LSTM|(None, 28, 100)|52400",
                "TimeDistributed|(None, 28, 28)|2828");
        Sequential ae = new Sequential(encoder, decoder);
        Tensor y = ae.call(Tensor.uniform(new SplittableRandom(3), 0f, 1f, 4, 28, 28), true);
        assertArrayEquals(new int[] {4, 28, 28}, y.shape());
        assertEquals(51_600 + 15_720 + 52_400 + 2_828, ae.countParams());
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
