package dev.nabla.layers;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks a safetensors header: UTF-8 JSON of the form
 * {@code {"name":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]}, …, "__metadata__":{"k":"v"}}},
 * padded with spaces. The reader follows that schema instead of building a general JSON tree, so
 * nesting is at most three deep and every byte is looked at once; anything outside the schema is an
 * error naming the character where it was found. The offsets must then tile the data exactly: in
 * order, without gaps or overlaps, from 0 to the data's length, each range as long as its dtype and
 * shape say (the specification's rule, which also rules out files with hidden extra content).
 */
final class SafeTensorsHeader {
    /** The largest header accepted, as in the reference implementation (100 MB). */
    static final long MAX_BYTES = 100_000_000;

    private final String text;
    private int i;

    private SafeTensorsHeader(String text) {
        this.text = text;
    }

    /**
     * The tensors that {@code header} describes, in the order of their data, checked against a
     * data section of {@code dataLength} bytes.
     *
     * @throws IllegalArgumentException saying what is wrong (without the file's name)
     */
    static List<TensorEntry> parse(byte[] header, long dataLength) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(header)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the header is not valid UTF-8");
        }
        List<TensorEntry> entries = new SafeTensorsHeader(text).tensors();
        checkTiling(entries, dataLength);
        return entries;
    }

    private List<TensorEntry> tensors() {
        List<TensorEntry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        expect('{', "the header to be a JSON object");
        if (!next('}')) {
            do {
                int at = i;
                String name = string();
                expect(':', "':' after a name");
                if (!names.add(name)) throw error(at, "the name '" + name + "' appears twice");
                if (name.equals("__metadata__")) {
                    metadata();
                } else {
                    entries.add(tensor(name));
                }
            } while (next(','));
            expect('}', "',' or '}'");
        }
        space();
        if (i != text.length()) throw error(i, "nothing but spaces after the header's object");
        return entries;
    }

    /** {@code __metadata__}: an object of strings, which nabla does not use. */
    private void metadata() {
        expect('{', "__metadata__ to be an object of strings");
        if (next('}')) return;
        do {
            string();
            expect(':', "':'");
            string();
        } while (next(','));
        expect('}', "',' or '}'");
    }

    private TensorEntry tensor(String name) {
        String dtype = null;
        int[] shape = null;
        long[] offsets = null;
        int start = i;
        expect('{', "an object for tensor '" + name + "'");
        do {
            int at = i;
            String field = string();
            expect(':', "':'");
            switch (field) {
                case "dtype" -> {
                    once(dtype, name, field, at);
                    dtype = dtype(at);
                }
                case "shape" -> {
                    once(shape, name, field, at);
                    shape = shape();
                }
                case "data_offsets" -> {
                    once(offsets, name, field, at);
                    offsets = offsets();
                }
                default -> throw error(at, "tensor '" + name + "' has an unknown field '" + field + "'");
            }
        } while (next(','));
        expect('}', "',' or '}'");
        if (dtype == null || shape == null || offsets == null) {
            throw error(start, "tensor '" + name + "' needs dtype, shape and data_offsets");
        }
        return new TensorEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static void once(Object seen, String name, String field, int at) {
        if (seen != null) throw error(at, "tensor '" + name + "' has '" + field + "' twice");
    }

    private String dtype(int at) {
        String dtype = string();
        if (!TensorEntry.DTYPE_SIZES.containsKey(dtype)) throw error(at, "unknown dtype '" + dtype + "'");
        return dtype;
    }

    private int[] shape() {
        List<Long> dims = integers("shape");
        int[] shape = new int[dims.size()];
        for (int k = 0; k < shape.length; k++) {
            if (dims.get(k) > Integer.MAX_VALUE) throw error(i, "shape dimension " + dims.get(k) + " exceeds 2^31-1");
            shape[k] = (int) (long) dims.get(k);
        }
        return shape;
    }

    private long[] offsets() {
        int at = i;
        List<Long> pair = integers("data_offsets");
        if (pair.size() != 2 || pair.get(0) > pair.get(1)) throw error(at, "data_offsets must be [begin, end] with begin <= end");
        return new long[]{pair.get(0), pair.get(1)};
    }

    /** A JSON array of non-negative integers. */
    private List<Long> integers(String what) {
        expect('[', what + " to be a list of integers");
        List<Long> values = new ArrayList<>();
        if (next(']')) return values;
        do values.add(integer(what)); while (next(','));
        expect(']', "',' or ']'");
        return values;
    }

    private long integer(String what) {
        space();
        int start = i;
        long value = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            int digit = text.charAt(i++) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) throw error(start, what + " holds an integer beyond 2^63-1");
            value = value * 10 + digit;
        }
        if (i == start || i - start > 1 && text.charAt(start) == '0' || i < text.length() && ".eE-+".indexOf(text.charAt(i)) >= 0) {
            throw error(start, what + " must hold non-negative integers written in decimal");
        }
        return value;
    }

    /** A JSON string with its escapes resolved. */
    private String string() {
        expect('"', "a string in double quotes");
        StringBuilder out = new StringBuilder();
        while (true) {
            if (i >= text.length()) throw error(i, "expected a closing '\"'");
            char c = text.charAt(i++);
            if (c == '"') return out.toString();
            if (c < 0x20) throw error(i - 1, "no control characters inside a string (they must be escaped)");
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i >= text.length()) throw error(i, "expected an escape after '\\'");
            char e = text.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(hex4());
                default -> throw error(i - 1, "expected a valid escape, not '\\" + e + "'");
            }
        }
    }

    private char hex4() {
        if (i + 4 > text.length()) throw error(i, "expected four hex digits after \\u");
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(text.charAt(i + k), 16);
            if (d < 0) throw error(i + k, "expected four hex digits after \\u");
            v = v * 16 + d;
        }
        i += 4;
        return (char) v;
    }

    private void space() {
        while (i < text.length() && " \t\n\r".indexOf(text.charAt(i)) >= 0) i++;
    }

    /** Skips spaces; consumes {@code c} if it comes next. */
    private boolean next(char c) {
        space();
        if (i < text.length() && text.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private void expect(char c, String expected) {
        if (!next(c)) throw error(i, "expected " + expected);
    }

    private static IllegalArgumentException error(int at, String problem) {
        return new IllegalArgumentException("malformed header at character " + at + ": " + problem);
    }

    /** Checks that the entries' byte ranges cover {@code [0, dataLength)} exactly, and sorts them by offset. */
    private static void checkTiling(List<TensorEntry> entries, long dataLength) {
        entries.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        long covered = 0;
        TensorEntry previous = null;
        for (TensorEntry e : entries) {
            long expected = e.expectedBytes();
            if (e.end() - e.begin() != expected) {
                throw new IllegalArgumentException("tensor " + e.describe()
                        + (expected < 0 ? " has more elements than a file can hold" : " should take " + expected + " bytes"));
            }
            if (e.begin() < covered) throw new IllegalArgumentException("tensor " + e.describe() + " overlaps " + previous.describe());
            if (e.begin() > covered) {
                throw new IllegalArgumentException("bytes " + covered + " to " + e.begin() + " of the data belong to no tensor (a gap before "
                        + e.describe() + ")");
            }
            covered = e.end();
            previous = e;
        }
        if (covered != dataLength) {
            throw new IllegalArgumentException(covered > dataLength
                    ? "tensor " + previous.describe() + " ends beyond the data, which has " + dataLength + " bytes"
                    : "the tensors cover " + covered + " of the data's " + dataLength + " bytes; the rest belongs to no tensor");
        }
    }
}
