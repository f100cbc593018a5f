package dev.nabla.datasets;

import dev.nabla.datasets.io.CifarBatch;
import dev.nabla.datasets.io.CifarPythonReader;
import dev.nabla.datasets.io.IdxImages;
import dev.nabla.datasets.locate.DatasetSource;
import dev.nabla.datasets.locate.Downloader;
import dev.nabla.datasets.locate.Locator;
import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The complete data sets available offline: Fashion-MNIST from the Debian package, and the CIFAR-10
 * batches and mnist.pkl in the project's shared data folder. Reference sums were computed
 * independently with numpy: {@code np.frombuffer(gzip.open(f).read(), np.uint8, offset=16).astype(np.int64).sum()}
 * and {@code pickle.load(f, encoding='bytes')[b'data'].astype(np.int64).sum()}.
 */
class RealDataTest {
    private static final Path DEBIAN_FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    private static int[] tens(int n) {
        int[] counts = new int[10];
        Arrays.fill(counts, n);
        return counts;
    }

    @Test
    void fashionMnistFromTheDebianPackage() {
        assumeTrue(Files.isDirectory(DEBIAN_FASHION), "dataset-fashion-mnist is not installed");
        TrainTest fashion = Datasets.fashionMnist(DEBIAN_FASHION);
        LabeledImages train = fashion.train();
        LabeledImages test = fashion.test();
        assertEquals(60_000, train.count());
        assertEquals(10_000, test.count());
        assertEquals(List.of(28, 28, 1), List.of(train.height(), train.width(), train.channels()));
        assertArrayEquals(tens(6_000), train.labelCounts());
        assertArrayEquals(tens(1_000), test.labelCounts());
        assertEquals(3_431_114_169L, train.pixelSum());
        assertEquals(573_469_082L, test.pixelSum());
        assertEquals("Ankle boot", train.classNames().get(9));

        TrainValid split = Preprocessing.validationSplit(train, 5_000);
        assertEquals(55_000, split.train().count());
        assertEquals(5_000, split.valid().count());
        Tensor x = split.valid().images();
        assertArrayEquals(new int[]{5_000, 28, 28}, x.shape());
        // float32 summation of 3.9 million values: allow a relative error of 1e-5.
        double expected = train.slice(0, 5_000).pixelSum() / 255.0;
        assertEquals(expected, x.sum().item(), expected * 1e-5);
        assertEquals(train.pixel(4_999, 14, 14, 0) / 255f, x.get(4_999, 14, 14));
    }

    @Test
    void locatorFindsTheDebianPackageWhenNothingElseIsThere(@TempDir Path home) {
        assumeTrue(Files.isDirectory(DEBIAN_FASHION), "dataset-fashion-mnist is not installed");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Locator locator = new Locator(new Locator.Environment(Map.of("NABLA_OFFLINE", "1")::get, home, home, new Downloader(quiet)));
        Path found = locator.find(DatasetSource.FASHION_MNIST, null, List.of("train-labels-idx1-ubyte.gz"));
        assertEquals(DEBIAN_FASHION, found);
    }

    @Test
    void cifar10DataBatch1FromSharedData() throws IOException {
        Path dir = Fixtures.data("cifar-10-batches-py/data_batch_1").getParent();
        CifarBatch batch = CifarPythonReader.read(dir.resolve("data_batch_1"), CifarPythonReader.readClassNames(dir.resolve("batches.meta")));
        LabeledImages images = batch.images();
        assertEquals(10_000, images.count());
        assertEquals(List.of(32, 32, 3), List.of(images.height(), images.width(), images.channels()));
        assertArrayEquals(tens(1_000), images.labelCounts());
        assertEquals(3_717_219_661L, images.pixelSum());
        assertEquals("truck_0953.png", batch.filenames().getFirst());
        assertEquals("training batch 1 of 5", batch.batchLabel());
        assertEquals(DatasetCatalog.CIFAR10.classNames(), images.classNames());
        assertEquals(images, Datasets.cifar10Batch(dir, 1));
    }

    @Test
    void cifar10TestBatchFromSharedData() {
        Path dir = Fixtures.data("cifar-10-batches-py/test_batch").getParent();
        LabeledImages images = Datasets.cifar10Test(dir);
        assertEquals(10_000, images.count());
        assertArrayEquals(tens(1_000), images.labelCounts());
        assertEquals(3_732_740_007L, images.pixelSum());
        assertArrayEquals(new int[]{10_000, 32, 32}, images.grayImages().shape());
    }

    @Test
    void mnistPickleFromSharedDataMatchesItsIdxCopy() throws IOException {
        Path pkl = Fixtures.data("mnist-10k/mnist.pkl");
        LabeledImages fromPickle = Datasets.mnist10k(pkl);
        assertEquals(10_000, fromPickle.count());
        assertEquals(List.of(28, 28, 1), List.of(fromPickle.height(), fromPickle.width(), fromPickle.channels()));
        assertArrayEquals(new int[]{1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, fromPickle.labelCounts());
        assertEquals(262_146_600L, fromPickle.pixelSum());
        Path dir = pkl.getParent();
        LabeledImages fromIdx = IdxImages.read(dir.resolve("images-idx3-ubyte.gz"), dir.resolve("labels-idx1-ubyte.gz"), DatasetCatalog.MNIST);
        assertEquals(fromIdx, fromPickle);
    }
}
