package dev.nabla.exercises.homl;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.BatchNormalization;
import dev.nabla.layers.LayerScope;
import dev.nabla.layers.Sequential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two phases of the DCGAN's training step, on the book's models and a batch of random "real" images. */
class GanTest {
    private static final int BATCH = 32, NOISE_SEED = 5;

    private LayerScope scope;
    private Sequential generator, discriminator;
    /** The discriminator's training batches, as phase 1 hands them over. */
    private final List<Tensor[]> discriminatorBatches = new ArrayList<>();
    private Gan gan;
    private final Tensor xBatch = Tensor.uniform(new SplittableRandom(3), -1f, 1f, BATCH, 28, 28, 1);

    @BeforeEach
    void build() {
        scope = LayerScope.open(11);
        generator = Dcgan.generator();
        Sequential book = Dcgan.discriminator();
        discriminator = new Sequential(book) {
            @Override
            public Map<String, Double> trainStep(Tensor x, Tensor y) {
                discriminatorBatches.add(new Tensor[] {x.contiguous().detach(), y.contiguous().detach()});
                return super.trainStep(x, y);
            }
        }.inputShape(28, 28, 1);
        gan = Dcgan.compiledGan(generator, discriminator, new SplittableRandom(NOISE_SEED));
    }

    @AfterEach
    void close() {
        scope.close();
    }

    /** The noise the step draws: phase 1's batch, then phase 2's. */
    private static Tensor[] stepNoise() {
        SplittableRandom random = new SplittableRandom(NOISE_SEED);
        return new Tensor[] {Tensor.randn(random, BATCH, Dcgan.CODINGS_SIZE), Tensor.randn(random, BATCH, Dcgan.CODINGS_SIZE)};
    }

    private static List<float[]> values(List<Tensor> weights) {
        return weights.stream().map(Tensor::toArray).toList();
    }

    /** The weights an optimizer may step: all but BatchNormalization's moving statistics. */
    private static List<Tensor> steppable(Sequential network) {
        return network.weights().stream().filter(Tensor::requiresGrad).toList();
    }

    private record Snapshot(List<float[]> generator, List<float[]> discriminator) {}

    private Snapshot snapshot() {
        return new Snapshot(values(steppable(generator)), values(steppable(discriminator)));
    }

    /** Since {@code before}, every weight of {@code network} moved, by one step of its own optimizer, and none of the other's. */
    private void assertOnlyStepped(Snapshot before, Sequential network) {
        boolean d = network == discriminator;
        assertWeights(before.discriminator(), steppable(discriminator), d);
        assertWeights(before.generator(), steppable(generator), !d);
        assertEquals(d ? 1 : 0, discriminator.optimizer().iterations(), "the discriminator's RMSprop steps");
        assertEquals(d ? 0 : 1, gan.optimizer().iterations(), "the gan's RMSprop steps");
    }

    private static void assertWeights(List<float[]> before, List<Tensor> after, boolean changed) {
        for (int i = 0; i < before.size(); i++) {
            assertEquals(changed, !Arrays.equals(before.get(i), after.get(i).toArray()), after.get(i).name() + (changed ? " changed" : " kept"));
        }
    }

    @Test
    void phaseOneTrainsTheDiscriminatorOnGeneratedThenRealImages() {
        Snapshot before = snapshot();
        Tensor expectedFakes = generator.call(stepNoise()[0], true);   // training mode: the batch's statistics, as phase 1
        assertTrue(Double.isFinite(gan.trainDiscriminator(xBatch)));
        assertOnlyStepped(before, discriminator);

        assertEquals(1, discriminatorBatches.size());
        Tensor x = discriminatorBatches.getFirst()[0], y = discriminatorBatches.getFirst()[1];
        assertArrayEquals(new int[] {2 * BATCH, 28, 28, 1}, x.shape());
        assertArrayEquals(expectedFakes.toArray(), x.slice(0, 0, BATCH).toArray(), "the generated images first");
        assertArrayEquals(xBatch.toArray(), x.slice(0, BATCH, 2 * BATCH).toArray(), "then the real ones");
        float[] labels = new float[2 * BATCH];
        Arrays.fill(labels, BATCH, 2 * BATCH, 1f);
        assertArrayEquals(new int[] {2 * BATCH, 1}, y.shape());
        assertArrayEquals(labels, y.toArray(), "y1 = [[0.]] * 32 + [[1.]] * 32");
    }

    @Test
    void phaseTwoTrainsTheGeneratorThroughTheFrozenDiscriminator() {
        Snapshot before = snapshot();
        assertTrue(Double.isFinite(gan.trainGenerator(BATCH)));
        assertOnlyStepped(before, generator);
        assertFalse(discriminator.trainable());
        assertTrue(discriminatorBatches.isEmpty());
    }

    /**
     * The first BatchNormalization sees the Dense layer's output, reshaped to 7 × 7 × 128, which
     * neither phase changes before it runs: phase 1 does not train the generator, and phase 2
     * updates it after its forward pass. Normalising in training mode in both phases, the
     * moving mean after one step is 0.99 · (0.01 · μ₁) + 0.01 · μ₂, μ₁ and μ₂ the channel means
     * of the two phases' batches (and likewise the moving variance from 1).
     */
    @Test
    void theGeneratorsBatchNormalizationUpdatesItsMovingStatisticsInBothPhases() {
        Tensor[] noise = stepNoise();
        double[][] mean = new double[2][], variance = new double[2][];
        for (int phase = 0; phase < 2; phase++) {
            Tensor features = generator.layers().getFirst().call(noise[phase], false).reshape(BATCH * 7 * 7, 128);
            mean[phase] = asDoubles(features.mean(false, 0));
            variance[phase] = asDoubles(features.sub(features.mean(false, 0)).square().mean(false, 0));
        }
        Map<String, Double> logs = gan.trainStep(xBatch, null);

        assertEquals(List.of("d_loss", "g_loss"), List.copyOf(logs.keySet()));
        var bn = (BatchNormalization) generator.layers().get(2);
        float[] movingMean = bn.movingMean().toArray(), movingVariance = bn.movingVariance().toArray();
        for (int c = 0; c < 128; c++) {
            assertEquals(0.99 * 0.01 * mean[0][c] + 0.01 * mean[1][c], movingMean[c], 1e-9, "moving mean of channel " + c);
            double afterPhase1 = 0.99 + 0.01 * variance[0][c];
            assertEquals(0.99 * afterPhase1 + 0.01 * variance[1][c], movingVariance[c], 1e-6, "moving variance of channel " + c);
        }
    }

    @Test
    void theSameSeedsGiveTheSameStepBitForBit() {
        List<Map<String, Double>> runs = new ArrayList<>();
        List<List<float[]>> weights = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (var again = LayerScope.open(11)) {
                Gan g = Dcgan.compiledGan(Dcgan.generator(), Dcgan.discriminator(), new SplittableRandom(NOISE_SEED));
                runs.add(g.trainStep(xBatch, null));
                weights.add(values(g.weights()));
            }
        }
        assertEquals(runs.get(0), runs.get(1));
        for (int i = 0; i < weights.get(0).size(); i++) assertArrayEquals(weights.get(0).get(i), weights.get(1).get(i));
    }

    private static double[] asDoubles(Tensor t) {
        float[] v = t.toArray();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i];
        return out;
    }
}
