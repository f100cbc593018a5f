package dev.nabla.exercises.homl;

import dev.nabla.exercises.Target;
import dev.nabla.layers.Conv2D;
import dev.nabla.layers.Conv2DTranspose;
import dev.nabla.layers.MaxPool2D;
import dev.nabla.layers.Model;
import dev.nabla.layers.Reshape;
import dev.nabla.layers.Sequential;

import static dev.nabla.layers.Activation.GELU;
import static dev.nabla.layers.Activation.SIGMOID;

/**
 * HOML-17, convolutional autoencoder (gelu where the book has selu):
 * <pre>
 * conv_encoder = Sequential([Reshape([28, 28, 1], input_shape=[28, 28]),
 *     Conv2D(16, kernel_size=3, padding="SAME", activation="gelu"), MaxPool2D(pool_size=2),   # 14 × 14 × 16
 *     Conv2D(32, kernel_size=3, padding="SAME", activation="gelu"), MaxPool2D(pool_size=2),   # 7 × 7 × 32
 *     Conv2D(64, kernel_size=3, padding="SAME", activation="gelu"), MaxPool2D(pool_size=2)])  # 3 × 3 × 64
 * conv_decoder = Sequential([
 *     Conv2DTranspose(32, kernel_size=3, strides=2, padding="VALID", activation="gelu", input_shape=[3, 3, 64]),  # 7 × 7
 *     Conv2DTranspose(16, kernel_size=3, strides=2, padding="SAME", activation="gelu"),       # 14 × 14
 *     Conv2DTranspose(1, kernel_size=3, strides=2, padding="SAME", activation="sigmoid"),     # 28 × 28
 *     Reshape([28, 28])])
 * </pre>
 */
public final class ConvAutoencoder extends FashionAutoencoder {
    @Override public String id() { return "homl-conv"; }
    @Override public String title() { return "HOML-17 convolutional autoencoder on Fashion-MNIST"; }
    @Override public Target target() { return Target.loss("val_loss", 0.2563, 0.015); }

    @Override
    Model build() {
        var convEncoder = new Sequential(new Reshape(28, 28, 1),
                new Conv2D(16, 3, "same", GELU), new MaxPool2D(2),
                new Conv2D(32, 3, "same", GELU), new MaxPool2D(2),
                new Conv2D(64, 3, "same", GELU), new MaxPool2D(2));
        var convDecoder = new Sequential(
                new Conv2DTranspose(32, 3, 2, "valid", GELU),
                new Conv2DTranspose(16, 3, 2, "same", GELU),
                new Conv2DTranspose(1, 3, 2, "same", SIGMOID),
                new Reshape(28, 28));
        return new Sequential(convEncoder, convDecoder).inputShape(28, 28);
    }

    @Override
    double[] bookValLoss() {
        return new double[] {0.2745, 0.2672, 0.2637, 0.2614, 0.2597, 0.2588, 0.2577, 0.2572, 0.2567, 0.2563};
    }
}
