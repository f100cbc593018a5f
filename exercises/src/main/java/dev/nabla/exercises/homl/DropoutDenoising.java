package dev.nabla.exercises.homl;

import dev.nabla.exercises.Target;
import dev.nabla.layers.Dropout;
import dev.nabla.layers.Layer;

/**
 * HOML-17, denoising autoencoder with dropout:
 * <pre>
 * dropout_encoder = Sequential([Flatten(input_shape=[28, 28]), Dropout(0.5), Dense(100, activation="gelu"), Dense(30, activation="gelu")])
 * dropout_decoder = Sequential([Dense(100, activation="gelu", input_shape=[30]), Dense(28 * 28, activation="sigmoid"), Reshape([28, 28])])
 * </pre>
 */
public final class DropoutDenoising extends DenoisingAutoencoder {
    @Override public String id() { return "homl-denoise-dropout"; }
    @Override public String title() { return "HOML-17 denoising autoencoder, Dropout(0.5) on the inputs"; }
    @Override public Target target() { return Target.loss("val_loss", 0.2815, 0.015); }

    @Override
    Layer noise() {
        return new Dropout(0.5f);
    }

    @Override
    double[] bookValLoss() {
        return new double[] {0.2988, 0.2921, 0.2891, 0.2867, 0.2854, 0.2842, 0.2831, 0.2825, 0.2818, 0.2815};
    }
}
