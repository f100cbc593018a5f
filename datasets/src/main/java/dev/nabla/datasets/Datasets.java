package dev.nabla.datasets;

import dev.nabla.datasets.io.CifarBatch;
import dev.nabla.datasets.io.CifarPythonReader;
import dev.nabla.datasets.io.IdxImages;
import dev.nabla.datasets.io.MnistPickleReader;
import dev.nabla.datasets.locate.DatasetSource;
import dev.nabla.datasets.locate.Locator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One-line access to the tutorials' data sets. Each method finds the files with {@link Locator}
 * (explicit path, environment variable, cache, the installed Debian package, then a verified
 * download from the official address or of the Debian package) and reads them.
 *
 * <pre>{@code
 * TrainTest fashion = Datasets.fashionMnist();                 // 60,000 + 10,000 images
 * TrainValid split = Preprocessing.validationSplit(fashion.train(), 5000);
 * Tensor xTrain = split.train().images();                      // (55000, 28, 28), values / 255
 * }</pre>
 *
 * <p>Every method throws {@link DatasetNotFoundException} when the data is nowhere to be found
 * (the message lists every place searched), and {@link UncheckedIOException} wrapping a
 * {@link MalformedDataException} when a file is found but cannot be read.
 */
public final class Datasets {
    private static final List<String> FASHION_FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    private Datasets() {
    }

    /** Fashion-MNIST, 60,000 training and 10,000 test images of 28×28 gray pixels. */
    public static TrainTest fashionMnist() {
        return fashionMnist(null);
    }

    /** Fashion-MNIST from the folder {@code dir} (null: search as usual). */
    public static TrainTest fashionMnist(Path dir) {
        Path folder = Locator.system().find(DatasetSource.FASHION_MNIST, dir, FASHION_FILES);
        return read(() -> new TrainTest(
                IdxImages.read(folder.resolve(FASHION_FILES.get(0)), folder.resolve(FASHION_FILES.get(1)), DatasetCatalog.FASHION_MNIST),
                IdxImages.read(folder.resolve(FASHION_FILES.get(2)), folder.resolve(FASHION_FILES.get(3)), DatasetCatalog.FASHION_MNIST)));
    }

    /** The 10,000 MNIST digits of the Applied Unsupervised Learning book's {@code mnist.pkl}. */
    public static LabeledImages mnist10k() {
        return mnist10k(null);
    }

    /** The book's {@code mnist.pkl} at {@code path} (the file, whatever its name, or its folder; null: search as usual). */
    public static LabeledImages mnist10k(Path path) {
        Path file = Locator.system().findFile(DatasetSource.MNIST_PKL, path, "mnist.pkl");
        return read(() -> MnistPickleReader.read(file));
    }

    /** CIFAR-10 training batch 1 (10,000 images of 32×32×3). */
    public static LabeledImages cifar10Batch1() {
        return cifar10Batch(1);
    }

    /** CIFAR-10 training batch {@code n}, 1 to 5. */
    public static LabeledImages cifar10Batch(int n) {
        return cifar10Batch(null, n);
    }

    /** CIFAR-10 training batch {@code n} from the {@code cifar-10-batches-py} folder {@code dir} (null: search). */
    public static LabeledImages cifar10Batch(Path dir, int n) {
        if (n < 1 || n > 5) {
            throw new IllegalArgumentException("CIFAR-10 has training batches 1 to 5, not " + n);
        }
        return cifar10File(dir, "data_batch_" + n);
    }

    /** The CIFAR-10 test batch (10,000 images). */
    public static LabeledImages cifar10Test() {
        return cifar10File(null, "test_batch");
    }

    /** The CIFAR-10 test batch from {@code dir}. */
    public static LabeledImages cifar10Test(Path dir) {
        return cifar10File(dir, "test_batch");
    }

    private static LabeledImages cifar10File(Path dir, String name) {
        Path folder = Locator.system().find(DatasetSource.CIFAR10, dir, List.of(name));
        return read(() -> {
            Path meta = folder.resolve("batches.meta");
            List<String> classNames = Files.isRegularFile(meta) ? CifarPythonReader.readClassNames(meta) : DatasetCatalog.CIFAR10.classNames();
            CifarBatch batch = CifarPythonReader.read(folder.resolve(name), classNames);
            return batch.images();
        });
    }

    private interface Reading<T> {
        T get() throws IOException;
    }

    private static <T> T read(Reading<T> reading) {
        try {
            return reading.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
