package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.ops.ShapeOps;

import java.util.Map;

/** Repeats each sample's vector n times: (features) → (n, features), as Keras's RepeatVector. */
public class RepeatVector extends Layer {
    private final int n;

    public RepeatVector(int n) {
        if (n <= 0) throw new IllegalArgumentException("RepeatVector: n must be positive, got " + n);
        this.n = n;
    }

    @Override
    protected void createWeights(int[] shape) {
        computeOutputShape(shape);
    }

    /** A broadcast view (stride 0 along the new axis); its backward sums the n copies' gradients. */
    @Override
    protected Tensor forward(Tensor x, boolean training) {
        int batch = x.dim(0), features = x.dim(1);
        return ShapeOps.expand(x.reshape(batch, 1, features), new int[] {batch, n, features});
    }

    @Override
    protected Map<String, Object> config() {
        return LayerConfig.of("n", n);
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        if (in.length != 1) throw new IllegalArgumentException("layer '" + name() + "' (RepeatVector) needs inputs of shape (None, features), got " + batchShape(in));
        return new int[] {n, in[0]};
    }
}
