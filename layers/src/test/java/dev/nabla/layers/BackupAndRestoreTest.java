package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.losses.Losses;
import dev.nabla.optim.Nadam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.nabla.layers.Activation.SELU;
import static dev.nabla.layers.Activation.SIGMOID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupAndRestoreTest {
    private static final int EPOCHS = 5;

    @TempDir
    Path dir;

    private final Tensor x = Tensor.uniform(new SplittableRandom(1), 0, 1, 40, 6);
    private final Tensor xValid = Tensor.uniform(new SplittableRandom(2), 0, 1, 10, 6);

    /** A denoising autoencoder with both kinds of noise, so that the random state matters. */
    private static Sequential model() {
        Sequential m = new Sequential(new GaussianNoise(0.2f), new Dense(4, SELU), new Dropout(0.3f), new Dense(6, SIGMOID)).inputShape(6);
        m.compile(Losses.binaryCrossEntropy(), new Nadam());
        return m;
    }

    private History fit(Sequential m, Callback... callbacks) {
        return m.fit(x, x, Fit.epochs(EPOCHS).batchSize(8).seed(3).verbose(false).validationData(xValid, xValid).callbacks(callbacks));
    }

    /** Stops the process's work after an epoch, as a kill would, once the backup of that epoch is written. */
    private record Crash(int afterEpoch) implements Callback {
        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            if (epoch == afterEpoch) throw new IllegalStateException("killed after epoch " + epoch);
        }
    }

    @Test
    void aFitInterruptedAndStartedAgainEndsAsOneNeverInterrupted() {
        History whole;
        List<Tensor> expected;
        try (var s = LayerScope.open(7)) {
            Sequential m = model();
            whole = fit(m);
            expected = m.getWeights();
        }
        BackupAndRestore backup = new BackupAndRestore(dir);
        try (var s = LayerScope.open(7)) {
            var killed = assertThrows(IllegalStateException.class, () -> fit(model(), backup, new Crash(2)));
            assertEquals("killed after epoch 2", killed.getMessage());
        }
        assertTrue(Files.exists(backup.file()), "the backup of epoch 2 is left");
        try (var s = LayerScope.open(7)) {
            Sequential m = model();
            History resumed = fit(m, new BackupAndRestore(dir));
            assertEquals(List.of(3, 4, 5), resumed.epochNumbers());
            for (String key : List.of("loss", "val_loss")) {
                assertArrayEquals(Arrays.copyOfRange(whole.get(key), 2, EPOCHS), resumed.get(key), key + " of epochs 3 to 5, bit for bit");
            }
            for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i).toArray(), m.getWeights().get(i).toArray());
        }
        assertFalse(Files.exists(backup.file()), "a finished fit deletes its backup");
    }

    @Test
    void aDamagedBackupIsReportedAndLeavesTheModelAsItWas() throws Exception {
        Files.writeString(dir.resolve("backup.nabla"), "not a zip");
        try (var s = LayerScope.open(7)) {
            Sequential m = model();
            List<Tensor> before = m.getWeights();
            var e = assertThrows(IllegalArgumentException.class, () -> fit(m, new BackupAndRestore(dir)));
            assertTrue(e.getMessage().startsWith("BackupAndRestore: " + dir.resolve("backup.nabla") + " is not a readable model file"), e.getMessage());
            for (int i = 0; i < before.size(); i++) assertArrayEquals(before.get(i).toArray(), m.getWeights().get(i).toArray());
        }
    }

    @Test
    void aLayersNoiseDependsOnlyOnItsSeedAndCallCount() {
        try (var s = LayerScope.open(9)) {
            GaussianNoise a = new GaussianNoise(1f);
            Tensor in = Tensor.zeros(2, 3);
            a.call(in, true);
            float[] second = a.call(in, true).toArray();
            try (var again = LayerScope.open(9)) {
                GaussianNoise b = new GaussianNoise(1f);
                b.noiseCalls(1);
                assertArrayEquals(second, b.call(in, true).toArray(), "the second call's noise, without the first call");
            }
            assertFalse(Arrays.equals(second, a.call(in, true).toArray()), "each call draws new noise");
        }
    }
}
