package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.losses.Loss;
import dev.nabla.layers.losses.Losses;
import dev.nabla.layers.regularizers.Regularizer;
import dev.nabla.optim.Adam;
import dev.nabla.optim.SGD;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelTest {
    @TempDir
    Path dir;

    private LayerScope scope;

    @BeforeEach
    void fresh() {
        scope = LayerScope.open(21);
    }

    @AfterEach
    void close() {
        scope.close();
    }

    private static Tensor data(int n, int d, long seed) {
        return Tensor.uniform(new SplittableRandom(seed), 0f, 1f, n, d);
    }

    @Test
    void encoderModelSharesTheAutoencodersTrainedLayers() {
        SymbolicTensor in = Input.of(8);
        SymbolicTensor code = new Dense(3, Activation.RELU).apply(in);
        SymbolicTensor out = new Dense(8, Activation.SIGMOID).apply(code);
        Model autoencoder = new Model(in, out);
        Model encoder = new Model(in, code);
        Tensor x = data(64, 8, 1);
        Tensor before = encoder.predict(x);
        autoencoder.compile(Losses.binaryCrossEntropy(), new Adam(0.01f));
        autoencoder.fit(x, x, Fit.epochs(2).verbose(false));
        Tensor after = encoder.predict(x);
        assertTrue(before.get(0, 0) != after.get(0, 0) || before.get(5, 1) != after.get(5, 1), "training moved the shared encoder");
        Dense first = (Dense) encoder.layers().get(0);
        Tensor manual = Activation.RELU.apply(x.matmul(first.kernel()).add(first.bias()));
        assertArrayEquals(manual.toArray(), after.toArray(), 1e-5f);
        assertEquals(1, encoder.layers().size());
        var e = assertThrows(IllegalArgumentException.class, () -> new Model(Input.of(8), out));
        assertTrue(e.getMessage().contains("is not computed from input"), e.getMessage());
    }

    @Test
    void trainingLossAndValLossIncludeRegularisation() {
        Sequential m = new Sequential(new Dense(4, Activation.SIGMOID), new ActivityRegularization(0.1f, 0f), new Dense(4, Activation.SIGMOID));
        Loss bce = Losses.binaryCrossEntropy();
        m.compile(bce, new SGD(1e-9f)); // a negligible step: the epoch's loss is the loss of the initial weights
        Tensor x = data(32, 4, 2);
        History h = m.fit(x, x, Fit.epochs(1).batchSize(32).validationData(x, x).shuffle(false).verbose(false));
        Tensor pred = m.call(x, false);
        double regularisation = m.losses().get(0).item();
        // the sigmoid activations are positive, so the penalty is 0.1·Σa / 32
        Tensor hidden = m.layers().get(0).call(x, false);
        assertEquals(0.1 * hidden.sum().item() / 32, regularisation, 1e-6);
        double expected = bce.compute(x, pred).item() + regularisation;
        assertEquals(expected, h.last("loss"), 1e-5);
        assertEquals(expected, h.last("val_loss"), 1e-5);
    }

    /** The sparse autoencoder's KL-divergence regulariser, written on the public API as a user would. */
    static Regularizer klDivergenceRegularizer(float weight, float target) {
        Loss kld = Losses.klDivergence();
        return activations -> {
            Tensor meanActivities = activations.mean(false, 0);
            Tensor t = Tensor.full(target, meanActivities.shape());
            return kld.compute(t, meanActivities).add(kld.compute(t.neg().add(1f), meanActivities.neg().add(1f))).mul(weight);
        };
    }

    @Test
    void userWrittenKlRegularizer() {
        Dense d = new Dense(2).activityRegularizer(klDivergenceRegularizer(0.05f, 0.1f));
        d.build(2);
        System.arraycopy(new float[] {1, 0, 0, 1}, 0, d.kernel().data(), 0, 4);
        d.call(Tensor.of(new float[] {0.2f, 0.4f, 0.0f, 0.2f}, 2, 2), true);
        // mean activations (0.1, 0.3): KLD(0.1‖0.1) = 0, KLD(0.1‖0.3) = 0.1·ln(1/3),
        // KLD(0.9‖0.9) = 0, KLD(0.9‖0.7) = 0.9·ln(9/7); × 0.05, then ÷ batch 2
        double expected = 0.05 * (0.1 * Math.log(1 / 3.0) + 0.9 * Math.log(9 / 7.0)) / 2;
        assertEquals(expected, d.losses().get(0).item(), 1e-6);
    }

    @Test
    void terminateOnNaNNamesEpochAndBatch() {
        int[] calls = {0};
        Regularizer poison = a -> ++calls[0] == 3 ? Tensor.scalar(Float.NaN) : a.sum().mul(0f);
        Sequential m = new Sequential(new Dense(2, Activation.SIGMOID).activityRegularizer(poison));
        m.compile(Losses.meanSquaredError(), new SGD(0.1f));
        Tensor x = data(100, 2, 3);
        History h = m.fit(x, x, Fit.epochs(3).batchSize(10).verbose(false).callbacks(new TerminateOnNaN()));
        assertEquals("epoch 1, batch 3: invalid loss NaN, terminating training", h.stopReason());
        assertEquals(1, h.epochs());
        assertTrue(Double.isNaN(h.last("loss")));
    }

    @Test
    void aNonFiniteLossWithoutCallbacksIsReportedOnceWithEpochAndBatch() {
        int[] calls = {0};
        Regularizer poison = a -> ++calls[0] >= 13 ? Tensor.scalar(Float.NaN) : a.sum().mul(0f);
        Sequential m = new Sequential(new Dense(2, Activation.SIGMOID).activityRegularizer(poison));
        m.compile(Losses.meanSquaredError(), new SGD(0.1f));
        Tensor x = data(100, 2, 3);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            History h = m.fit(x, x, Fit.epochs(3).batchSize(10).verbose(false));
            assertEquals(3, h.epochs());
            assertTrue(Double.isNaN(h.last("loss")));
            m.fit(x, x, Fit.epochs(1).batchSize(10).verbose(false).callbacks(new TerminateOnNaN()));
        } finally {
            System.setErr(err);
        }
        assertEquals("warning: epoch 2, batch 3: loss is NaN; training goes on (give TerminateOnNaN as a callback to stop at the first"
                + " non-finite loss)" + System.lineSeparator(), captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void weightsRoundTripThroughSafetensors() throws IOException {
        Sequential a = new Sequential(new Dense(3, Activation.RELU), new Dense(2)).inputShape(4);
        Path file = dir.resolve("w.safetensors");
        a.saveWeights(file);
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, (8 + headerLength) % 8, "header padded to 8 bytes");
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8).strip();
        assertEquals("{\"dense/kernel\":{\"dtype\":\"F32\",\"shape\":[4,3],\"data_offsets\":[0,48]},"
                + "\"dense/bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[48,60]},"
                + "\"dense_1/kernel\":{\"dtype\":\"F32\",\"shape\":[3,2],\"data_offsets\":[60,84]},"
                + "\"dense_1/bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[84,92]}}", header);
        assertEquals(8 + headerLength + 92, bytes.length);

        Layer.clearSession();
        Sequential b = new Sequential(new Dense(3, Activation.RELU), new Dense(2)).inputShape(4);
        b.loadWeights(file);
        Tensor x = data(5, 4, 4);
        assertArrayEquals(a.predict(x).toArray(), b.predict(x).toArray());

        Layer.clearSession();
        Sequential wider = new Sequential(new Dense(5, Activation.RELU), new Dense(2)).inputShape(4);
        var e = assertThrows(IllegalArgumentException.class, () -> wider.loadWeights(file));
        assertEquals("loadWeights: " + file + ": 'dense/kernel' has shape (4, 3) but the model's is (4, 5)", e.getMessage());
        Sequential renamed = new Sequential(new Dense(3, Activation.RELU).named("enc"), new Dense(2)).inputShape(4);
        var m = assertThrows(IllegalArgumentException.class, () -> renamed.loadWeights(file));
        assertEquals("loadWeights: " + file + ": no tensor named 'enc/kernel', 'enc/bias', 'dense_3/kernel', 'dense_3/bias'"
                + " (the file holds 'dense/kernel', 'dense/bias', 'dense_1/kernel', 'dense_1/bias')", m.getMessage());
    }

    @Test
    void aFailedSaveLeavesThePreviousFile() throws IOException {
        Sequential a = new Sequential(new Dense(3)).inputShape(2);
        Path file = dir.resolve("w.safetensors");
        a.saveWeights(file);
        byte[] before = Files.readAllBytes(file);
        Sequential clash = new Sequential(new Dense(3).named("x"), new Dense(3).named("x")).inputShape(2);
        assertThrows(IllegalArgumentException.class, () -> clash.saveWeights(file));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void frozenLayersKeepTheirWeightsAndCountAsNonTrainable() {
        Sequential encoder = new Sequential(new Dense(3, Activation.RELU)).inputShape(4);
        float[] before = encoder.weights().get(0).toArray();
        Sequential classifier = new Sequential(encoder.trainable(false), new Dense(2, Activation.SOFTMAX));
        classifier.compile(Losses.categoricalCrossEntropy(), new Adam(0.1f));
        Tensor[] d = FitTest.blobs(40, 2);
        classifier.fit(d[0], d[1], Fit.epochs(2).verbose(false));
        assertArrayEquals(before, encoder.weights().get(0).toArray());
        assertEquals(2, classifier.trainableWeights().size());
        String s = classifier.summary();
        assertTrue(s.contains("Total params: 23\nTrainable params: 8\nNon-trainable params: 15\n"), s);
    }

    @Test
    void uncompiledModelSaysSo() {
        Sequential m = new Sequential(new Dense(1));
        var e = assertThrows(IllegalStateException.class, () -> m.fit(Tensor.ones(2, 1), Tensor.ones(2, 1), Fit.epochs(1)));
        assertTrue(e.getMessage().contains("must be compiled"));
        assertNull(m.loss());
    }
}
