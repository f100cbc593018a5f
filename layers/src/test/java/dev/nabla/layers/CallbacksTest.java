package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.callbacks.CSVLogger;
import dev.nabla.layers.callbacks.EarlyStopping;
import dev.nabla.layers.callbacks.LearningRateScheduler;
import dev.nabla.layers.callbacks.ModelCheckpoint;
import dev.nabla.layers.callbacks.ReduceLROnPlateau;
import dev.nabla.layers.losses.Losses;
import dev.nabla.optim.SGD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The callbacks driven epoch by epoch with chosen logs, against what Keras's definitions do with
 * the same sequence (worked out by hand in each test's comment).
 */
class CallbacksTest {
    private static Sequential model(float lr) {
        Sequential m = new Sequential(new Dense(2));
        m.build(3);
        m.compile(Losses.meanSquaredError(), new SGD(lr));
        return m;
    }

    private static Map<String, Double> logs(double valLoss) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", valLoss * 2);
        logs.put("val_loss", valLoss);
        return logs;
    }

    @Test
    void earlyStoppingWaitsPatienceEpochsWithoutImprovement() {
        Training t = new Training(model(0.1f));
        EarlyStopping es = new EarlyStopping("val_loss", 0, 2, "auto", false);
        es.onTrainBegin(t);
        // 1.0 best; 0.9 best; 0.95 wait 1; 0.92 wait 2 = patience: stop at epoch 4
        double[] values = {1.0, 0.9, 0.95, 0.92, 0.8};
        int epoch = 0;
        while (!t.stopped()) es.onEpochEnd(++epoch, logs(values[epoch - 1]));
        assertEquals(4, es.stoppedEpoch());
        assertEquals(2, es.bestEpoch());
        assertTrue(t.stopReason().startsWith("epoch 4: early stopping"), t.stopReason());
    }

    @Test
    void earlyStoppingMinDeltaAndRestoringTheBestWeights() {
        Sequential m = model(0.1f);
        Training t = new Training(m);
        EarlyStopping es = new EarlyStopping("val_loss", 0.05, 5, "min", true);
        es.onTrainBegin(t);
        Tensor kernel = m.weights().getFirst();
        // 1.0 best; 0.97 is not 0.05 better; 0.94 is (0.94 + 0.05 < 1.0); 0.93 is not
        double[] values = {1.0, 0.97, 0.94, 0.93};
        for (int e = 1; e <= values.length; e++) {
            java.util.Arrays.fill(kernel.data(), kernel.offset(), kernel.offset() + kernel.size(), e);
            es.onEpochEnd(e, logs(values[e - 1]));
        }
        assertEquals(3, es.bestEpoch());
        es.onTrainEnd();
        assertEquals(3f, kernel.toArray()[5]);
    }

    @Test
    void reduceLrOnPlateauWithCooldownAndFloor() {
        Sequential m = model(0.1f);
        Training t = new Training(m);
        ReduceLROnPlateau r = new ReduceLROnPlateau("val_loss", 0.5, 1, "auto", 1e-4, 2, 0.02);
        r.onTrainBegin(t);
        // Keras: e1 best; e2 wait 1 → lr 0.05, cooldown 2; e3 cooldown 1 (no count); e4 cooldown 0, wait 1 → 0.025;
        // e5 cooldown 1; e6 → max(0.0125, 0.02) = 0.02; e7, e8 nothing while in cooldown then lr = min_lr
        float[] expected = {0.1f, 0.05f, 0.05f, 0.025f, 0.025f, 0.02f, 0.02f, 0.02f};
        float[] lrs = new float[expected.length];
        for (int e = 1; e <= expected.length; e++) {
            Map<String, Double> logs = logs(1.0);
            r.onEpochEnd(e, logs);
            lrs[e - 1] = m.optimizer().learningRate();
            assertEquals(e == 1 ? 0.1 : lrs[e - 2], logs.get("lr"), 1e-7, "the rate epoch " + e + " ran with");
        }
        assertArrayEquals(expected, lrs);
    }

    @Test
    void learningRateSchedulerGetsTheEpochFromZero() {
        Sequential m = model(0.1f);
        LearningRateScheduler s = new LearningRateScheduler((epoch, lr) -> epoch < 1 ? lr : lr * 0.5f);
        s.onTrainBegin(new Training(m));
        s.onEpochBegin(1);
        assertEquals(0.1f, m.optimizer().learningRate());
        s.onEpochBegin(2);
        s.onEpochBegin(3);
        assertEquals(0.025f, m.optimizer().learningRate(), 1e-9f);
    }

    @Test
    void csvLoggerWritesSortedKeysWithEpochsFromZero(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log.csv");
        CSVLogger csv = new CSVLogger(file);
        csv.onTrainBegin(new Training(model(0.1f)));
        csv.onEpochEnd(1, logs(0.5));
        csv.onEpochEnd(2, logs(0.25));
        assertEquals("epoch,loss,val_loss\n0,1.0,0.5\n1,0.5,0.25\n", Files.readString(file));
    }

    @Test
    void modelCheckpointSavesOnlyImprovements(@TempDir Path dir) {
        Sequential m = model(0.1f);
        ModelCheckpoint c = new ModelCheckpoint(dir.resolve("w-{epoch}.safetensors"), "val_loss", true, "auto");
        c.onTrainBegin(new Training(m));
        double[] values = {1.0, 1.2, 0.8};
        for (int e = 1; e <= 3; e++) c.onEpochEnd(e, logs(values[e - 1]));
        assertTrue(Files.exists(dir.resolve("w-1.safetensors")));
        assertFalse(Files.exists(dir.resolve("w-2.safetensors")));
        assertTrue(Files.exists(dir.resolve("w-3.safetensors")));
    }

    @Test
    void fitCallsOnTrainEndAndHistoryKeepsTheRateTheCallbacksLog() {
        Sequential m = model(0.1f);
        Tensor x = Tensor.ones(8, 3), y = Tensor.zeros(8, 2);
        EarlyStopping es = new EarlyStopping("loss", 0, 0, "auto", true);
        History h = m.fit(x, y, Fit.epochs(3).verbose(false).callbacks(new ReduceLROnPlateau("loss", 0.5, 1, "auto", 1e-4, 0, 0), es));
        assertEquals(3, h.get("lr").length);
        assertEquals(0.1, h.get("lr")[0], 1e-7);
        // the loss falls every epoch: the best epoch is the last, whose weights stay
        assertEquals(3, es.bestEpoch());
    }
}
