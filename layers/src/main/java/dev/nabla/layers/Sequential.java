package dev.nabla.layers;

import dev.nabla.engine.Tensor;

/** A plain stack of layers, each feeding the next; built from the first input's shape. */
public class Sequential extends Model {
    public Sequential(Layer... layers) {
        for (Layer l : layers) add(l);
    }

    public Sequential add(Layer layer) {
        if (built()) throw new IllegalStateException("Sequential '" + name() + "': cannot add layers after it is built");
        if (layer == this) throw new IllegalArgumentException("Sequential '" + name() + "' cannot contain itself");
        layers.add(layer);
        return this;
    }

    /** Builds the model now for inputs of this shape, like Keras's {@code input_shape=} on the first layer. */
    public Sequential inputShape(int... shape) {
        build(shape);
        return this;
    }

    @Override
    public Sequential named(String name) {
        super.named(name);
        return this;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        if (layers.isEmpty()) throw new IllegalStateException("Sequential '" + name() + "' has no layers");
        return super.forward(x, training);
    }
}
