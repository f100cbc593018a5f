package dev.nabla.exercises.aul;

import dev.nabla.engine.Tensor;
import dev.nabla.exercises.Data;
import dev.nabla.exercises.Options;
import dev.nabla.exercises.Target;

/**
 * AUL-5 Exercise 23, the convolutional autoencoder ({@link ConvolutionalAulAutoencoder}) on RGB
 * CIFAR-10 images, 32 × 32 × 3 with 32 filters (11,011 parameters). The CIFAR-10 copy here is
 * JPEG-derived.
 */
public final class ConvCifarAutoencoder extends ConvolutionalAulAutoencoder {
    public ConvCifarAutoencoder() {
        super(32, 32, 3, 32);
    }

    @Override public String id() { return "aul-ex23"; }
    @Override public String title() { return "AUL-5 Ex. 23 convolutional autoencoder on RGB CIFAR-10"; }
    @Override public Target target() { return Target.loss("loss", 0.5539, 0.03); }

    /** {@code data_batch_1} as RGB images / 255, (N, 32, 32, 3). */
    @Override
    Tensor images(Options options) {
        return Data.cifar10Batch1(options).images();
    }
}
