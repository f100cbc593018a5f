package dev.nabla.layers;

/**
 * A placeholder in the functional API: the shape (without the batch axis) of what a layer will
 * produce, with the layer and the symbolic input it came from. An {@link Input} has neither.
 */
public final class SymbolicTensor {
    private final int[] shape;
    private final Layer layer;
    private final SymbolicTensor input;
    private final String name;

    SymbolicTensor(int[] shape, Layer layer, SymbolicTensor input) {
        this(shape, layer, input, null);
    }

    SymbolicTensor(int[] shape, Layer layer, SymbolicTensor input, String name) {
        this.shape = shape.clone();
        this.layer = layer;
        this.input = input;
        this.name = name;
    }

    public int[] shape() { return shape.clone(); }

    /** The layer that produces this tensor, null for an input. */
    public Layer layer() { return layer; }

    /** The symbolic tensor the layer was applied to, null for an input. */
    public SymbolicTensor input() { return input; }

    public boolean isInput() { return layer == null; }

    /** The input's name (input_1, ...), null for layer outputs. */
    public String name() { return name; }

    @Override
    public String toString() {
        return (isInput() ? name : layer.name()) + Layer.batchShape(shape);
    }
}
