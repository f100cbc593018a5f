package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.regularizers.L1L2;

import java.util.Map;

/**
 * Passes its input through and adds (l1·Σ|x| + l2·Σx²) / batch size to the loss, in training and
 * inference alike, as Keras's ActivityRegularization (an activity regulariser on an identity layer).
 */
public class ActivityRegularization extends Layer {
    private final L1L2 regularizer;

    public ActivityRegularization(float l1, float l2) {
        this.regularizer = new L1L2(l1, l2);
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        addLoss(regularizer.apply(x).div(x.dim(0)));
        return x;
    }

    @Override
    protected Map<String, Object> config() {
        return LayerConfig.of("l1", regularizer.l1(), "l2", regularizer.l2());
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        return in.clone();
    }
}
