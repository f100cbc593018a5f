package dev.nabla.exercises.plot;

import dev.nabla.engine.Tensor;

/**
 * One small image: {@code height × width × channels} values (channels 1 or 3, channel-last), shown
 * with 0 as black and 1 as white.
 */
public record Picture(int height, int width, int channels, float[] pixels) {

    public Picture {
        if (channels != 1 && channels != 3) throw new IllegalArgumentException("a picture has 1 or 3 channels, got " + channels);
        if (pixels.length != height * width * channels) {
            throw new IllegalArgumentException("picture " + height + "x" + width + "x" + channels + " needs "
                    + height * width * channels + " values, got " + pixels.length);
        }
    }

    /**
     * Sample {@code index} of a batch tensor whose samples hold {@code height × width × channels}
     * values in any shape ({@code (N, 784)}, {@code (N, 28, 28)}, {@code (N, 32, 32, 3)}, ...).
     */
    public static Picture of(Tensor batch, int index, int height, int width, int channels) {
        int per = height * width * channels;
        if (batch.rank() < 1 || batch.size() / batch.dim(0) != per) {
            throw new IllegalArgumentException("cannot show samples of shape " + java.util.Arrays.toString(batch.shape())
                    + " as " + height + "x" + width + "x" + channels + " pictures");
        }
        if (index < 0 || index >= batch.dim(0)) throw new IllegalArgumentException("sample " + index + " of " + batch.dim(0));
        float[] flat = batch.slice(0, index, index + 1).toArray();
        return new Picture(height, width, channels, flat);
    }

    /** The same picture rescaled so its smallest value is black and its largest white (for codes). */
    public Picture normalized() {
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float v : pixels) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        float range = hi > lo ? hi - lo : 1f;
        float[] out = new float[pixels.length];
        for (int i = 0; i < out.length; i++) out[i] = (pixels[i] - lo) / range;
        return new Picture(height, width, channels, out);
    }

    /** The 8-bit RGB colour of pixel (row, col), values clipped to [0, 1]. */
    int rgb(int row, int col) {
        int base = (row * width + col) * channels;
        int r = byteOf(pixels[base]);
        if (channels == 1) return r << 16 | r << 8 | r;
        return r << 16 | byteOf(pixels[base + 1]) << 8 | byteOf(pixels[base + 2]);
    }

    private static int byteOf(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }
}
