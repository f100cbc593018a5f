package dev.nabla.exercises.homl;

import dev.nabla.datasets.LabeledImages;
import dev.nabla.engine.Tensor;
import dev.nabla.exercises.Gallery;
import dev.nabla.exercises.Reproduction;
import dev.nabla.exercises.plot.ImageGrid;
import dev.nabla.layers.Dense;
import dev.nabla.layers.Flatten;
import dev.nabla.layers.Layer;
import dev.nabla.layers.Model;
import dev.nabla.layers.Reshape;
import dev.nabla.layers.Sequential;

import static dev.nabla.layers.Activation.GELU;
import static dev.nabla.layers.Activation.SIGMOID;

/**
 * HOML-17 denoising autoencoders: the stacked autoencoder with a noise layer after Flatten (active
 * only in training). The pictures show validation images, the same images with noise (the noise
 * layer called in training mode) and the reconstructions of the noisy images.
 */
abstract class DenoisingAutoencoder extends FashionAutoencoder {
    private Layer noise;

    /** The noise layer: Dropout(0.5) or GaussianNoise(0.2). */
    abstract Layer noise();

    @Override
    Model build() {
        noise = noise();
        var encoder = new Sequential(new Flatten(), noise, new Dense(100, GELU), new Dense(30, GELU));
        var decoder = new Sequential(new Dense(100, GELU), new Dense(28 * 28, SIGMOID), new Reshape(28, 28));
        return new Sequential(encoder, decoder).inputShape(28, 28);
    }

    @Override
    void pictures(Reproduction r, Model autoencoder, LabeledImages valid) {
        Tensor xValid = valid.images();
        Tensor shown = xValid.slice(0, 0, Math.min(SHOWN, xValid.dim(0))).contiguous();
        // The noise layer follows Flatten, so it sees (n, 784); reshape the noisy images back.
        Tensor noisy = noise.call(shown.reshape(shown.dim(0), 28 * 28), true).reshape(shown.dim(0), 28, 28);
        new ImageGrid(title())
                .row("original", Gallery.pictures(shown, SHOWN, IMAGE))
                .row("noisy input", Gallery.pictures(noisy, SHOWN, IMAGE))
                .row("reconstruction", Gallery.pictures(autoencoder.predict(noisy), SHOWN, IMAGE))
                .write(r.picture("denoising"));
    }
}
