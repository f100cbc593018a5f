package dev.nabla.layers;

/**
 * Rebuilds a layer from the {@link Layer#config()} a model file stored, as Keras's
 * {@code from_config}; give one for each layer type of your own to {@link Model#load(java.nio.file.Path, java.util.Map)}.
 */
@FunctionalInterface
public interface LayerFactory {
    Layer create(LayerConfig config);
}
