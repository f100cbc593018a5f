package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.losses.Losses;
import dev.nabla.optim.Adam;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** fit recycles each step's arrays for the next step; nothing a user can see changes. */
class StepMemoryTest {
    private static Sequential model() {
        try (var scope = LayerScope.open(5)) {
            Sequential m = new Sequential(new Dense(6, Activation.GELU), new Dropout(0.2f), new Dense(4, Activation.SIGMOID));
            m.compile(Losses.binaryCrossEntropy(), new Adam());
            return m;
        }
    }

    @Test
    void fitGivesTheBitsOfTrainStepsOnFreshArrays() {
        SplittableRandom rng = new SplittableRandom(9);
        Tensor x = Tensor.uniform(rng, 0, 1, 12, 5), y = Tensor.uniform(rng, 0, 1, 12, 4);
        Sequential byFit = model(), byHand = model();
        History h = byFit.fit(x, y, Fit.epochs(3).batchSize(4).shuffle(false).verbose(false));
        List<Double> losses = new ArrayList<>();
        for (int epoch = 0; epoch < 3; epoch++) {
            double sum = 0;
            for (int from = 0; from < 12; from += 4) sum += 4 * byHand.trainStep(x.slice(0, from, from + 4), y.slice(0, from, from + 4)).get("loss");
            losses.add(sum / 12);
        }
        for (int e = 0; e < 3; e++) assertEquals(losses.get(e), h.get("loss")[e], 1e-12);
        for (int i = 0; i < byFit.weights().size(); i++) {
            assertArrayEquals(byHand.weights().get(i).toArray(), byFit.weights().get(i).toArray(), "weight " + i + " bit for bit");
        }
    }

    @Test
    void aCallbackReadsTheStepsGradientsAfterTheStep() {
        SplittableRandom rng = new SplittableRandom(11);
        Tensor x = Tensor.uniform(rng, 0, 1, 8, 5), y = Tensor.uniform(rng, 0, 1, 8, 4);
        Sequential m = model();
        List<float[]> seen = new ArrayList<>();
        Callback grads = new Callback() {
            @Override
            public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
                seen.add(m.trainableWeights().get(0).grad().toArray());
            }
        };
        m.fit(x, y, Fit.epochs(1).batchSize(4).shuffle(false).verbose(false).callbacks(grads));
        Sequential byHand = model();
        byHand.trainStep(x.slice(0, 0, 4), y.slice(0, 0, 4));
        float[] first = byHand.trainableWeights().get(0).grad().toArray();
        byHand.trainStep(x.slice(0, 4, 8), y.slice(0, 4, 8));
        assertEquals(2, seen.size());
        assertArrayEquals(first, seen.get(0), "the first step's kernel gradient");
        assertArrayEquals(byHand.trainableWeights().get(0).grad().toArray(), seen.get(1), "the second step's");
        assertArrayEquals(seen.get(1), m.trainableWeights().get(0).grad().toArray(), "still there after fit returns");
    }
}
