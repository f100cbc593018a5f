package dev.nabla.datasets.pickle;

/** The numpy element types the pickle reader accepts, with their numpy type codes. */
public enum ElementType {
    UINT8("u1", 1),
    INT64("i8", 8),
    FLOAT32("f4", 4),
    FLOAT64("f8", 8);

    private final String code;
    private final int itemSize;

    ElementType(String code, int itemSize) {
        this.code = code;
        this.itemSize = itemSize;
    }

    /** numpy's short type code, e.g. {@code "u1"}. */
    public String code() {
        return code;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /**
     * Parses a numpy dtype string as pickled by {@code numpy.dtype}: the short code with an
     * optional byte-order prefix ({@code "u1"}, {@code "<f4"}); returns null when unsupported.
     * Codes are case-sensitive, as in numpy ({@code "U1"} is a string type, not uint8).
     */
    static ElementType fromCode(String spec) {
        String code = spec.isEmpty() || "<>|=".indexOf(spec.charAt(0)) < 0 ? spec : spec.substring(1);
        for (ElementType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        return switch (code) {
            case "B", "uint8" -> UINT8;
            case "q", "l", "int64" -> INT64;
            case "f", "float32" -> FLOAT32;
            case "d", "float64" -> FLOAT64;
            default -> null;
        };
    }
}
