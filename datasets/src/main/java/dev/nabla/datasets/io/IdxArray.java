package dev.nabla.datasets.io;

/**
 * An unsigned-byte array read from an IDX file: its shape (e.g. {@code [60000, 28, 28]}) and its
 * elements in row-major order.
 */
public record IdxArray(int[] shape, byte[] data) {
    public IdxArray {
        shape = shape.clone();
    }

    /** The shape (a copy). */
    @Override
    public int[] shape() {
        return shape.clone();
    }
}
