package dev.nabla.bench.training;

import dev.nabla.datasets.Datasets;
import dev.nabla.datasets.LabeledImages;
import dev.nabla.engine.Tensor;
import dev.nabla.layers.Conv2D;
import dev.nabla.layers.MaxPool2D;
import dev.nabla.layers.Model;
import dev.nabla.layers.Sequential;
import dev.nabla.layers.UpSampling2D;
import dev.nabla.optim.Adadelta;

import java.nio.file.Path;

import static dev.nabla.layers.Activation.RELU;
import static dev.nabla.layers.Activation.SIGMOID;

/**
 * Times epochs of the AUL-5 Exercise 23 convolutional autoencoder on RGB CIFAR-10, as the exercise
 * {@code aul-ex23} trains it: Conv2D(32, 3×3, relu, same) → MaxPool2D(2) → Conv2D(32, 3×3, relu,
 * same) → UpSampling2D(2) → Conv2D(3, 3×3, sigmoid, same) on the 10,000 images of
 * {@code data_batch_1} scaled to [0, 1], binary cross-entropy, Keras 2.2's Adadelta (lr 1.0),
 * batch 32. Arguments as {@link AutoencoderEpochs}': {@code [epochs] [--limit ROWS] [--data DIR]},
 * DIR being the {@code cifar-10-batches-py} folder (else {@code $NABLA_CIFAR10} and the usual search).
 */
public final class CifarConvAutoencoderEpoch {
    private CifarConvAutoencoderEpoch() {}

    public static void main(String[] args) {
        AutoencoderEpochs.run(args, CifarConvAutoencoderEpoch::model, CifarConvAutoencoderEpoch::images, Adadelta::keras22);
    }

    static Model model() {
        return new Sequential(
                new Conv2D(32, 3, "same", RELU), new MaxPool2D(2),
                new Conv2D(32, 3, "same", RELU), new UpSampling2D(2),
                new Conv2D(3, 3, "same", SIGMOID)).inputShape(32, 32, 3);
    }

    /** The first {@code limit} images of {@code data_batch_1}, (N, 32, 32, 3), values / 255. */
    static Tensor images(String dir, int limit) {
        LabeledImages batch = Datasets.cifar10Batch(dir == null ? null : Path.of(dir), 1);
        return batch.slice(0, Math.min(limit, batch.count())).images();
    }
}
