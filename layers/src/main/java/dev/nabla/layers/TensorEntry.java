package dev.nabla.layers;

import dev.nabla.engine.Shape;

import java.util.Map;

/**
 * One tensor of a safetensors header: name, dtype, shape and its byte range
 * {@code [begin, end)} in the data that follows the header.
 */
record TensorEntry(String name, String dtype, int[] shape, long begin, long end) {
    /** Bytes per element of every dtype the safetensors specification names, sub-byte types aside. */
    static final Map<String, Integer> DTYPE_SIZES = Map.ofEntries(
            Map.entry("BOOL", 1), Map.entry("U8", 1), Map.entry("I8", 1), Map.entry("F8_E5M2", 1), Map.entry("F8_E4M3", 1),
            Map.entry("F8_E8M0", 1), Map.entry("I16", 2), Map.entry("U16", 2), Map.entry("F16", 2), Map.entry("BF16", 2),
            Map.entry("I32", 4), Map.entry("U32", 4), Map.entry("F32", 4), Map.entry("I64", 8), Map.entry("U64", 8),
            Map.entry("F64", 8), Map.entry("C64", 8));

    /** The bytes its dtype and shape need, or -1 when that exceeds a long. */
    long expectedBytes() {
        try {
            long bytes = DTYPE_SIZES.get(dtype);
            for (int d : shape) bytes = Math.multiplyExact(bytes, d);
            return bytes;
        } catch (ArithmeticException tooLarge) {
            return -1;
        }
    }

    String describe() {
        return "'" + name + "' (" + dtype + " " + Shape.str(shape) + ", bytes " + begin + " to " + end + ")";
    }
}
