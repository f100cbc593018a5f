package dev.nabla.datasets;

import dev.nabla.datasets.io.CifarBatch;
import dev.nabla.datasets.io.CifarPythonReader;
import dev.nabla.datasets.locate.DatasetSource;
import dev.nabla.datasets.locate.Locator;
import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The complete data sets, under {@code -Pslow} (tagged {@code slow}, like the full-length exercise
 * runs that need them too): found as {@code ./nabla run} finds them, downloads included, and the
 * folder read printed in the test's output. Where one cannot be had the test fails with the
 * message saying where it looked: these tests are asked for explicitly. {@link SampleDataTest}
 * reads the shipped samples in every run. Fashion-MNIST's sums were computed independently with numpy,
 * {@code np.frombuffer(gzip.open(f).read(), np.uint8, offset=16).astype(np.int64).sum()}; the
 * CIFAR-10 and mnist.pkl copies in circulation differ in their pixels (the official batches, copies
 * rebuilt from JPEG files, the book's pickle), so only their layout and sizes are checked.
 */
@Tag("slow")
class FullDataTest {
    private static int[] tens(int n) {
        int[] counts = new int[10];
        Arrays.fill(counts, n);
        return counts;
    }

    /** The folder holding {@code needed} of {@code source}, printed for the test report. */
    private static Path found(DatasetSource source, List<String> needed) {
        Path folder = Locator.system().find(source, null, needed);
        System.out.println("complete " + source.name() + " read from " + folder);
        return folder;
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
