package dev.nabla.datasets.pickle;

/**
 * A {@code numpy.dtype} as rebuilt from a pickle: an element type plus a byte order, which the
 * type string gives ({@code '>f4'}) and the dtype's pickled state ({@code BUILD}) may set, at most
 * once, while reading.
 */
public final class NumpyDType {
    private final ElementType type;
    private boolean bigEndian;
    private boolean stateSet;

    NumpyDType(ElementType type, boolean bigEndian) {
        this.type = type;
        this.bigEndian = bigEndian;
    }

    public ElementType type() {
        return type;
    }

    /** True when the elements are stored most significant byte first ({@code '>'}). */
    public boolean bigEndian() {
        return bigEndian;
    }

    /** Applies numpy's dtype state tuple {@code (version, endian, subarray, names, fields, elsize, alignment, flags)}. */
    void setState(String byteOrder) {
        if (stateSet) {
            throw new IllegalStateException("dtype state set twice");
        }
        stateSet = true;
        bigEndian = byteOrder.equals(">");
    }

    @Override
    public String toString() {
        return "dtype('" + (bigEndian ? ">" : "") + type.code() + "')";
    }
}
