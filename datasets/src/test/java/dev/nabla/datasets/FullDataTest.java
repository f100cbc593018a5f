package dev.nabla.datasets;

import dev.nabla.datasets.io.CifarBatch;
import dev.nabla.datasets.io.CifarPythonReader;
import dev.nabla.datasets.locate.AptFetcher;
import dev.nabla.datasets.locate.DatasetSource;
import dev.nabla.datasets.locate.Downloader;
import dev.nabla.datasets.locate.Locator;
import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The complete data sets, where this machine has them: found as {@code ./nabla run} finds them
 * (environment variable, cache, installed Debian package) but never downloaded. Where one is not
 * found its tests are skipped, and the report says which and why; {@link SampleDataTest} reads
 * the shipped samples everywhere. Fashion-MNIST's sums were computed independently with numpy,
 * {@code np.frombuffer(gzip.open(f).read(), np.uint8, offset=16).astype(np.int64).sum()}; the
 * CIFAR-10 and mnist.pkl copies in circulation differ in their pixels (the official batches, copies
 * rebuilt from JPEG files, the book's pickle), so only their layout and sizes are checked.
 */
class FullDataTest {
    private static int[] tens(int n) {
        int[] counts = new int[10];
        Arrays.fill(counts, n);
        return counts;
    }

    /** The folder holding {@code needed} of {@code source}, searched offline; the test is skipped when there is none. */
    private static Path found(DatasetSource source, List<String> needed) {
        Locator.Environment system = Locator.Environment.system();
        Locator offline = new Locator(new Locator.Environment(name -> name.equals("NABLA_OFFLINE") ? "1" : System.getenv(name),
                system.home(), new Downloader(new PrintStream(OutputStream.nullOutputStream())), AptFetcher.system()));
        try {
            return offline.find(source, null, needed);
        } catch (DatasetNotFoundException e) {
            assumeTrue(false, "complete " + source.name() + " not on this machine, test skipped: " + e.getMessage());
            throw e;
        }
    }

    @Test
    void fashionMnistComplete() {
        TrainTest fashion = Datasets.fashionMnist(found(DatasetSource.FASHION_MNIST, List.of("train-images-idx3-ubyte.gz",
                "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")));
        LabeledImages train = fashion.train();
        LabeledImages test = fashion.test();
        assertEquals(60_000, train.count());
        assertEquals(10_000, test.count());
        assertArrayEquals(tens(6_000), train.labelCounts());
        assertArrayEquals(tens(1_000), test.labelCounts());
        assertEquals(3_431_114_169L, train.pixelSum());
        assertEquals(573_469_082L, test.pixelSum());

        TrainValid split = Preprocessing.validationSplit(train, 5_000);
        assertEquals(55_000, split.train().count());
        Tensor x = split.valid().images();
        assertArrayEquals(new int[]{5_000, 28, 28}, x.shape());
        // float32 summation of 3.9 million values: allow a relative error of 1e-5.
        double expected = train.slice(0, 5_000).pixelSum() / 255.0;
        assertEquals(expected, x.sum().item(), expected * 1e-5);
    }

    @Test
    void cifar10DataBatch1Complete() throws IOException {
        Path dir = found(DatasetSource.CIFAR10, List.of("data_batch_1", "batches.meta"));
        CifarBatch batch = CifarPythonReader.read(dir.resolve("data_batch_1"), CifarPythonReader.readClassNames(dir.resolve("batches.meta")));
        LabeledImages images = batch.images();
        assertEquals(10_000, images.count());
        assertEquals(List.of(32, 32, 3), List.of(images.height(), images.width(), images.channels()));
        assertEquals(10_000, Arrays.stream(images.labelCounts()).sum());
        assertEquals(10_000, batch.filenames().size());
        assertEquals("training batch 1 of 5", batch.batchLabel());
    }

    @Test
    void cifar10TestBatchComplete() {
        LabeledImages images = Datasets.cifar10Test(found(DatasetSource.CIFAR10, List.of("test_batch")));
        assertEquals(10_000, images.count());
        assertArrayEquals(tens(1_000), images.labelCounts());
    }

    @Test
    void mnistPickleComplete() {
        LabeledImages digits = Datasets.mnist10k(found(DatasetSource.MNIST_PKL, List.of("mnist.pkl")));
        assertEquals(10_000, digits.count());
        assertEquals(List.of(28, 28, 1), List.of(digits.height(), digits.width(), digits.channels()));
        assertEquals(10_000, Arrays.stream(digits.labelCounts()).sum());
    }
}
