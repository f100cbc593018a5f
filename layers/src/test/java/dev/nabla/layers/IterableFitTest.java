package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.losses.Losses;
import dev.nabla.optim.SGD;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IterableFitTest {
    private static Sequential model(long seed) {
        try (var scope = LayerScope.open(seed)) {
            Sequential m = new Sequential(new Dense(3, Activation.TANH), new Dense(1));
            m.build(4);
            m.compile(Losses.meanSquaredError(), new SGD(0.05f));
            return m;
        }
    }

    @Test
    void batchesFromAListTrainAsTheSameUnshuffledBatchesOfTensors() {
        SplittableRandom rng = new SplittableRandom(2);
        Tensor x = Tensor.randn(rng, 10, 4), y = Tensor.randn(rng, 10, 1);
        History fromTensors = model(7).fit(x, y, Fit.epochs(3).batchSize(4).shuffle(false).verbose(false));
        List<Batch> batches = List.of(new Batch(x.slice(0, 0, 4), y.slice(0, 0, 4)), new Batch(x.slice(0, 4, 8), y.slice(0, 4, 8)),
                new Batch(x.slice(0, 8, 10), y.slice(0, 8, 10)));
        History fromBatches = model(7).fit(batches, Fit.epochs(3).verbose(false));
        assertArrayEquals(fromTensors.get("loss"), fromBatches.get("loss"));
    }

    @Test
    void anIterableOfUnknownLengthShowsItsCountAtTheEpochsEnd() {
        SplittableRandom rng = new SplittableRandom(3);
        Tensor x = Tensor.randn(rng, 6, 4), y = Tensor.randn(rng, 6, 1);
        Iterable<Batch> stream = () -> List.of(new Batch(x.slice(0, 0, 3), y.slice(0, 0, 3)), new Batch(x.slice(0, 3, 6), y.slice(0, 3, 6))).iterator();
        var text = new ByteArrayOutputStream();
        model(1).fit(stream, Fit.epochs(1).output(new PrintStream(text, true, StandardCharsets.UTF_8)));
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("\n2/2 [==============================] - "), text.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theFirstBatchIsCheckedAgainstTheModel() {
        Iterable<Batch> wrong = List.of(new Batch(Tensor.zeros(2, 5), Tensor.zeros(2, 1)));
        var e = assertThrows(IllegalArgumentException.class, () -> model(1).fit(wrong, Fit.epochs(1).verbose(false)));
        assertEquals("layer 'sequential' (Sequential) was built for inputs of shape (None, 4) but received (None, 5)", e.getMessage());
        var mismatch = assertThrows(IllegalArgumentException.class, () -> new Batch(Tensor.zeros(2, 4), Tensor.zeros(3, 1)));
        assertEquals("Batch: inputs (2, 4) and targets (3, 1) need the same number of samples first", mismatch.getMessage());
    }

    /** A step of its own, as a GAN's: batches of inputs alone, two losses logged instead of one "loss". */
    private static final class TwoLosses extends Sequential {
        final List<Integer> seen = new ArrayList<>();

        TwoLosses() {
            super(new Dense(1));
            compile(Losses.meanSquaredError(), new SGD(0.1f));
        }

        @Override
        public Map<String, Double> trainStep(Tensor x, Tensor y) {
            seen.add(x.dim(0));
            Map<String, Double> logs = new LinkedHashMap<>();
            logs.put("d_loss", (double) x.sum().item() / x.size());
            logs.put("g_loss", 1.0);
            return logs;
        }
    }

    @Test
    void aStepOfItsOwnTakesBatchesWithoutTargetsAndLogsItsOwnLosses() {
        List<Batch> images = List.of(new Batch(Tensor.full(2, 3, 4)), new Batch(Tensor.full(4, 1, 4)));
        TwoLosses m = new TwoLosses();
        var text = new ByteArrayOutputStream();
        History h = m.fit(images, Fit.epochs(2).output(new PrintStream(text, true, StandardCharsets.UTF_8)));
        assertEquals(List.of(3, 1, 3, 1), m.seen);
        assertEquals(List.of("d_loss", "g_loss"), List.copyOf(h.asMap().keySet()));
        assertArrayEquals(new double[] {2.5, 2.5}, h.get("d_loss"), 1e-12, "(3·2 + 1·4) / 4 samples");
        assertTrue(text.toString(StandardCharsets.UTF_8).contains(" - d_loss: 2.5000 - g_loss: 1.0000\n"), text.toString(StandardCharsets.UTF_8));
    }

    @Test
    void terminateOnNaNWatchesEachOfTheLossesOfAStepOfItsOwn() {
        List<Batch> images = List.of(new Batch(Tensor.full(1, 3, 4)), new Batch(Tensor.full(Float.NaN, 3, 4)), new Batch(Tensor.full(1, 3, 4)));
        TwoLosses m = new TwoLosses();
        History h = m.fit(images, Fit.epochs(1).verbose(false).callbacks(new TerminateOnNaN()));
        assertEquals(List.of(3, 3), m.seen, "stopped after the batch whose d_loss is NaN");
        assertEquals("epoch 1, batch 2: invalid loss NaN, terminating training", h.stopReason());
    }

    @Test
    void theCompiledStepRefusesBatchesWithoutTargets() {
        var e = assertThrows(IllegalArgumentException.class, () -> model(1).fit(List.of(new Batch(Tensor.zeros(2, 4))), Fit.epochs(1).verbose(false)));
        assertEquals("model 'sequential': a batch without targets needs a trainStep of the model's own; the compiled loss needs y", e.getMessage());
        var scalar = assertThrows(IllegalArgumentException.class, () -> new Batch(Tensor.scalar(1)));
        assertEquals("Batch: inputs of shape () have no sample axis", scalar.getMessage());
    }
}
