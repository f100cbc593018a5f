package dev.nabla.datasets;

import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Preprocessing functions and the tensor conversions of {@link LabeledImages}, on values worked out by hand. */
class PreprocessingTest {
    private static final List<String> THREE = List.of("a", "b", "c");

    @Test
    void scaleDividesUnsignedBytesBy255() {
        assertArrayEquals(new float[]{0f, 1f, 128 / 255f, 1 / 255f}, Preprocessing.scale(new byte[]{0, (byte) 255, (byte) 128, 1}));
    }

    @Test
    void planesToChannelsLast() {
        // Two 2x2 RGB images: image n, channel c, pixel p holds 100n + 10c + p.
        byte[] chw = new byte[24];
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 4; p++) {
                    chw[n * 12 + c * 4 + p] = (byte) (100 * n + 10 * c + p);
                }
            }
        }
        byte[] hwc = Preprocessing.chwToHwc(chw, 2, 3, 2, 2);
        assertArrayEquals(new byte[]{0, 10, 20, 1, 11, 21, 2, 12, 22, 3, 13, 23,
                100, 110, 120, 101, 111, 121, 102, 112, 122, 103, 113, 123}, hwc);
        assertThrows(IllegalArgumentException.class, () -> Preprocessing.chwToHwc(new byte[23], 2, 3, 2, 2));
    }

    @Test
    void grayIsTheMeanOfTheChannels() {
        assertArrayEquals(new float[]{0.6f, 0.1f}, Preprocessing.grayscale(new float[]{0.3f, 0.6f, 0.9f, 0f, 0f, 0.3f}, 3), 1e-7f);
        assertThrows(IllegalArgumentException.class, () -> Preprocessing.grayscale(new float[4], 3));
    }

    @Test
    void oneHotRows() {
        assertArrayEquals(new float[]{0, 0, 1, 1, 0, 0}, Preprocessing.oneHot(new int[]{2, 0}, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preprocessing.oneHot(new int[]{0, 3}, 3));
        assertEquals("label 3 at index 1 is outside [0, 3)", e.getMessage());
    }

    private static LabeledImages gray(int count) {
        byte[] pixels = new byte[count * 4];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 4; p++) {
                pixels[i * 4 + p] = (byte) (i * 10 + p);
            }
            labels[i] = i % 3;
        }
        return new LabeledImages(pixels, labels, count, 2, 2, 1, THREE, "test images");
    }

    @Test
    void validationSplitHoldsOutTheFirstImages() {
        TrainValid split = Preprocessing.validationSplit(gray(10), 3);
        assertArrayEquals(new int[]{0, 1, 2}, split.valid().labels());
        assertArrayEquals(new int[]{0, 1, 2, 0, 1, 2, 0}, split.train().labels());
        assertEquals(30, split.train().pixel(0, 0, 0, 0));
        assertEquals(7, split.train().count());
        assertThrows(IllegalArgumentException.class, () -> Preprocessing.validationSplit(gray(10), 11));
    }

    @Test
    void tensorsOfGrayImages() {
        LabeledImages images = gray(2);
        Tensor x = images.images();
        assertArrayEquals(new int[]{2, 2, 2}, x.shape());
        assertEquals(13 / 255f, x.get(1, 1, 1));
        Tensor flat = images.flatImages();
        assertArrayEquals(new int[]{2, 4}, flat.shape());
        assertEquals(12 / 255f, flat.get(1, 2));
        assertArrayEquals(new float[]{0, 1}, images.labelTensor().toArray());
        Tensor oneHot = images.oneHotLabels();
        assertArrayEquals(new int[]{2, 3}, oneHot.shape());
        assertArrayEquals(new float[]{1, 0, 0, 0, 1, 0}, oneHot.toArray());
        assertArrayEquals(new int[]{1, 1, 0}, images.labelCounts());
    }

    @Test
    void aSliceOfASliceSeesTheRightImagesAndConvertsOnlyThem() {
        LabeledImages part = gray(6).slice(1, 5).slice(1, 3);     // images 2 and 3
        assertEquals(2, part.count());
        assertArrayEquals(new int[]{2, 0}, part.labels());
        assertArrayEquals(new byte[]{20, 21, 22, 23, 30, 31, 32, 33}, part.pixels());
        assertEquals(33, part.pixel(1, 1, 1, 0));
        assertEquals(2, part.label(0));
        assertArrayEquals(new int[]{1, 0, 1}, part.labelCounts());
        assertEquals(20 + 21 + 22 + 23 + 30 + 31 + 32 + 33, part.pixelSum());
        assertArrayEquals(new float[]{30 / 255f, 31 / 255f, 32 / 255f, 33 / 255f}, part.images().slice(0, 1, 2).toArray());
        assertArrayEquals(new float[]{0, 0, 1, 1, 0, 0}, part.oneHotLabels().toArray());
        assertEquals(part, new LabeledImages(part.pixels(), part.labels(), 2, 2, 2, 1, THREE, "test images"), "a view equals a copy of it");
    }

    @Test
    void tensorsOfColourImages() {
        // One 1x2 RGB image: pixel 0 = (30, 60, 90), pixel 1 = (0, 0, 255), stored channels last.
        LabeledImages rgb = new LabeledImages(new byte[]{30, 60, 90, 0, 0, (byte) 255}, new int[]{2}, 1, 1, 2, 3, THREE, "rgb");
        assertArrayEquals(new int[]{1, 1, 2, 3}, rgb.images().shape());
        assertEquals(90 / 255f, rgb.images().get(0, 0, 0, 2));
        Tensor gray = rgb.grayImages();
        assertArrayEquals(new int[]{1, 1, 2}, gray.shape());
        assertEquals(60 / 255f, gray.get(0, 0, 0), 1e-7f);
        assertEquals(85 / 255f, gray.get(0, 0, 1), 1e-7f);
    }

    @Test
    void recordsAreValidatedAndImmutable() {
        byte[] pixels = new byte[8];
        int[] labels = {0, 1};
        LabeledImages images = new LabeledImages(pixels, labels, 2, 2, 2, 1, THREE, "d");
        pixels[0] = 99;
        labels[0] = 2;
        images.pixels()[1] = 99;
        images.labels()[1] = 2;
        assertEquals(0, images.pixel(0, 0, 0, 0));
        assertEquals(0, images.pixel(0, 0, 1, 0));
        assertArrayEquals(new int[]{0, 1}, images.labels());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabeledImages(new byte[7], labels, 2, 2, 2, 1, THREE, "d"));
        assertEquals("pixels has 7 bytes, expected count*height*width*channels = 2*2*2*1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LabeledImages(new byte[8], new int[]{0, 3}, 2, 2, 2, 1, THREE, "d"));
        assertEquals("label 3 of image 1 is outside [0, 3)", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> images.slice(1, 3));
    }
}
