package dev.nabla.layers;

import dev.nabla.engine.Tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Applies one layer to every step of a sequence, with the same weights: (steps, …) → (steps, …′),
 * as Keras's TimeDistributed. The steps are folded into the batch axis, so the wrapped layer runs
 * once on (batch·steps, …).
 */
public class TimeDistributed extends Layer {
    private final Layer layer;

    public TimeDistributed(Layer layer) {
        this.layer = layer;
    }

    public Layer layer() { return layer; }

    @Override
    List<Layer> innerLayers() { return List.of(layer); }

    @Override
    protected void createWeights(int[] shape) {
        if (shape.length < 2) throw new IllegalArgumentException("layer '" + name() + "' (TimeDistributed) needs inputs of shape (None, steps, ...), got " + batchShape(shape));
        layer.build(step(shape));
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        int batch = x.dim(0), steps = x.dim(1);
        int[] folded = x.shape();
        Tensor y = layer.call(x.reshape(withLeading(batch * steps, Arrays.copyOfRange(folded, 2, folded.length))), training);
        return y.reshape(withLeading(batch, withLeading(steps, Arrays.copyOfRange(y.shape(), 1, y.rank()))));
    }

    @Override
    protected Map<String, Object> config() {
        return LayerConfig.of("layer", LayerConfig.entry(layer));
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        return withLeading(in[0], layer.computeOutputShape(step(in)));
    }

    /** The wrapped layer's weights: the wrapper has none of its own. */
    @Override
    public List<Tensor> weights() { return layer.weights(); }

    @Override
    public List<Tensor> trainableWeights() { return trainable() ? layer.trainableWeights() : List.of(); }

    @Override
    public List<Tensor> losses() { return layer.losses(); }

    @Override
    protected void clearLosses() {
        layer.clearLosses();
    }

    /** One step's shape: the input shape without the steps axis. */
    private static int[] step(int[] shape) {
        return Arrays.copyOfRange(shape, 1, shape.length);
    }

    private static int[] withLeading(int first, int[] rest) {
        int[] s = new int[rest.length + 1];
        s[0] = first;
        System.arraycopy(rest, 0, s, 1, rest.length);
        return s;
    }
}
