package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.regularizers.L1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LayersTest {
    private LayerScope scope;

    @BeforeEach
    void fresh() {
        scope = LayerScope.open(11);
    }

    @AfterEach
    void close() {
        scope.close();
    }

    private static void setKernel(Dense d, float... values) {
        System.arraycopy(values, 0, d.kernel().data(), 0, values.length);
    }

    @Test
    void denseComputesActivationOfAffineMap() {
        Dense d = new Dense(2, Activation.RELU);
        d.build(3);
        assertArrayEquals(new int[] {3, 2}, d.kernel().shape());
        assertArrayEquals(new float[] {0, 0}, d.bias().toArray(), "bias starts at zero");
        setKernel(d, 1, -1, 2, 0, 0, 3);
        d.bias().data()[1] = 0.5f;
        // [1 2 3]·W = [5, 8] + [0, 0.5];  [−1 0 1]·W = [−1, 4] → relu → 0
        Tensor y = d.call(Tensor.of(new float[] {1, 2, 3, -1, 0, 1}, 2, 3), false);
        assertArrayEquals(new float[] {5, 8.5f, 0, 4.5f}, y.toArray());
        assertEquals(8, d.countParams());
        assertEquals("dense/kernel", d.kernel().name());
        assertEquals("dense/bias", d.bias().name());
    }

    @Test
    void denseActsOnTheLastAxis() {
        Dense d = new Dense(4);
        Tensor y = d.call(Tensor.ones(2, 5, 3), false);
        assertArrayEquals(new int[] {2, 5, 4}, y.shape());
        assertArrayEquals(new int[] {5, 4}, d.computeOutputShape(new int[] {5, 3}));
    }

    @Test
    void shapeErrorNamesLayerAndBothShapes() {
        Dense d = new Dense(4).named("code");
        d.call(Tensor.ones(2, 784), false);
        var e = assertThrows(IllegalArgumentException.class, () -> d.call(Tensor.ones(2, 100), false));
        assertEquals("layer 'code' (Dense) was built for inputs of shape (None, 784) but received (None, 100)", e.getMessage());
        var r = assertThrows(IllegalArgumentException.class, () -> new Reshape(28, 28).call(Tensor.ones(1, 780), false));
        assertEquals("layer 'reshape' (Reshape) cannot reshape inputs of shape (None, 780) (780 values per sample) to (None, 28, 28) (784)", r.getMessage());
    }

    @Test
    void activationsMatchTheirDefinitions() {
        Tensor x = Tensor.of(new float[] {-1f, 0f, 1f}, 1, 3);
        assertArrayEquals(new float[] {-1, 0, 1}, Activation.LINEAR.apply(x).toArray());
        assertArrayEquals(new float[] {0, 0, 1}, Activation.RELU.apply(x).toArray());
        assertArrayEquals(new float[] {0.26894142f, 0.5f, 0.73105858f}, Activation.SIGMOID.apply(x).toArray(), 1e-6f);
        assertArrayEquals(new float[] {-0.76159416f, 0, 0.76159416f}, Activation.TANH.apply(x).toArray(), 1e-6f);
        // exact gelu: x·Φ(x); Φ(1) = 0.8413447
        assertArrayEquals(new float[] {-0.15865525f, 0, 0.84134475f}, Activation.GELU.apply(x).toArray(), 1e-6f);
        // selu(−1) = 1.0507·1.67326·(e^−1 − 1) = −1.1113307
        assertArrayEquals(new float[] {-1.1113307f, 0, 1.0507010f}, Activation.SELU.apply(x).toArray(), 1e-6f);
        float e = (float) Math.E, s = 1 + e + e * e;
        assertArrayEquals(new float[] {1 / s, e / s, e * e / s}, Activation.SOFTMAX.apply(Tensor.of(new float[] {0, 1, 2}, 1, 3)).toArray(), 1e-6f);
    }

    @Test
    void flattenAndReshape() {
        Tensor x = Tensor.ones(4, 28, 28);
        assertArrayEquals(new int[] {4, 784}, new Flatten().call(x, false).shape());
        assertArrayEquals(new int[] {4, 28, 28}, new Reshape(28, 28).call(Tensor.ones(4, 784), false).shape());
        assertArrayEquals(new int[] {784}, new Flatten().computeOutputShape(new int[] {28, 28}));
    }

    @Test
    void dropoutIsInvertedSeededAndTrainingOnly() {
        Dropout d = new Dropout(0.25f);
        Tensor x = Tensor.full(2f, 100, 100);
        assertSame(x, d.call(x, false));
        float[] y = d.call(x, true).toArray();
        int zeros = 0;
        for (float v : y) {
            if (v == 0) zeros++;
            else assertEquals(2f / 0.75f, v, 1e-6);
        }
        assertEquals(0.25, zeros / 10000.0, 0.02);
        float[] a, b;
        try (var seeded = LayerScope.open(5)) {
            a = new Dropout(0.5f).call(x, true).toArray();
        }
        try (var seeded = LayerScope.open(5)) {
            b = new Dropout(0.5f).call(x, true).toArray();
        }
        assertArrayEquals(a, b);
    }

    @Test
    void gaussianNoiseInTrainingOnly() {
        GaussianNoise g = new GaussianNoise(0.2f);
        Tensor x = Tensor.full(1f, 200, 100);
        assertSame(x, g.call(x, false));
        float[] y = g.call(x, true).toArray();
        double mean = 0, sq = 0;
        for (float v : y) mean += (v - 1) / y.length;
        for (float v : y) sq += (v - 1 - mean) * (v - 1 - mean) / y.length;
        assertEquals(0, mean, 0.01);
        assertEquals(0.2, Math.sqrt(sq), 0.01);
    }

    @Test
    void activityRegularizationIsDividedByBatchSize() {
        ActivityRegularization r = new ActivityRegularization(0.1f, 0.01f);
        Tensor x = Tensor.of(new float[] {1, -2, 3, 0}, 2, 2);
        assertSame(x, r.call(x, true));
        // (0.1·(1 + 2 + 3) + 0.01·(1 + 4 + 9)) / 2 = 0.37
        assertEquals(0.37f, r.losses().get(0).item(), 1e-6);
        r.call(x, false);
        assertEquals(1, r.losses().size(), "losses of the last call only, in inference too");
    }

    @Test
    void denseActivityRegularizerSeesTheActivatedOutput() {
        Dense d = new Dense(2, Activation.RELU).activityRegularizer(new L1(0.5f));
        d.build(2);
        setKernel(d, 1, 0, 0, 1);
        d.call(Tensor.of(new float[] {1, -3, 2, 4}, 2, 2), true);
        // relu output [[1, 0], [2, 4]]: 0.5·7 / 2
        assertEquals(1.75f, d.losses().get(0).item(), 1e-6);
    }

    @Test
    void denseTransposeUsesTheTiedKernelAndOwnsOnlyItsBias() {
        Dense enc = new Dense(2);
        enc.build(3);
        setKernel(enc, 1, 2, 3, 4, 5, 6); // W (3, 2)
        DenseTranspose dec = new DenseTranspose(enc, Activation.LINEAR);
        Tensor y = dec.call(Tensor.of(new float[] {1, 1}, 1, 2), false);
        // [1 1]·Wᵀ = [3, 7, 11]
        assertArrayEquals(new float[] {3, 7, 11}, y.toArray());
        assertEquals(3, dec.countParams());
        assertEquals(3, dec.units());
        assertSame(enc.kernel(), dec.kernel());
        Sequential tied = new Sequential(enc, dec);
        assertEquals(6 + 2 + 3, tied.countParams(), "the shared kernel counts once");
        var e = assertThrows(IllegalStateException.class, () -> new DenseTranspose(new Dense(4), Activation.LINEAR).call(Tensor.ones(1, 4), false));
        assertEquals(true, e.getMessage().contains("must be built"), e.getMessage());
    }

    @Test
    void kerasNamesCountPerPrefix() {
        assertEquals("dense", new Dense(1).name());
        assertEquals("dense_1", new Dense(1).name());
        assertEquals("gaussian_noise", new GaussianNoise(1).name());
        assertEquals("activity_regularization", new ActivityRegularization(0, 0).name());
        assertEquals("dense_transpose", new DenseTranspose(new Dense(1), Activation.LINEAR).name());
        assertEquals("input_1", Input.of(3).name());
        assertEquals("input_2", Input.of(3).name());
    }
}
