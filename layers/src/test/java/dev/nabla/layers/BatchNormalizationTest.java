package dev.nabla.layers;

import dev.nabla.engine.GradCheck;
import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BatchNormalizationTest {
    @Test
    void trainingNormalizesWithBatchStatisticsAndMovesTheAverages() {
        // one channel, batch [1, 2, 3, 6]: μ = 3, σ² = (4 + 1 + 0 + 9)/4 = 3.5
        BatchNormalization bn = new BatchNormalization();
        Tensor x = Tensor.of(new float[] {1, 2, 3, 6}, 4, 1);
        Tensor y = bn.call(x, true);
        float sd = (float) Math.sqrt(3.5 + 1e-3);
        assertArrayEquals(new float[] {-2 / sd, -1 / sd, 0, 3 / sd}, y.toArray(), 1e-6f);
        assertEquals(0.01f * 3, bn.movingMean().toArray()[0], 1e-7f);             // 0.99·0 + 0.01·3
        assertEquals(0.99f + 0.01f * 3.5f, bn.movingVariance().toArray()[0], 1e-6f);
        // inference uses the moving statistics
        float[] inference = bn.call(x, false).toArray();
        assertEquals((1 - 0.03f) / (float) Math.sqrt(1.025f + 1e-3f), inference[0], 1e-5f);
    }

    @Test
    void countsMovingStatisticsAsNonTrainable() {
        BatchNormalization bn = new BatchNormalization();
        bn.build(5, 3);
        assertEquals(12, bn.countParams());
        assertEquals(2, bn.trainableWeights().size());
        assertEquals("batch_normalization", bn.name().replaceAll("_\\d+$", ""));
        assertEquals(bn.name() + "/moving_variance", bn.weights().get(3).name());
    }

    @Test
    void theTrainingGradientPassesTheFiniteDifferenceCheck() {
        SplittableRandom rng = new SplittableRandom(3);
        BatchNormalization bn = new BatchNormalization(0.99f, 1e-3f);
        Tensor x = Tensor.randn(rng, 6, 2).requiresGrad(true);
        bn.build(2);
        bn.gamma().data()[0] = 1.5f;
        bn.beta().data()[1] = -0.5f;
        GradCheck.float32().check("batch norm", in -> bn.call(in[0], true), x);
    }
}
