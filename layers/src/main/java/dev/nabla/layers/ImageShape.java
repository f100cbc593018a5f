package dev.nabla.layers;

/** The input check shared by the image layers: (height, width, channels) per sample. */
final class ImageShape {
    private ImageShape() {}

    static void check(Layer layer, int[] shape) {
        if (shape.length != 3) {
            throw new IllegalArgumentException("layer '" + layer.name() + "' (" + layer.typeName() + ") needs inputs of shape "
                    + "(None, height, width, channels), got " + Layer.batchShape(shape));
        }
    }
}
