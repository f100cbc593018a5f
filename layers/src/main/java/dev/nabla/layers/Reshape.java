package dev.nabla.layers;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;

import java.util.Map;

/** Reshapes each sample to a target shape (without the batch axis), as Keras's Reshape. */
public class Reshape extends Layer {
    private final int[] target;

    public Reshape(int... target) {
        for (int d : target) if (d <= 0) throw new IllegalArgumentException("Reshape: target dimensions must be positive, got " + Shape.str(target));
        this.target = target.clone();
    }

    @Override
    protected void createWeights(int[] shape) {
        if (Dims.known(Dims.size(shape)) && Shape.size(shape) != Shape.size(target)) {
            throw new IllegalArgumentException("layer '" + name() + "' (Reshape) cannot reshape inputs of shape " + batchShape(shape)
                    + " (" + Shape.size(shape) + " values per sample) to " + batchShape(target) + " (" + Shape.size(target) + ")");
        }
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        int[] s = new int[target.length + 1];
        s[0] = x.dim(0);
        System.arraycopy(target, 0, s, 1, target.length);
        return x.reshape(s);
    }

    @Override
    protected Map<String, Object> config() {
        return LayerConfig.of("target_shape", target);
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        return target.clone();
    }
}
