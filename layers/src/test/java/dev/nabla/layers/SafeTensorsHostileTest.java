package dev.nabla.layers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Broken and hostile safetensors files against a model with weights dense/kernel (4, 3),
 * dense/bias (3), dense_1/kernel (3, 2) and dense_1/bias (2): each load must fail with one message
 * naming the file and what is wrong, and leave every weight bit for bit as it was.
 */
class SafeTensorsHostileTest {
    @TempDir
    Path dir;
    private Sequential model;

    @BeforeEach
    void model() {
        Layer.clearSession();
        model = new Sequential(new Dense(3), new Dense(2)).inputShape(4);
    }

    private static String entry(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":[" + shape + "],\"data_offsets\":[" + begin + "," + end + "]}";
    }

    private static final String KERNEL = entry("dense/kernel", "F32", "4,3", 0, 48);
    private static final String BIAS = entry("dense/bias", "F32", "3", 48, 60);
    private static final String KERNEL_1 = entry("dense_1/kernel", "F32", "3,2", 60, 84);
    private static final String BIAS_1 = entry("dense_1/bias", "F32", "2", 84, 92);
    private static final String FIRST_THREE = "{" + KERNEL + "," + BIAS + "," + KERNEL_1 + ",";

    /** A file with {@code header} and {@code dataBytes} bytes of data. */
    private static byte[] file(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h).array();
    }

    private static byte[] withHeaderLength(long declared, int fileBytes) {
        return ByteBuffer.allocate(fileBytes).order(ByteOrder.LITTLE_ENDIAN).putLong(declared).array();
    }

    static Stream<Arguments> hostileFiles() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        return Stream.of(
                Arguments.of("missing last tensor", file(FIRST_THREE.substring(0, FIRST_THREE.length() - 1) + "}", 84),
                        "no tensor named 'dense_1/bias' (the file holds no others)"),
                Arguments.of("mistyped last tensor", file(FIRST_THREE + entry("dense_1/bias", "F16", "2", 84, 88) + "}", 88),
                        "'dense_1/bias' has dtype F16, expected F32"),
                Arguments.of("misshaped last tensor", file(FIRST_THREE + entry("dense_1/bias", "F32", "3", 84, 96) + "}", 96),
                        "'dense_1/bias' has shape (3) but the model's is (2)"),
                Arguments.of("extra tensor", file(FIRST_THREE + BIAS_1 + "," + entry("extra", "F32", "1", 92, 96) + "}", 96),
                        "the file holds 'extra', which the model does not have"),
                Arguments.of("many extra tensors", file(FIRST_THREE + BIAS_1 + manyEmpty(12) + "}", 92),
                        "the file holds 'e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9' and 2 more, which the model does not have"),
                Arguments.of("renamed layer", file("{" + KERNEL + "," + BIAS + "," + KERNEL_1.replace("dense_1", "dense_9") + ","
                        + BIAS_1.replace("dense_1", "dense_9") + "}", 92),
                        "no tensor named 'dense_1/kernel', 'dense_1/bias' (the file holds 'dense_9/kernel', 'dense_9/bias')"),
                Arguments.of("negative begin", file("{" + entry("dense/kernel", "F32", "4,3", -8, 40) + "}", 40),
                        "malformed header at character 61: data_offsets must hold non-negative integers written in decimal"),
                Arguments.of("overlapping ranges", file(FIRST_THREE + entry("dense_1/bias", "F32", "2", 80, 88) + "}", 88),
                        "tensor 'dense_1/bias' (F32 (2), bytes 80 to 88) overlaps 'dense_1/kernel' (F32 (3, 2), bytes 60 to 84)"),
                Arguments.of("gap between ranges", file(FIRST_THREE + entry("dense_1/bias", "F32", "2", 88, 96) + "}", 96),
                        "bytes 84 to 88 of the data belong to no tensor (a gap before 'dense_1/bias' (F32 (2), bytes 88 to 96))"),
                Arguments.of("trailing bytes", file(FIRST_THREE + BIAS_1 + "}", 100),
                        "the tensors cover 92 of the data's 100 bytes; the rest belongs to no tensor"),
                Arguments.of("range beyond the file", file(FIRST_THREE + BIAS_1 + "}", 90),
                        "tensor 'dense_1/bias' (F32 (2), bytes 84 to 92) ends beyond the data, which has 90 bytes"),
                Arguments.of("end near 2^63", file(FIRST_THREE + entry("dense_1/bias", "F32", "2", 84, Long.MAX_VALUE) + "}", 92),
                        "tensor 'dense_1/bias' (F32 (2), bytes 84 to 9223372036854775807) should take 8 bytes"),
                Arguments.of("offset beyond 63 bits", file("{" + entry("dense/kernel", "F32", "4,3", 0, 0).replace("[0,0]", "[0,99999999999999999999]") + "}", 48),
                        "malformed header at character 63: data_offsets holds an integer beyond 2^63-1"),
                Arguments.of("range length disagrees with shape", file(FIRST_THREE + entry("dense_1/bias", "F32", "2", 84, 88) + "}", 88),
                        "tensor 'dense_1/bias' (F32 (2), bytes 84 to 88) should take 8 bytes"),
                Arguments.of("shape overflowing a long", file("{" + entry("x", "F32", "2147483647,2147483647,2147483647", 0, 4) + "}", 4),
                        "tensor 'x' (F32 (2147483647, 2147483647, 2147483647), bytes 0 to 4) has more elements than a file can hold"),
                Arguments.of("dimension beyond 2^31-1", file("{" + entry("x", "F32", "2147483648", 0, 4) + "}", 4),
                        "malformed header at character 40: shape dimension 2147483648 exceeds 2^31-1"),
                Arguments.of("header length near 2^63", withHeaderLength(Long.MAX_VALUE - 3, 64),
                        "a header of 9223372036854775804 bytes is declared in a file of 64 bytes (headers of 2 to 100000000 bytes are accepted)"),
                Arguments.of("header length beyond 2^63", withHeaderLength(-2, 64),
                        "a header of 18446744073709551614 bytes is declared in a file of 64 bytes (headers of 2 to 100000000 bytes are accepted)"),
                Arguments.of("header longer than the file", withHeaderLength(57, 64),
                        "a header of 57 bytes is declared in a file of 64 bytes (headers of 2 to 100000000 bytes are accepted)"),
                Arguments.of("shorter than a header length", new byte[5], "only 5 bytes, too short for a safetensors file"),
                Arguments.of("fraction in a shape", file("{" + entry("x", "F32", "1.5", 0, 4) + "}", 4),
                        "malformed header at character 29: shape must hold non-negative integers written in decimal"),
                Arguments.of("exponent in a shape", file("{" + entry("x", "F32", "1e3", 0, 4) + "}", 4),
                        "malformed header at character 29: shape must hold non-negative integers written in decimal"),
                Arguments.of("string in a shape", file("{" + entry("x", "F32", "\"4\"", 0, 4) + "}", 4),
                        "malformed header at character 29: shape must hold non-negative integers written in decimal"),
                Arguments.of("shape not a list", file("{\"x\":{\"dtype\":\"F32\",\"shape\":7,\"data_offsets\":[0,4]}}", 4),
                        "malformed header at character 28: expected shape to be a list of integers"),
                Arguments.of("one data offset", file("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4]}}", 4),
                        "malformed header at character 47: data_offsets must be [begin, end] with begin <= end"),
                Arguments.of("unknown dtype", file("{" + entry("x", "Q7", "1", 0, 4) + "}", 4),
                        "malformed header at character 6: unknown dtype 'Q7'"),
                Arguments.of("unknown field", file("{\"x\":{\"dtype\":\"F32\",\"eval\":1}}", 0),
                        "malformed header at character 20: tensor 'x' has an unknown field 'eval'"),
                Arguments.of("field twice", file("{\"x\":{\"dtype\":\"F32\",\"dtype\":\"F32\"}}", 0),
                        "malformed header at character 20: tensor 'x' has 'dtype' twice"),
                Arguments.of("field missing", file("{\"x\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4),
                        "malformed header at character 5: tensor 'x' needs dtype, shape and data_offsets"),
                Arguments.of("name twice", file("{" + entry("dense/bias", "F32", "3", 0, 12) + "," + entry("dense/bias", "F32", "3", 12, 24) + "}", 24),
                        "malformed header at character 64: the name 'dense/bias' appears twice"),
                Arguments.of("deep nesting", file("{\"x\":" + deep + "}", 0),
                        "malformed header at character 5: expected an object for tensor 'x'"),
                Arguments.of("deep nesting in metadata", file("{\"__metadata__\":{\"k\":" + deep + "}}", 0),
                        "malformed header at character 21: expected a string in double quotes"),
                Arguments.of("header an array", file("[]", 0), "malformed header at character 0: expected the header to be a JSON object"),
                Arguments.of("text after the header", file("{}x", 0), "malformed header at character 2: nothing but spaces after the header's object"),
                Arguments.of("unterminated string", file("{\"abc", 0), "malformed header at character 5: expected a closing '\"'"),
                Arguments.of("bad escape", file("{\"a\\qb\":1}", 0), "malformed header at character 4: expected a valid escape, not '\\q'"),
                Arguments.of("bad unicode escape", file("{\"a\\u12g4\":1}", 0), "malformed header at character 7: expected four hex digits after \\u"),
                Arguments.of("raw control character in a name", file("{\"a\nb\":1}", 0),
                        "malformed header at character 3: no control characters inside a string (they must be escaped)"),
                Arguments.of("invalid UTF-8", latin1File("{\"\u00ff\":{}}"),
                        "the header is not valid UTF-8"),
                Arguments.of("metadata not strings", file("{\"__metadata__\":{\"k\":1}}", 0),
                        "malformed header at character 21: expected a string in double quotes"));
    }

    /** {@code n} entries of no elements at the end of the data, named e0, e1, … */
    private static String manyEmpty(int n) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < n; i++) entries.append(',').append(entry("e" + i, "F32", "0", 92, 92));
        return entries.toString();
    }

    /** A file whose header bytes are the Latin-1 encoding of {@code header} (so not UTF-8 beyond ASCII). */
    private static byte[] latin1File(String header) {
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        return ByteBuffer.allocate(8 + h.length).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h).array();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void refusedWithTheModelUnchanged(String kind, byte[] contents, String problem) throws IOException {
        Path file = dir.resolve("hostile.safetensors");
        Files.write(file, contents);
        assertRefusedUnchanged(file, "loadWeights: " + file + ": " + problem);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void devicesAndFoldersAreNotRead() {
        assertRefusedUnchanged(Path.of("/dev/zero"), "loadWeights: /dev/zero: not a regular file");
        assertRefusedUnchanged(dir, "loadWeights: " + dir + ": not a regular file");
    }

    private void assertRefusedUnchanged(Path file, String message) {
        List<int[]> before = WeightBits.of(model);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.loadWeights(file));
        assertEquals(message, e.getMessage());
        assertEquals(-1, WeightBits.firstDifference(before, WeightBits.of(model)), "index of a changed weight");
    }
}
