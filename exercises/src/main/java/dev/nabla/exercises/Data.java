package dev.nabla.exercises;

import dev.nabla.datasets.Datasets;
import dev.nabla.datasets.LabeledImages;
import dev.nabla.datasets.Preprocessing;
import dev.nabla.datasets.TrainValid;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The data of the exercises, as the books load it, cut to the first {@code --limit} training
 * samples (and the same share of the validation samples) when asked.
 */
public final class Data {
    /**
     * Each file is read once per process: {@code run all} and the tests use the same data many
     * times. Fashion-MNIST is kept as its split, so its bytes are held once.
     */
    private static final Map<String, Object> READ = new ConcurrentHashMap<>();

    private Data() {}

    /**
     * Fashion-MNIST's training set split as in HOML: {@code X_valid, X_train = X_train_all[:5000],
     * X_train_all[5000:]} (5,000 validation, 55,000 training images). A smaller copy of the set
     * (the tests' sample) is split in the same proportion, its first twelfth for validation.
     */
    public static TrainValid fashionMnist(Options options) {
        TrainValid split = once("fashion-mnist", () -> {
            LabeledImages all = Datasets.fashionMnist().train();
            return Preprocessing.validationSplit(all, all.count() / 12);
        });
        int train = options.samples(split.train().count());
        int valid = options.proportional(split.valid().count(), split.train().count());
        return new TrainValid(split.train().slice(0, train), split.valid().slice(0, valid));
    }

    /** The 10,000 digits of AUL-5's {@code mnist.pkl}, or the first {@code --limit}. */
    public static LabeledImages mnist(Options options) {
        return first(once("mnist.pkl", Datasets::mnist10k), options);
    }

    /** The 10,000 images of CIFAR-10's {@code data_batch_1} (RGB, channels last), or the first {@code --limit}. */
    public static LabeledImages cifar10Batch1(Options options) {
        return first(once("data_batch_1", Datasets::cifar10Batch1), options);
    }

    @SuppressWarnings("unchecked")
    private static <T> T once(String name, Supplier<T> read) {
        return (T) READ.computeIfAbsent(name, n -> read.get());
    }

    private static LabeledImages first(LabeledImages all, Options options) {
        return all.slice(0, options.samples(all.count()));
    }
}
