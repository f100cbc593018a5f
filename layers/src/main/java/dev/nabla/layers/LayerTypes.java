package dev.nabla.layers;

import java.util.List;
import java.util.Map;

/**
 * The layer types a model file can hold, each with the factory that reads back its
 * {@link Layer#config()}: Keras's class names, and {@code Functional} and {@code Sequential} for
 * models, whose configs hold their layers' entries.
 */
final class LayerTypes {
    private LayerTypes() {}

    static final Map<String, LayerFactory> BUILT_IN = Map.ofEntries(
            Map.entry("Dense", c -> new Dense(c.integer("units"), c.activation("activation")).activityRegularizer(c.regularizer("activity_regularizer"))),
            Map.entry("DenseTranspose", LayerTypes::denseTranspose),
            Map.entry("Flatten", c -> new Flatten()),
            Map.entry("Reshape", c -> new Reshape(c.integers("target_shape"))),
            Map.entry("Dropout", c -> new Dropout(c.real("rate"))),
            Map.entry("GaussianNoise", c -> new GaussianNoise(c.real("stddev"))),
            Map.entry("ActivityRegularization", c -> new ActivityRegularization(c.real("l1"), c.real("l2"))),
            Map.entry("Conv2D", c -> new Conv2D(c.integer("filters"), c.integers("kernel_size"), c.integers("strides"), c.text("padding"), c.activation("activation"))),
            Map.entry("Conv2DTranspose", c -> new Conv2DTranspose(c.integer("filters"), c.integers("kernel_size"), c.integers("strides"), c.text("padding"),
                    c.integers("output_padding"), c.activation("activation"))),
            Map.entry("MaxPooling2D", c -> new MaxPool2D(c.integer("pool_size"), c.integer("strides"), c.text("padding"))),
            Map.entry("UpSampling2D", c -> new UpSampling2D(c.integer("size"))),
            Map.entry("LSTM", c -> new LSTM(c.integer("units"), c.flag("return_sequences"))),
            Map.entry("RepeatVector", c -> new RepeatVector(c.integer("n"))),
            Map.entry("TimeDistributed", c -> new TimeDistributed(c.layer("layer"))),
            Map.entry("BatchNormalization", c -> new BatchNormalization(c.real("momentum"), c.real("epsilon"))),
            Map.entry("LeakyReLU", c -> new LeakyReLU(c.real("negative_slope"))),
            Map.entry("Sequential", c -> new Sequential(c.layers("layers").toArray(Layer[]::new))),
            Map.entry("Functional", LayerTypes::functional));

    private static Layer denseTranspose(LayerConfig c) {
        if (!(c.earlierLayer("tied_to") instanceof Dense tied)) throw new IllegalArgumentException("model file: a DenseTranspose must be tied to a Dense layer");
        return new DenseTranspose(tied, c.activation("activation")).activityRegularizer(c.regularizer("activity_regularizer"));
    }

    /** The chain of layers applied to an input of the stored shape, as it was built. */
    private static Layer functional(LayerConfig c) {
        SymbolicTensor input = new SymbolicTensor(c.shape("input_shape"), null, null, c.text("input_name"));
        SymbolicTensor t = input;
        List<Layer> layers = c.layers("layers");
        for (Layer l : layers) t = l.apply(t);
        return new Model(input, t);
    }
}
