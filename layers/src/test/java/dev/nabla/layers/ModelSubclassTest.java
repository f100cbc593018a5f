package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.losses.Losses;
import dev.nabla.optim.SGD;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A model written as a subclass whose forward is not a chain, as Keras's subclassing API: two
 * branches from the input, one the output, the other an auxiliary loss the model adds itself.
 */
class ModelSubclassTest {
    private LayerScope scope;

    @BeforeEach
    void fresh() {
        scope = LayerScope.open(5);
    }

    @AfterEach
    void close() {
        scope.close();
    }

    /** flatten(x) is the output; mean(dense(x)²) is added to the loss. */
    private static final class TwoBranches extends Model {
        private final Dense side = new Dense(5);
        private final Flatten main = new Flatten();

        TwoBranches() {
            layers.add(side);
            layers.add(main);
        }

        @Override
        protected void createWeights(int[] shape) {
            side.build(shape);
            main.build(shape);
        }

        @Override
        protected Tensor forward(Tensor x, boolean training) {
            addLoss(side.call(x, training).square().mean());
            return main.call(x, training);
        }

        @Override
        public int[] computeOutputShape(int[] in) {
            return main.computeOutputShape(in);
        }
    }

    @Test
    void aModelsOwnAddedLossCountsInItsLossesAndInTheLossOfAModelAroundIt() {
        var model = new TwoBranches();
        Sequential outer = new Sequential(model).inputShape(3, 2);
        outer.compile(Losses.meanSquaredError(), new SGD(0.1f));
        Tensor x = Tensor.ones(4, 3, 2);
        Tensor pred = outer.call(x, true);
        float added = model.side.call(x, false).square().mean().item();
        assertEquals(1, model.losses().size());
        assertEquals(added, model.losses().get(0).item(), 1e-6);
        assertEquals(1, outer.losses().size(), "the enclosing model collects it");
        assertEquals(added, outer.computeLoss(pred, pred).item(), 1e-6, "zero compiled loss plus the added one");
        outer.call(x, false);
        assertEquals(1, model.losses().size(), "a new call starts afresh");
    }

    @Test
    void summaryShowsEachLayersOwnOutputShape() {
        var model = new TwoBranches();
        model.build(3, 2);
        // chained, Flatten would have seen Dense's (3, 5) and shown (None, 15)
        SummaryRows.assertRows(model.summary(), "Dense|(None, 3, 5)|15", "Flatten|(None, 6)|0");
    }
}
