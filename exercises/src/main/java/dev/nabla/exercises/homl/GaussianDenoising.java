package dev.nabla.exercises.homl;

import dev.nabla.exercises.Target;
import dev.nabla.layers.GaussianNoise;
import dev.nabla.layers.Layer;

/**
 * HOML-17, denoising autoencoder with Gaussian noise (the book gives no run, so the figure is reported):
 * <pre>
 * denoising_encoder = Sequential([Flatten(input_shape=[28, 28]), GaussianNoise(0.2), Dense(100, activation="gelu"), Dense(30, activation="gelu")])
 * </pre>
 */
public final class GaussianDenoising extends DenoisingAutoencoder {
    @Override public String id() { return "homl-denoise-gauss"; }
    @Override public String title() { return "HOML-17 denoising autoencoder, GaussianNoise(0.2) on the inputs"; }
    @Override public Target target() { return Target.report("val_loss"); }

    @Override
    Layer noise() {
        return new GaussianNoise(0.2f);
    }
}
