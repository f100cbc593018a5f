package dev.nabla.exercises.aul;

import dev.nabla.engine.Tensor;
import dev.nabla.exercises.Data;
import dev.nabla.exercises.Options;
import dev.nabla.exercises.Target;

/**
 * AUL-5 Activity 11, the convolutional autoencoder ({@link ConvolutionalAulAutoencoder}) on
 * MNIST, 28 × 28 × 1 with 16 filters (2,625 parameters).
 */
public final class ConvMnistAutoencoder extends ConvolutionalAulAutoencoder {
    public ConvMnistAutoencoder() {
        super(28, 28, 1, 16);
    }

    @Override public String id() { return "aul-act11"; }
    @Override public String title() { return "AUL-5 Act. 11 convolutional autoencoder on MNIST"; }
    @Override public Target target() { return Target.loss("loss", 0.0635, 0.03); }

    /** {@code mnist.pkl} / 255 with a channel axis, (N, 28, 28, 1). */
    @Override
    Tensor images(Options options) {
        var mnist = Data.mnist(options);
        return mnist.images().reshape(mnist.count(), 28, 28, 1);
    }
}
