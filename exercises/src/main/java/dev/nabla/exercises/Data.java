package dev.nabla.exercises;

import dev.nabla.datasets.DatasetCatalog;
import dev.nabla.datasets.LabeledImages;
import dev.nabla.datasets.Preprocessing;
import dev.nabla.datasets.TrainValid;
import dev.nabla.datasets.io.CifarPythonReader;
import dev.nabla.datasets.io.IdxImages;
import dev.nabla.datasets.io.MnistPickleReader;
import dev.nabla.datasets.locate.ProjectShared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data of the exercises, as the books load it, cut to the first {@code --limit} training
 * samples (and the same share of the validation samples) when asked.
 */
public final class Data {
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    private Data() {}

    /**
     * Fashion-MNIST's training set split as in HOML: {@code X_valid, X_train = X_train_all[:5000],
     * X_train_all[5000:]} (5,000 validation, 55,000 training images).
     */
    public static TrainValid fashionMnist(Options options) throws IOException {
        LabeledImages all = IdxImages.read(existing(FASHION.resolve("train-images-idx3-ubyte.gz")),
                existing(FASHION.resolve("train-labels-idx1-ubyte.gz")), DatasetCatalog.FASHION_MNIST);
        TrainValid split = Preprocessing.validationSplit(all, 5000);
        int train = options.samples(split.train().count());
        int valid = options.proportional(split.valid().count(), split.train().count());
        return new TrainValid(split.train().slice(0, train), split.valid().slice(0, valid));
    }

    /** The 10,000 digits of AUL-5's {@code mnist.pkl}, or the first {@code --limit}. */
    public static LabeledImages mnist(Options options) throws IOException {
        return first(MnistPickleReader.read(shared("data/mnist-10k/mnist.pkl")), options);
    }

    /** The 10,000 images of CIFAR-10's {@code data_batch_1} (RGB, channels last), or the first {@code --limit}. */
    public static LabeledImages cifar10Batch1(Options options) throws IOException {
        return first(CifarPythonReader.read(shared("data/cifar-10-batches-py/data_batch_1")).images(), options);
    }

    private static LabeledImages first(LabeledImages all, Options options) {
        return all.slice(0, options.samples(all.count()));
    }

    private static Path shared(String child) throws IOException {
        return ProjectShared.find(child).orElseThrow(() -> new IOException(
                "cannot find " + child + " in a 'shared' folder beside the project (looked in " + ProjectShared.candidates(Path.of("")) + ")"));
    }

    private static Path existing(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("Fashion-MNIST file " + file + " is missing; install the Debian package dataset-fashion-mnist");
        }
        return file;
    }
}
