package dev.nabla.datasets.io;

import dev.nabla.datasets.MalformedDataException;
import dev.nabla.datasets.pickle.ElementType;
import dev.nabla.datasets.pickle.NdArray;
import dev.nabla.datasets.pickle.Unpickler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Typed access to the top-level dict of a data set pickle, with errors that name the file and key. */
final class PickledDict {
    private final Map<?, ?> dict;
    private final String source;

    private PickledDict(Map<?, ?> dict, String source) {
        this.dict = dict;
        this.source = source;
    }

    /** Unpickles {@code file}, which must hold a dict. */
    static PickledDict load(Path file) throws IOException {
        Object root = Unpickler.load(file);
        if (!(root instanceof Map<?, ?> map)) {
            throw new MalformedDataException(file.toString(), "pickle holds a " + Unpickler.typeName(root) + ", expected a dict");
        }
        return new PickledDict(map, file.toString());
    }

    String source() {
        return source;
    }

    private Object get(String key) throws MalformedDataException {
        if (!dict.containsKey(key)) {
            throw new MalformedDataException(source, "pickled dict has no key '" + key + "' (keys: " + keyNames() + ")");
        }
        return dict.get(key);
    }

    private String keyNames() {
        List<String> names = new ArrayList<>();
        for (Object k : dict.keySet()) {
            names.add(String.valueOf(k));
        }
        return String.join(", ", names);
    }

    /** A filled numpy array of the given element type. */
    NdArray array(String key, ElementType type) throws MalformedDataException {
        if (!(get(key) instanceof NdArray array) || !array.isFilled()) {
            throw new MalformedDataException(source, "'" + key + "' is not a numpy array");
        }
        if (array.type() != type) {
            throw new MalformedDataException(source, "'" + key + "' has dtype " + array.type().code() + ", expected " + type.code());
        }
        return array;
    }

    /** A list of ints (Python ints, or a numpy int array). */
    int[] ints(String key) throws MalformedDataException {
        Object value = get(key);
        if (value instanceof NdArray array && array.isFilled() && array.type() != ElementType.FLOAT32 && array.type() != ElementType.FLOAT64) {
            return toInts(array.toLongArray(), key);
        }
        if (!(value instanceof List<?> list)) {
            throw new MalformedDataException(source, "'" + key + "' is not a list of ints");
        }
        long[] longs = new long[list.size()];
        for (int i = 0; i < longs.length; i++) {
            if (!(list.get(i) instanceof Long v)) {
                throw new MalformedDataException(source, "'" + key + "'[" + i + "] is not an int");
            }
            longs[i] = v;
        }
        return toInts(longs, key);
    }

    private int[] toInts(long[] values, String key) throws MalformedDataException {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < Integer.MIN_VALUE || values[i] > Integer.MAX_VALUE) {
                throw new MalformedDataException(source, "'" + key + "'[" + i + "] = " + values[i] + " does not fit an int");
            }
            out[i] = (int) values[i];
        }
        return out;
    }

    /**
     * A list of strings (Python 2 str, str or bytes decoded as latin1); empty when the key is absent.
     * Each bytes object is decoded once, however often the pickle's memo repeats it in the list.
     */
    List<String> stringsOrEmpty(String key) throws MalformedDataException {
        if (!dict.containsKey(key)) {
            return List.of();
        }
        if (!(dict.get(key) instanceof List<?> list)) {
            throw new MalformedDataException(source, "'" + key + "' is not a list of strings");
        }
        List<String> out = new ArrayList<>(list.size());
        Map<byte[], String> decoded = new IdentityHashMap<>();
        for (Object item : list) {
            out.add(switch (item) {
                case String s -> s;
                case byte[] b -> decoded.computeIfAbsent(b, bytes -> new String(bytes, StandardCharsets.ISO_8859_1));
                case null, default -> throw new MalformedDataException(source, "'" + key + "' holds a non-string item");
            });
        }
        return out;
    }

    /** A string value, or {@code fallback} when absent. */
    String string(String key, String fallback) throws MalformedDataException {
        if (!dict.containsKey(key)) {
            return fallback;
        }
        if (!(dict.get(key) instanceof String s)) {
            throw new MalformedDataException(source, "'" + key + "' is not a string");
        }
        return s;
    }
}
