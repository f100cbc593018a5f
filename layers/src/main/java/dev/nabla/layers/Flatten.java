package dev.nabla.layers;

import dev.nabla.engine.Tensor;

import java.util.Map;

/** Flattens each sample to one axis: (batch, d1, d2, …) → (batch, d1·d2·…). */
public class Flatten extends Layer {
    @Override
    protected Tensor forward(Tensor x, boolean training) {
        return x.reshape(x.dim(0), -1);
    }

    @Override
    protected Map<String, Object> config() {
        return LayerConfig.of();
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        return new int[] {Dims.size(in)};
    }
}
