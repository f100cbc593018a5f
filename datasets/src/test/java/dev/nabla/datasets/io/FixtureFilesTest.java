package dev.nabla.datasets.io;

import dev.nabla.datasets.LabeledImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static dev.nabla.datasets.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every file in the test resources' fixtures/ against the values listed in fixtures/expected.json. */
class FixtureFilesTest {
    // expected.json, "cifar_py2_20.pkl and cifar_bin_20.bin"
    private static final int[] CIFAR_LABELS = {7, 3, 1, 4, 4, 4, 7, 1, 1, 4, 7, 3, 3, 3, 7, 2, 8, 6, 8, 1};
    private static final long CIFAR_SUM = 7423590;
    private static final int[] CIFAR_FIRST_ROW_FIRST8 = {217, 210, 204, 204, 200, 196, 199, 206};
    // expected.json, "mnist_pN_20.pkl"
    private static final int[] MNIST_LABELS = {5, 6, 1, 3, 0, 1, 1, 9, 8, 7, 2, 0, 4, 3, 3, 4, 9, 8, 4, 8};
    private static final long MNIST_SUM = 547636;
    private static final int[] MNIST_IMAGE0_ROW14 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 231, 255, 249, 230, 135, 116, 127, 234, 253, 253, 253,
            181, 9, 0, 0, 0, 0, 0, 0};

    @Test
    void cifarPythonBatch() throws IOException {
        CifarBatch batch = CifarPythonReader.read(fixture("cifar_py2_20.pkl"));
        assertCifar(batch.images());
        assertEquals("horse_0878.png", batch.filenames().getFirst());
        assertEquals(20, batch.filenames().size());
        assertEquals("training batch 1 of 5", batch.batchLabel());
    }

    @Test
    void cifarBinaryBatch() throws IOException {
        assertCifar(CifarBinaryReader.read(fixture("cifar_bin_20.bin")));
    }

    @Test
    void pythonAndBinaryVersionsAgree() throws IOException {
        assertEquals(CifarBinaryReader.read(fixture("cifar_bin_20.bin")), CifarPythonReader.read(fixture("cifar_py2_20.pkl")).images());
    }

    private static void assertCifar(LabeledImages images) {
        assertEquals(20, images.count());
        assertEquals(3072, images.imageSize());
        assertArrayEquals(CIFAR_LABELS, images.labels());
        assertEquals(CIFAR_SUM, images.pixelSum());
        // data[0, :8] is the first 8 values of the red plane: row 0, columns 0..7, channel 0.
        assertArrayEquals(CIFAR_FIRST_ROW_FIRST8, row(images, 0, 0, 8));
        assertEquals("horse", images.classNames().get(images.label(0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mnist_p2_20.pkl", "mnist_p3_20.pkl", "mnist_p4_20.pkl", "mnist_p5_20.pkl"})
    void mnistPickleAtEveryProtocol(String name) throws IOException {
        LabeledImages images = MnistPickleReader.read(fixture(name));
        assertEquals(20, images.count());
        assertEquals(28, images.height());
        assertEquals(28, images.width());
        assertEquals(1, images.channels());
        assertArrayEquals(MNIST_LABELS, images.labels());
        assertEquals(MNIST_SUM, images.pixelSum());
        assertArrayEquals(MNIST_IMAGE0_ROW14, row(images, 0, 14, 28));
    }

    /** The first {@code length} values of channel 0 in row {@code y} of image {@code i}. */
    private static int[] row(LabeledImages images, int i, int y, int length) {
        int[] values = new int[length];
        for (int x = 0; x < length; x++) {
            values[x] = images.pixel(i, y, x, 0);
        }
        return values;
    }
}
