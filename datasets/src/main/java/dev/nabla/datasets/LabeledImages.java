package dev.nabla.datasets;

import dev.nabla.engine.Tensor;

import java.util.Arrays;
import java.util.List;

/**
 * Labelled images as read from a data set file: {@code count} images of {@code height × width ×
 * channels} unsigned bytes, stored image after image, each row-major with channels last (HWC, the
 * Keras layout), and one class index per image.
 *
 * <p>Immutable: the public constructor copies the arrays in (a reader hands over the arrays it
 * filled with {@link #adopt}), {@link #pixels()} / {@link #labels()} return copies, and a
 * {@link #slice} is a view of the same bytes, so that a data set is held once however it is
 * split. The conversions to {@link Tensor} produce fresh float arrays scaled to [0, 1] like the
 * books' {@code X / 255.}.
 */
public final class LabeledImages {
    private final byte[] pixels;
    private final int[] labels;
    /** The first image of this view in the arrays. */
    private final int first;
    private final int count, height, width, channels;
    private final List<String> classNames;
    private final String description;

    /**
     * @param pixels      count·height·width·channels bytes, values 0 to 255 (copied)
     * @param labels      class index of each image, each in [0, classNames.size()) (copied)
     * @param count       number of images
     * @param height      image height in pixels
     * @param width       image width in pixels
     * @param channels    1 for gray, 3 for RGB
     * @param classNames  name of each class index
     * @param description a paragraph saying what the images are and where they come from
     */
    public LabeledImages(byte[] pixels, int[] labels, int count, int height, int width, int channels,
                         List<String> classNames, String description) {
        this(check(pixels, labels, count, height, width, channels, classNames).clone(), labels.clone(), 0, count, height, width, channels,
                List.copyOf(classNames), description);
    }

    private LabeledImages(byte[] pixels, int[] labels, int first, int count, int height, int width, int channels,
                          List<String> classNames, String description) {
        this.pixels = pixels;
        this.labels = labels;
        this.first = first;
        this.count = count;
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.classNames = classNames;
        this.description = description;
    }

    /**
     * The same as the constructor, except that the arrays are taken as they are, not copied: for a
     * reader handing over the arrays it has just filled, which nothing else holds, so that a data
     * set is never in memory twice.
     */
    public static LabeledImages adopt(byte[] pixels, int[] labels, int count, int height, int width, int channels,
                                      List<String> classNames, String description) {
        return new LabeledImages(check(pixels, labels, count, height, width, channels, classNames), labels, 0, count, height, width, channels,
                List.copyOf(classNames), description);
    }

    /** Checks the geometry and the labels; returns the pixels. */
    private static byte[] check(byte[] pixels, int[] labels, int count, int height, int width, int channels, List<String> classNames) {
        if (count < 0 || height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("invalid image geometry: count " + count + ", " + height + "x" + width + "x" + channels);
        }
        if ((long) count * height * width * channels != pixels.length) {
            throw new IllegalArgumentException("pixels has " + pixels.length + " bytes, expected count*height*width*channels = "
                    + count + "*" + height + "*" + width + "*" + channels);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException(labels.length + " labels for " + count + " images");
        }
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is outside [0, " + classNames.size() + ")");
            }
        }
        return pixels;
    }

    /** The raw pixel bytes (a copy). */
    public byte[] pixels() {
        return Arrays.copyOfRange(pixels, first * imageSize(), (first + count) * imageSize());
    }

    /** The class index of each image (a copy). */
    public int[] labels() {
        return Arrays.copyOfRange(labels, first, first + count);
    }

    public int count() { return count; }
    public int height() { return height; }
    public int width() { return width; }
    public int channels() { return channels; }
    public List<String> classNames() { return classNames; }
    public String description() { return description; }

    /** Bytes per image: height·width·channels. */
    public int imageSize() {
        return height * width * channels;
    }

    /** Number of classes. */
    public int classCount() {
        return classNames.size();
    }

    /** The unsigned value (0 to 255) of channel {@code c} at row {@code y}, column {@code x} of image {@code i}. */
    public int pixel(int i, int y, int x, int c) {
        return pixels[(((first + i) * height + y) * width + x) * channels + c] & 0xFF;
    }

    /** The class index of image {@code i}. */
    public int label(int i) {
        return labels[first + i];
    }

    /** How many images each class has. */
    public int[] labelCounts() {
        int[] counts = new int[classCount()];
        for (int i = first; i < first + count; i++) {
            counts[labels[i]]++;
        }
        return counts;
    }

    /** Sum of all pixel values, a cheap fingerprint of the contents. */
    public long pixelSum() {
        long sum = 0;
        for (int i = first * imageSize(); i < (first + count) * imageSize(); i++) {
            sum += pixels[i] & 0xFF;
        }
        return sum;
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive), in order: a view of the same bytes, not a copy. */
    public LabeledImages slice(int from, int to) {
        if (from < 0 || to > count || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + count + " images");
        }
        if (from == 0 && to == count) return this;
        return new LabeledImages(pixels, labels, first + from, to - from, height, width, channels, classNames, description);
    }

    /** This view's pixels scaled to [0, 1], converted straight from the shared bytes. */
    private float[] scaled() {
        return Preprocessing.scale(pixels, first * imageSize(), count * imageSize());
    }

    /**
     * The images scaled to [0, 1]: shape (count, height, width) for gray images, (count, height,
     * width, channels) otherwise.
     */
    public Tensor images() {
        float[] scaled = scaled();
        return channels == 1 ? Tensor.of(scaled, count, height, width) : Tensor.of(scaled, count, height, width, channels);
    }

    /** The images scaled to [0, 1] and flattened: shape (count, height·width·channels). */
    public Tensor flatImages() {
        return Tensor.of(scaled(), count, imageSize());
    }

    /** The images as gray levels in [0, 1], the mean of the channels: shape (count, height, width). */
    public Tensor grayImages() {
        return Tensor.of(Preprocessing.grayscale(scaled(), channels), count, height, width);
    }

    /** The labels as floats: shape (count). */
    public Tensor labelTensor() {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = labels[first + i];
        }
        return Tensor.of(out, count);
    }

    /** The labels one-hot encoded: shape (count, classCount). */
    public Tensor oneHotLabels() {
        return Tensor.of(Preprocessing.oneHot(labels(), classCount()), count, classCount());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabeledImages that && count == that.count && height == that.height && width == that.width
                && channels == that.channels && Arrays.equals(pixels(), that.pixels()) && Arrays.equals(labels(), that.labels())
                && classNames.equals(that.classNames) && description.equals(that.description);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(pixels()) + Arrays.hashCode(labels());
    }

    @Override
    public String toString() {
        return "LabeledImages[" + count + " images " + height + "x" + width + "x" + channels + ", " + classCount() + " classes]";
    }
}
