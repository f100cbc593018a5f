package dev.nabla.datasets;

/**
 * The small array transformations the tutorials apply to images before training. Each is a pure
 * function returning a new array.
 */
public final class Preprocessing {
    private Preprocessing() {
    }

    /** Unsigned bytes to floats in [0, 1]: {@code x / 255}. */
    public static float[] scale(byte[] pixels) {
        return scale(pixels, 0, pixels.length);
    }

    /** {@code length} bytes from {@code from} scaled to [0, 1]. */
    public static float[] scale(byte[] pixels, int from, int length) {
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = (pixels[from + i] & 0xFF) / 255f;
        }
        return out;
    }

    /**
     * Planar images (CHW: all of channel 0, then channel 1, ..., as in the CIFAR files) to
     * interleaved images (HWC: the channels of each pixel side by side, as Keras expects).
     * Element (c, y, x) of image n moves to (y, x, c).
     */
    public static byte[] chwToHwc(byte[] planes, int count, int channels, int height, int width) {
        int plane = height * width;
        int image = plane * channels;
        if ((long) count * image != planes.length) {
            throw new IllegalArgumentException(planes.length + " bytes is not " + count + " images of " + channels + "x" + height + "x" + width);
        }
        byte[] out = new byte[planes.length];
        for (int n = 0; n < count; n++) {
            int base = n * image;
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < plane; p++) {
                    out[base + p * channels + c] = planes[base + c * plane + p];
                }
            }
        }
        return out;
    }

    /** Interleaved (HWC) pixels to one gray value per pixel, the mean of its channels. */
    public static float[] grayscale(float[] hwc, int channels) {
        if (hwc.length % channels != 0) {
            throw new IllegalArgumentException(hwc.length + " values is not a whole number of " + channels + "-channel pixels");
        }
        float[] out = new float[hwc.length / channels];
        for (int p = 0; p < out.length; p++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += hwc[p * channels + c];
            }
            out[p] = sum / channels;
        }
        return out;
    }

    /** Row i of the result is all zeros except a 1 in column {@code labels[i]}. */
    public static float[] oneHot(int[] labels, int classes) {
        float[] out = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " is outside [0, " + classes + ")");
            }
            out[i * classes + labels[i]] = 1f;
        }
        return out;
    }

    /**
     * The books' validation split: the first {@code validCount} images are held out for validation,
     * the rest are for training (Hands-On ML: {@code X_valid, X_train = X_train_all[:5000],
     * X_train_all[5000:]}).
     */
    public static TrainValid validationSplit(LabeledImages all, int validCount) {
        if (validCount < 0 || validCount > all.count()) {
            throw new IllegalArgumentException("cannot hold out " + validCount + " of " + all.count() + " images");
        }
        return new TrainValid(all.slice(validCount, all.count()), all.slice(0, validCount));
    }
}
