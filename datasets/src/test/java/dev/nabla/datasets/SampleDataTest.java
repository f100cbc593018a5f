package dev.nabla.datasets;

import dev.nabla.datasets.io.CifarBatch;
import dev.nabla.datasets.io.CifarPythonReader;
import dev.nabla.datasets.io.IdxImages;
import dev.nabla.datasets.locate.DatasetSource;
import dev.nabla.datasets.locate.Downloader;
import dev.nabla.datasets.locate.Locator;
import dev.nabla.datasets.locate.AptFetcher;
import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.nabla.datasets.Fixtures.sample;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shipped samples (the first records of the real files, see {@code samples/README.md}) read by
 * the same code as the complete data sets. Reference values computed independently with numpy:
 * {@code np.frombuffer(gzip.open(f).read(), np.uint8, offset=16).astype(np.int64).sum()},
 * {@code np.bincount(labels)} and {@code pickle.load(f, encoding='bytes')[b'data'].astype(np.int64).sum()}.
 */
class SampleDataTest {
    @Test
    void fashionMnistSampleWithTheBooksValidationSplit() {
        TrainTest fashion = Datasets.fashionMnist(sample("fashion-mnist"));
        LabeledImages train = fashion.train();
        assertEquals(660, train.count());
        assertEquals(100, fashion.test().count());
        assertEquals(List.of(28, 28, 1), List.of(train.height(), train.width(), train.channels()));
        assertArrayEquals(new int[]{68, 67, 61, 63, 68, 63, 68, 70, 68, 64}, train.labelCounts());
        assertArrayEquals(new int[]{8, 13, 14, 9, 10, 9, 8, 11, 12, 6}, fashion.test().labelCounts());
        assertEquals(38_042_460L, train.pixelSum());
        assertEquals(5_854_180L, fashion.test().pixelSum());
        assertEquals("Ankle boot", train.classNames().get(train.label(0)));

        TrainValid split = Preprocessing.validationSplit(train, 55);
        assertEquals(605, split.train().count());
        Tensor x = split.valid().images();
        assertArrayEquals(new int[]{55, 28, 28}, x.shape());
        double expected = train.slice(0, 55).pixelSum() / 255.0;
        assertEquals(expected, x.sum().item(), expected * 1e-6);
        assertEquals(train.pixel(54, 14, 14, 0) / 255f, x.get(54, 14, 14));
    }

    @Test
    void cifar10SampleIsTheFirstRecordsOfDataBatch1() throws IOException {
        Path dir = sample("cifar-10-batches-py");
        CifarBatch batch = CifarPythonReader.read(dir.resolve("data_batch_1"), CifarPythonReader.readClassNames(dir.resolve("batches.meta")));
        LabeledImages images = batch.images();
        assertEquals(350, images.count());
        assertEquals(List.of(32, 32, 3), List.of(images.height(), images.width(), images.channels()));
        assertArrayEquals(new int[]{34, 48, 35, 29, 37, 31, 37, 40, 26, 33}, images.labelCounts());
        assertEquals(130_309_025L, images.pixelSum());
        assertEquals("truck_0953.png", batch.filenames().getFirst());
        assertEquals(350, batch.filenames().size());
        assertEquals("training batch 1 of 5", batch.batchLabel());
        assertEquals(DatasetCatalog.CIFAR10.classNames(), images.classNames());
        assertEquals(images, Datasets.cifar10Batch(dir, 1));
        assertArrayEquals(new int[]{350, 32, 32}, images.grayImages().shape());
    }

    @Test
    void mnistPickleSampleMatchesItsIdxCopy() throws IOException {
        Path dir = sample("mnist-10k");
        LabeledImages fromPickle = Datasets.mnist10k(dir.resolve("mnist.pkl"));
        assertEquals(400, fromPickle.count());
        assertEquals(List.of(28, 28, 1), List.of(fromPickle.height(), fromPickle.width(), fromPickle.channels()));
        assertArrayEquals(new int[]{38, 44, 43, 35, 51, 44, 34, 44, 30, 37}, fromPickle.labelCounts());
        assertEquals(10_394_845L, fromPickle.pixelSum());
        LabeledImages fromIdx = IdxImages.read(dir.resolve("images-idx3-ubyte.gz"), dir.resolve("labels-idx1-ubyte.gz"), DatasetCatalog.MNIST);
        assertEquals(fromIdx, fromPickle);
        assertEquals(fromPickle, Datasets.mnist10k(dir), "the folder holding mnist.pkl");
    }

    @Test
    void mnistPickleUnderAnotherNameThroughTheEnvironment(@TempDir Path home) throws IOException {
        Path renamed = Files.copy(sample("mnist-10k/mnist.pkl"), home.resolve("digits-10k.pickle"));
        Locator locator = new Locator(new Locator.Environment(Map.of("NABLA_MNIST_PKL", renamed.toString())::get, home,
                new Downloader(new PrintStream(OutputStream.nullOutputStream())), AptFetcher.system()));
        assertEquals(renamed, locator.findFile(DatasetSource.MNIST_PKL, null, "mnist.pkl"));
        assertEquals(renamed, locator.findFile(DatasetSource.MNIST_PKL, renamed, "mnist.pkl"));
        assertEquals(400, Datasets.mnist10k(renamed).count());
    }
}
