package dev.nabla.datasets.pickle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A numpy array read from a pickle: element type, shape, and the elements in C (row-major) order,
 * little-endian. Arrays pickled in Fortran order or big-endian are converted once, when read.
 *
 * <p>numpy pickles an array as an empty object from {@code _reconstruct} whose contents arrive later
 * through {@code BUILD}; this class mirrors that, so the reader fills it exactly once. After the
 * reader returns, an array is immutable; its accessors return copies.
 */
public final class NdArray {
    private ElementType type;
    private int[] shape;
    private byte[] data;

    NdArray() {
    }

    /**
     * Fills the array. {@code raw} holds {@code product(shape)} elements of {@code dtype}, in
     * Fortran (column-major) order when {@code fortranOrder}, otherwise C order. Each conversion
     * that copies {@code raw} is charged to {@code budget} first.
     *
     * @return null when done, otherwise what was wrong (for the reader's error message)
     */
    String fill(int[] shape, NumpyDType dtype, boolean fortranOrder, byte[] raw, Budget budget) {
        if (this.data != null) {
            return "array state set twice";
        }
        long count = 1;
        for (int d : shape) {
            if (d < 0) {
                return "negative dimension in shape " + Arrays.toString(shape);
            }
            count *= d;
            if (count > Integer.MAX_VALUE) {
                return "shape " + Arrays.toString(shape) + " has more elements than an array can hold";
            }
        }
        int itemSize = dtype.type().itemSize();
        if (count * itemSize != raw.length) {
            return "array of shape " + Arrays.toString(shape) + " and " + dtype + " needs " + count * itemSize
                    + " bytes but the pickle holds " + raw.length;
        }
        byte[] bytes = raw;
        if (dtype.bigEndian() && itemSize > 1) {
            budget.charge(raw.length, "byte-swapping a big-endian array");
            bytes = swapBytes(raw, itemSize);
        }
        if (fortranOrder && shape.length > 1) {
            budget.charge(raw.length, "reordering a Fortran-order array");
            bytes = fortranToC(bytes, shape, itemSize);
        }
        this.type = dtype.type();
        this.shape = shape.clone();
        this.data = bytes;
        return null;
    }

    /** Reverses the bytes of each element (big-endian to little-endian). */
    private static byte[] swapBytes(byte[] raw, int itemSize) {
        byte[] out = new byte[raw.length];
        for (int e = 0; e < raw.length; e += itemSize) {
            for (int b = 0; b < itemSize; b++) {
                out[e + b] = raw[e + itemSize - 1 - b];
            }
        }
        return out;
    }

    /**
     * Reorders column-major elements into row-major order. Walks the C-order index like an odometer
     * (last axis fastest) while tracking the element's Fortran offset, whose stride for axis k is the
     * product of the dimensions before k.
     */
    private static byte[] fortranToC(byte[] src, int[] shape, int itemSize) {
        int n = shape.length;
        long[] fStride = new long[n];
        long s = 1;
        for (int k = 0; k < n; k++) {
            fStride[k] = s;
            s *= shape[k];
        }
        byte[] out = new byte[src.length];
        int[] index = new int[n];
        long fOffset = 0;
        for (int c = 0; c < src.length / itemSize; c++) {
            System.arraycopy(src, (int) (fOffset * itemSize), out, c * itemSize, itemSize);
            for (int k = n - 1; k >= 0; k--) {
                if (++index[k] < shape[k]) {
                    fOffset += fStride[k];
                    break;
                }
                fOffset -= fStride[k] * (shape[k] - 1);
                index[k] = 0;
            }
        }
        return out;
    }

    /** True once the array has received its contents. */
    public boolean isFilled() {
        return data != null;
    }

    public ElementType type() {
        return filled().type;
    }

    public int[] shape() {
        return filled().shape.clone();
    }

    /** Number of elements. */
    public int size() {
        return filled().data.length / type.itemSize();
    }

    /** The elements of a uint8 array, in C order. */
    public byte[] toByteArray() {
        requireType(ElementType.UINT8);
        return data.clone();
    }

    /** The elements of an integer array (uint8 or int64) as longs, in C order. */
    public long[] toLongArray() {
        long[] out = new long[size()];
        switch (type) {
            case UINT8 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = data[i] & 0xFF;
                }
            }
            case INT64 -> buffer().asLongBuffer().get(out);
            default -> throw new IllegalStateException("array of " + type + " is not an integer array");
        }
        return out;
    }

    /** The elements of any supported type converted to float, in C order. */
    public float[] toFloatArray() {
        ByteBuffer b = buffer();
        float[] out = new float[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) element(b, i);
        }
        return out;
    }

    /** The elements of any supported type converted to double, in C order. */
    public double[] toDoubleArray() {
        ByteBuffer b = buffer();
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = element(b, i);
        }
        return out;
    }

    /** Element i as a double (exact for every type except int64 beyond 2^53). */
    private double element(ByteBuffer b, int i) {
        return switch (type) {
            case UINT8 -> data[i] & 0xFF;
            case INT64 -> b.getLong(i * 8);
            case FLOAT32 -> b.getFloat(i * 4);
            case FLOAT64 -> b.getDouble(i * 8);
        };
    }

    private ByteBuffer buffer() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void requireType(ElementType expected) {
        if (filled().type != expected) {
            throw new IllegalStateException("array of " + type + ", expected " + expected);
        }
    }

    private NdArray filled() {
        if (data == null) {
            throw new IllegalStateException("numpy array was never given its contents (no BUILD in the pickle)");
        }
        return this;
    }

    @Override
    public String toString() {
        return data == null ? "ndarray(<empty>)" : "ndarray(shape=" + Arrays.toString(shape) + ", dtype=" + type.code() + ")";
    }
}
