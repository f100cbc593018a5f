package dev.nabla.optim;

import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The schedules against Keras's formulas evaluated by hand. */
class LearningRateScheduleTest {
    @Test
    void exponentialDecay() {
        var s = LearningRateSchedule.exponentialDecay(0.1f, 10, 0.5f, false);
        assertEquals(0.1f, s.at(0));
        assertEquals((float) (0.1 * Math.pow(0.5, 0.5)), s.at(5));      // 0.0707107
        assertEquals(0.025f, s.at(20), 1e-9f);
        var stairs = LearningRateSchedule.exponentialDecay(0.1f, 10, 0.5f, true);
        assertEquals(0.1f, stairs.at(9));
        assertEquals(0.05f, stairs.at(10));
        assertEquals(0.05f, stairs.at(19));
    }

    @Test
    void piecewiseConstantIncludesEachBoundaryInTheEarlierPiece() {
        var s = LearningRateSchedule.piecewiseConstant(new long[] {100, 200}, new float[] {1f, 0.5f, 0.1f});
        assertEquals(1f, s.at(0));
        assertEquals(1f, s.at(100));
        assertEquals(0.5f, s.at(101));
        assertEquals(0.5f, s.at(200));
        assertEquals(0.1f, s.at(201));
        var e = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.piecewiseConstant(new long[] {1}, new float[] {1f}));
        assertEquals("PiecewiseConstantDecay: needs one more value than boundaries, got 1 values for 1 boundaries", e.getMessage());
    }

    @Test
    void cosineDecayFallsToAlphaTimesTheInitialRate() {
        var s = LearningRateSchedule.cosineDecay(1f, 100, 0.1f);
        assertEquals(1f, s.at(0));
        assertEquals(0.55f, s.at(50), 1e-6f);                             // 0.9·½ + 0.1
        assertEquals(0.1f, s.at(100), 1e-7f);
        assertEquals(0.1f, s.at(1000), 1e-7f);
    }

    @Test
    void anOptimizerFollowsItsScheduleStepByStep() {
        // SGD: w ← w − lr_t·g with g = 1 and lr_t = 0.1, 0.05, 0.025 (halved every step)
        SGD sgd = new SGD(1f);
        sgd.learningRate(LearningRateSchedule.exponentialDecay(0.1f, 1, 0.5f, false));
        Tensor w = Tensor.zeros(3).requiresGrad(true);
        for (int step = 0; step < 3; step++) {
            w.setGrad(Tensor.ones(3));
            sgd.step(List.of(w));
        }
        assertEquals(-0.175f, w.toArray()[0], 1e-7f);
        assertEquals(0.025f, sgd.learningRate(), 1e-9f);
        sgd.learningRate(0.5f);
        w.setGrad(Tensor.ones(3));
        sgd.step(List.of(w));
        assertEquals(-0.675f, w.toArray()[2], 1e-6f);
    }
}
