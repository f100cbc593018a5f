package dev.nabla.layers;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
 *
 * <p>Loading checks everything before the first weight is written: the header (see
 * {@link SafeTensorsHeader}), then names, dtypes and shapes against the model, then it reads all
 * values; only then are they copied into the model, so a failed load leaves the model as it was.
 * Memory and work are bounded by the file's size, and only regular files are read.
 */
final class SafeTensors {
    private static final int CHUNK_FLOATS = 1 << 18;
    private static final int NAMES_SHOWN = 10;

    private SafeTensors() {}

    /** Writes the tensors to {@code path} through {@link AtomicFile}. */
    static void write(Path path, List<Tensor> tensors) throws IOException {
        byte[] header = header(tensors);
        AtomicFile.write(path, ch -> write(ch, header, tensors));
    }

    /** The tensors as the bytes of a safetensors file (an entry of a model file). */
    static byte[] bytes(List<Tensor> tensors) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(Channels.newChannel(out), header(tensors), tensors);
        return out.toByteArray();
    }

    private static void write(WritableByteChannel ch, byte[] header, List<Tensor> tensors) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(header.length).put(header).flip();
        writeFully(ch, head);
        for (Tensor t : tensors) {
            ByteBuffer b = ByteBuffer.allocate(4 * t.size()).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(t.toArray());
            writeFully(ch, b);
        }
    }

    /** The JSON header, padded with spaces so that the data starts at a multiple of 8. */
    private static byte[] header(List<Tensor> tensors) {
        StringBuilder json = new StringBuilder("{");
        Set<String> names = new HashSet<>();
        long offset = 0;
        for (Tensor t : tensors) {
            if (!names.add(t.name())) throw new IllegalArgumentException("saveWeights: two weights are named '" + t.name() + "'; give the layers distinct names");
            if (json.length() > 1) json.append(',');
            Json.string(json, t.name());
            json.append(":{\"dtype\":\"F32\",\"shape\":[");
            int[] s = t.shape();
            for (int i = 0; i < s.length; i++) json.append(i > 0 ? "," : "").append(s[i]);
            json.append("],\"data_offsets\":[").append(offset).append(',').append(offset + 4L * t.size()).append("]}");
            offset += 4L * t.size();
        }
        json.append('}');
        while ((json.length() + 8) % 8 != 0) json.append(' ');
        return json.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void writeFully(WritableByteChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }

    /** Copies the file's tensors into {@code targets}, which must match it name for name, dtype and shape. */
    static void readInto(Path path, List<Tensor> targets) throws IOException {
        if (!Files.readAttributes(path, BasicFileAttributes.class).isRegularFile()) {
            throw bad(path, "not a regular file");
        }
        try (SeekableByteChannel ch = Files.newByteChannel(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) throw bad(path, "only " + size + " bytes, too short for a safetensors file");
            long headerLength = read(ch, 0, 8).getLong();
            if (headerLength < 2 || headerLength > size - 8 || headerLength > SafeTensorsHeader.MAX_BYTES) {
                throw bad(path, "a header of " + Long.toUnsignedString(headerLength) + " bytes is declared in a file of " + size
                        + " bytes (headers of 2 to " + SafeTensorsHeader.MAX_BYTES + " bytes are accepted)");
            }
            long dataStart = 8 + headerLength;
            List<TensorEntry> entries;
            try {
                entries = SafeTensorsHeader.parse(read(ch, 8, (int) headerLength).array(), size - dataStart);
            } catch (IllegalArgumentException e) {
                throw bad(path, e.getMessage());
            }
            List<TensorEntry> matched = match(path, entries, targets);
            float[][] values = new float[targets.size()][];
            for (int i = 0; i < values.length; i++) {
                values[i] = readFloats(ch, dataStart + matched.get(i).begin(), targets.get(i).size());
            }
            for (int i = 0; i < values.length; i++) {
                Tensor t = targets.get(i);
                System.arraycopy(values[i], 0, t.data(), t.offset(), values[i].length);
            }
        }
    }

    /** The entry of each target, in the targets' order; every name, dtype and shape must agree, with nothing left over. */
    private static List<TensorEntry> match(Path path, List<TensorEntry> entries, List<Tensor> targets) {
        Map<String, TensorEntry> byName = new LinkedHashMap<>();
        for (TensorEntry e : entries) byName.put(e.name(), e);
        List<TensorEntry> matched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Tensor t : targets) {
            TensorEntry e = byName.remove(t.name());
            if (e == null) {
                missing.add(t.name());
                continue;
            }
            if (!e.dtype().equals("F32")) throw bad(path, "'" + t.name() + "' has dtype " + e.dtype() + ", expected F32");
            if (!Arrays.equals(e.shape(), t.shape())) {
                throw bad(path, "'" + t.name() + "' has shape " + Shape.str(e.shape()) + " but the model's is " + Shape.str(t.shape()));
            }
            matched.add(e);
        }
        if (!missing.isEmpty()) {
            throw bad(path, "no tensor named " + quoted(missing) + " (the file holds " + (byName.isEmpty() ? "no others" : quoted(byName.keySet())) + ")");
        }
        if (!byName.isEmpty()) throw bad(path, "the file holds " + quoted(byName.keySet()) + ", which the model does not have");
        return matched;
    }

    /** The names in quotes, at most {@value #NAMES_SHOWN} of them, and how many more there are. */
    private static String quoted(Collection<String> names) {
        List<String> q = new ArrayList<>();
        for (String n : names) {
            if (q.size() == NAMES_SHOWN) return String.join(", ", q) + " and " + (names.size() - NAMES_SHOWN) + " more";
            q.add("'" + n + "'");
        }
        return String.join(", ", q);
    }

    /** {@code count} little-endian floats at {@code position}, read a chunk at a time. */
    private static float[] readFloats(SeekableByteChannel ch, long position, int count) throws IOException {
        float[] out = new float[count];
        for (int done = 0; done < count; ) {
            int n = Math.min(count - done, CHUNK_FLOATS);
            read(ch, position + 4L * done, 4 * n).asFloatBuffer().get(out, done, n);
            done += n;
        }
        return out;
    }

    /** {@code length} bytes at {@code position}, little-endian. */
    private static ByteBuffer read(SeekableByteChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        ch.position(position);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) throw new EOFException("the file shrank while being read");
        }
        return b.flip();
    }

    private static IllegalArgumentException bad(Path path, String problem) {
        return new IllegalArgumentException("loadWeights: " + path + ": " + problem);
    }
}
