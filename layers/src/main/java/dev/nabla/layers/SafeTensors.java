package dev.nabla.layers;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The safetensors format (huggingface/safetensors): an 8-byte little-endian header length, a
 * JSON header mapping each tensor's name to {@code {"dtype":"F32","shape":[…],"data_offsets":[begin,end]}}
 * (offsets into the data after the header; the header is padded with spaces to a multiple of 8),
 * then the raw little-endian values.
 */
final class SafeTensors {
    private SafeTensors() {}

    /** Writes to a temporary file beside {@code path}, then renames it over {@code path} atomically. */
    static void write(Path path, List<Tensor> tensors) throws IOException {
        StringBuilder json = new StringBuilder("{");
        Set<String> names = new HashSet<>();
        long offset = 0;
        for (Tensor t : tensors) {
            if (!names.add(t.name())) throw new IllegalArgumentException("saveWeights: two weights are named '" + t.name() + "'; give the layers distinct names");
            if (json.length() > 1) json.append(',');
            json.append('"').append(t.name()).append("\":{\"dtype\":\"F32\",\"shape\":[");
            int[] s = t.shape();
            for (int i = 0; i < s.length; i++) json.append(i > 0 ? "," : "").append(s[i]);
            json.append("],\"data_offsets\":[").append(offset).append(',').append(offset + 4L * t.size()).append("]}");
            offset += 4L * t.size();
        }
        json.append('}');
        while ((json.length() + 8) % 8 != 0) json.append(' ');
        byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);

        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer head = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(header.length).put(header).flip();
            writeFully(ch, head);
            for (Tensor t : tensors) {
                ByteBuffer b = ByteBuffer.allocate(4 * t.size()).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(t.toArray());
                writeFully(ch, b);
            }
            ch.force(true);
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }

    /** Copies the file's tensors into {@code targets}, which must match it name for name and shape for shape. */
    static void readInto(Path path, List<Tensor> targets) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length < 8) throw new IllegalArgumentException("loadWeights: " + path + " is too short to be a safetensors file");
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buf.getLong();
        if (headerLength < 2 || 8 + headerLength > bytes.length) {
            throw new IllegalArgumentException("loadWeights: " + path + " declares a header of " + headerLength + " bytes in a file of " + bytes.length);
        }
        Map<String, Object> header = Json.object(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8), path);
        header.remove("__metadata__");
        int dataStart = 8 + (int) headerLength;
        for (Tensor t : targets) {
            Object entry = header.remove(t.name());
            if (!(entry instanceof Map<?, ?> e)) {
                throw new IllegalArgumentException("loadWeights: " + path + " has no tensor '" + t.name() + "' (it holds " + namesOf(header, entry) + ")");
            }
            if (!"F32".equals(e.get("dtype"))) throw new IllegalArgumentException("loadWeights: '" + t.name() + "' in " + path + " has dtype " + e.get("dtype") + ", expected F32");
            int[] shape = ints(e.get("shape"));
            if (!Arrays.equals(shape, t.shape())) {
                throw new IllegalArgumentException("loadWeights: '" + t.name() + "' has shape " + Shape.str(shape) + " in " + path + " but " + Shape.str(t.shape()) + " in the model");
            }
            int[] range = ints(e.get("data_offsets"));
            if (range.length != 2 || range[1] - range[0] != 4 * t.size() || dataStart + range[1] > bytes.length) {
                throw new IllegalArgumentException("loadWeights: '" + t.name() + "' in " + path + " has bad data offsets " + Arrays.toString(range));
            }
            ByteBuffer.wrap(bytes, dataStart + range[0], range[1] - range[0]).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
                    .get(t.data(), t.offset(), t.size());
        }
        if (!header.isEmpty()) {
            throw new IllegalArgumentException("loadWeights: " + path + " holds '" + header.keySet().iterator().next() + "', which the model does not have");
        }
    }

    private static String namesOf(Map<String, Object> header, Object removed) {
        return header.isEmpty() ? "no further tensors" : String.join(", ", header.keySet());
    }

    private static int[] ints(Object list) {
        if (!(list instanceof List<?> l)) throw new IllegalArgumentException("safetensors: expected a list of integers, got " + list);
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = Math.toIntExact(((Number) l.get(i)).longValue());
        return out;
    }

    /** A JSON reader for safetensors headers: objects, arrays, strings, integers. */
    private static final class Json {
        private final String s;
        private final Path path;
        private int i;

        private Json(String s, Path path) {
            this.s = s;
            this.path = path;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text, Path path) {
            Json j = new Json(text, path);
            Object v = j.value();
            j.skipSpace();
            if (!(v instanceof Map) || j.i != text.length()) throw j.error("a header that is one JSON object");
            return (Map<String, Object>) v;
        }

        private Object value() {
            skipSpace();
            if (i >= s.length()) throw error("a value");
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                skipSpace();
                if (peek('}')) return m;
                do {
                    skipSpace();
                    String k = string();
                    skipSpace();
                    expect(':');
                    m.put(k, value());
                    skipSpace();
                } while (peek(','));
                expect('}');
                return m;
            }
            if (c == '[') {
                i++;
                List<Object> l = new ArrayList<>();
                skipSpace();
                if (peek(']')) return l;
                do l.add(value()); while (skipSpace() && peek(','));
                expect(']');
                return l;
            }
            if (c == '"') return string();
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            if (start == i) throw error("a value");
            return Long.parseLong(s.substring(start, i));
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (i < s.length() && s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    sb.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'u' -> { char u = (char) Integer.parseInt(s.substring(i, i + 4), 16); i += 4; yield u; }
                        default -> e;
                    });
                } else {
                    sb.append(c);
                }
            }
            expect('"');
            return sb.toString();
        }

        private boolean skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
            return true;
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) throw error("'" + c + "'");
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("loadWeights: " + path + ": malformed safetensors header, expected " + expected + " at character " + i);
        }
    }
}
