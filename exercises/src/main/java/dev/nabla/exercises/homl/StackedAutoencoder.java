package dev.nabla.exercises.homl;

import dev.nabla.exercises.Target;
import dev.nabla.layers.Dense;
import dev.nabla.layers.Flatten;
import dev.nabla.layers.Model;
import dev.nabla.layers.Reshape;
import dev.nabla.layers.Sequential;

import static dev.nabla.layers.Activation.GELU;
import static dev.nabla.layers.Activation.SIGMOID;

/**
 * HOML-17, stacked autoencoder (gelu where the book has selu):
 * <pre>
 * stacked_encoder = Sequential([Flatten(input_shape=[28, 28]), Dense(100, activation="gelu"), Dense(30, activation="gelu")])
 * stacked_decoder = Sequential([Dense(100, activation="gelu", input_shape=[30]), Dense(28 * 28, activation="sigmoid"), Reshape([28, 28])])
 * stacked_ae = Sequential([stacked_encoder, stacked_decoder])
 * </pre>
 */
public final class StackedAutoencoder extends FashionAutoencoder {
    @Override public String id() { return "homl-stacked"; }
    @Override public String title() { return "HOML-17 stacked autoencoder 784-100-30-100-784 on Fashion-MNIST"; }
    @Override public Target target() { return Target.loss("val_loss", 0.2746, 0.015); }

    static Sequential encoder() {
        return new Sequential(new Flatten(), new Dense(100, GELU), new Dense(30, GELU)).inputShape(28, 28);
    }

    static Sequential decoder() {
        return new Sequential(new Dense(100, GELU), new Dense(28 * 28, SIGMOID), new Reshape(28, 28)).inputShape(30);
    }

    @Override
    Model build() {
        return new Sequential(encoder(), decoder()).inputShape(28, 28);
    }

    @Override
    double[] bookValLoss() {
        return new double[] {0.2933, 0.2852, 0.2817, 0.2796, 0.2783, 0.2774, 0.2766, 0.2758, 0.2753, 0.2746};
    }
}
