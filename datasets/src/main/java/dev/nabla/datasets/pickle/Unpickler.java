package dev.nabla.datasets.pickle;

import dev.nabla.datasets.MalformedDataException;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safe reader for Python pickles (protocols 2 to 5, binary opcodes) holding plain data and numpy
 * arrays, such as the CIFAR-10 python batches and the {@code mnist.pkl} of the autoencoder books.
 *
 * <p>The pickle format is a small stack machine: each opcode pushes a value, or pops values to build
 * a container, or calls a "global" (a Python function named by module and name) on a tuple of
 * arguments. Calling arbitrary globals is how a pickle runs code, so this reader knows only a fixed
 * allow-list of numpy globals ({@link AllowedGlobal}) and re-implements them; every other global is
 * refused with an error naming it. Every length is checked against the bytes that remain before
 * anything is allocated, and the copies that the numpy globals and BUILD make of values already
 * read are charged to a {@link Budget} of a few times the input's size, so that reusing a
 * memoised value cannot multiply memory or work. Integers are limited to {@value #MAX_INT_BYTES}
 * bytes and the keys of one dict to one type, which keeps every opcode's work constant or linear
 * in what it reads.
 *
 * <p>Python values become: {@code None} → null, bool → {@link Boolean}, int → {@link Long} (or
 * {@link BigInteger} beyond 64 bits), float → {@link Double}, str → {@link String}, Python 2 str
 * → {@link String} of its bytes as latin1 (like {@code encoding='latin1'}), bytes and bytearray →
 * {@code byte[]}, tuple → unmodifiable {@link List}, list → {@link ArrayList}, dict →
 * {@link LinkedHashMap} (keys must be str, int, float, bool or None), numpy array → {@link NdArray}.
 */
public final class Unpickler {
    /** The highest pickle protocol this reader understands. */
    public static final int HIGHEST_PROTOCOL = 5;
    /** The longest integer (LONG1, LONG4) accepted, in bytes: 2048 bits. */
    static final int MAX_INT_BYTES = 256;

    private final byte[] in;
    private final String source;
    private final Budget budget;
    private int pos;
    private int opStart;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private Unpickler(byte[] in, String source) {
        this.in = in;
        this.source = source;
        this.budget = Budget.forInput(in.length);
    }

    /** Reads the pickle in {@code file}, which must be a regular file (not a device or a pipe). */
    public static Object load(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new MalformedDataException(file.toString(), "not a regular file; pickles are read only from files of known size");
        }
        long size = attributes.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new MalformedDataException(file.toString(), "pickle of " + size + " bytes is larger than this reader's 2 GB limit");
        }
        return load(Files.readAllBytes(file), file.toString());
    }

    /**
     * Reads one pickled object from {@code data}; {@code source} names the input in error messages.
     *
     * @throws MalformedDataException when the pickle is truncated, corrupted, uses an unsupported
     *     opcode, or names a global outside the allow-list
     */
    public static Object load(byte[] data, String source) throws MalformedDataException {
        Unpickler u = new Unpickler(data, source);
        try {
            return u.run();
        } catch (PickleFormatError e) {
            throw new MalformedDataException(source, "pickle at byte " + u.opStart + ": " + e.getMessage());
        }
    }

    private Object run() {
        while (true) {
            opStart = pos;
            if (pos >= in.length) {
                throw new PickleFormatError("truncated: the file ends before the STOP opcode");
            }
            int op = in[pos++] & 0xFF;
            switch (op) {
                case 0x80 -> { // PROTO
                    int version = u8();
                    if (version > HIGHEST_PROTOCOL) {
                        throw new PickleFormatError("unsupported pickle protocol " + version);
                    }
                }
                case 0x95 -> { // FRAME: a length prefix for buffered reading; only checked
                    long frame = u64();
                    if (frame > in.length - pos) {
                        throw new PickleFormatError("frame of " + frame + " bytes but only " + (in.length - pos) + " remain");
                    }
                }
                case '.' -> { // STOP
                    Object result = pop();
                    return result;
                }
                case '(' -> marks.add(stack.size()); // MARK
                case '0' -> { // POP: like Python, discards the topmost MARK when nothing lies above it
                    if (stack.size() == floor()) {
                        popMark();
                    } else {
                        pop();
                    }
                }
                case '1' -> popMark(); // POP_MARK
                case '2' -> push(peek()); // DUP
                case 'N' -> push(null); // NONE
                case 0x88 -> push(Boolean.TRUE); // NEWTRUE
                case 0x89 -> push(Boolean.FALSE); // NEWFALSE
                case 'J' -> push((long) i32()); // BININT
                case 'K' -> push((long) u8()); // BININT1
                case 'M' -> push((long) u16()); // BININT2
                case 0x8a -> push(longOf(bytes(u8()))); // LONG1
                case 0x8b -> push(longOf(bytes(intLength(i32())))); // LONG4
                case 'G' -> push(Double.longBitsToDouble(bigEndianLong(bytes(8)))); // BINFLOAT
                case 'U' -> push(latin1(bytes(u8()))); // SHORT_BINSTRING (Python 2 str)
                case 'T' -> push(latin1(bytes(length(i32())))); // BINSTRING (Python 2 str)
                case 0x8c -> push(utf8(bytes(u8()))); // SHORT_BINUNICODE
                case 'X' -> push(utf8(bytes(length(u32())))); // BINUNICODE
                case 0x8d -> push(utf8(bytes(length(u64())))); // BINUNICODE8
                case 'C' -> push(bytes(u8())); // SHORT_BINBYTES
                case 'B' -> push(bytes(length(u32()))); // BINBYTES
                case 0x8e, 0x96 -> push(bytes(length(u64()))); // BINBYTES8, BYTEARRAY8
                case 0x97 -> throw new PickleFormatError("NEXT_BUFFER: out-of-band buffers are not supported");
                case 0x98 -> peek(); // READONLY_BUFFER: no effect on an in-band copy
                case ')' -> push(List.of()); // EMPTY_TUPLE
                case 't' -> push(tuple(popMark())); // TUPLE
                case 0x85 -> push(tuple(popN(1))); // TUPLE1
                case 0x86 -> push(tuple(popN(2))); // TUPLE2
                case 0x87 -> push(tuple(popN(3))); // TUPLE3
                case ']' -> push(new ArrayList<>()); // EMPTY_LIST
                case 'l' -> push(new ArrayList<>(popMark())); // LIST
                case 'a' -> { // APPEND
                    Object item = pop();
                    listOnTop().add(item);
                }
                case 'e' -> { // APPENDS
                    List<Object> items = popMark();
                    listOnTop().addAll(items);
                }
                case '}' -> push(new LinkedHashMap<>()); // EMPTY_DICT
                case 'd' -> { // DICT
                    Map<Object, Object> dict = new LinkedHashMap<>();
                    putAll(dict, popMark());
                    push(dict);
                }
                case 's' -> { // SETITEM
                    List<Object> kv = popN(2);
                    putAll(dictOnTop(), kv);
                }
                case 'u' -> { // SETITEMS
                    List<Object> kvs = popMark();
                    putAll(dictOnTop(), kvs);
                }
                case 'c' -> push(AllowedGlobal.lookup(line(), line())); // GLOBAL
                case 0x93 -> { // STACK_GLOBAL
                    List<Object> mn = popN(2);
                    if (!(mn.get(0) instanceof String module) || !(mn.get(1) instanceof String name)) {
                        throw new PickleFormatError("STACK_GLOBAL needs two strings");
                    }
                    push(AllowedGlobal.lookup(module, name));
                }
                case 'R' -> { // REDUCE: callable(*args)
                    List<Object> fa = popN(2);
                    if (!(fa.get(0) instanceof AllowedGlobal callable)) {
                        throw new PickleFormatError("REDUCE on " + typeName(fa.get(0)) + ", which is not callable");
                    }
                    if (!(fa.get(1) instanceof List<?> args)) {
                        throw new PickleFormatError("REDUCE arguments are " + typeName(fa.get(1)) + ", expected a tuple");
                    }
                    push(callable.call(args, budget));
                }
                case 'b' -> build(pop(), peek()); // BUILD: obj.__setstate__(state)
                case 'q' -> memo.put((long) u8(), peek()); // BINPUT
                case 'r' -> memo.put(u32(), peek()); // LONG_BINPUT
                case 0x94 -> memo.put((long) memo.size(), peek()); // MEMOIZE
                case 'h' -> push(memoGet(u8())); // BINGET
                case 'j' -> push(memoGet(u32())); // LONG_BINGET
                default -> throw new PickleFormatError(String.format("unsupported opcode 0x%02x", op));
            }
        }
    }

    // ---- numpy state -------------------------------------------------------------------------

    /** Applies a BUILD state to the numpy object on the stack. */
    private void build(Object state, Object target) {
        if (!(state instanceof List<?> s)) {
            throw new PickleFormatError("BUILD state is " + typeName(state) + ", expected a tuple");
        }
        switch (target) {
            case NdArray array -> buildArray(array, s);
            case NumpyDType dtype -> buildDType(dtype, s);
            case null, default -> throw new PickleFormatError("BUILD on " + typeName(target) + " is not supported");
        }
    }

    /** ndarray state: {@code ([version,] shape, dtype, is_fortran, raw_bytes)}. */
    private void buildArray(NdArray array, List<?> s) {
        List<?> st = s.size() == 5 ? s.subList(1, 5) : s;
        if (st.size() != 4) {
            throw new PickleFormatError("ndarray state has " + s.size() + " items, expected 4 or 5");
        }
        if (!(st.get(1) instanceof NumpyDType dtype) || !(st.get(2) instanceof Boolean fortran)) {
            throw new PickleFormatError("ndarray state expects (shape, dtype, is_fortran, data)");
        }
        byte[] raw = switch (st.get(3)) {
            case byte[] b -> b;
            case String str -> {
                budget.charge(str.length(), "ndarray data given as text");
                yield latin1Bytes(str);
            }
            case null, default -> throw new PickleFormatError("ndarray data is " + typeName(st.get(3)) + "; object arrays are not supported");
        };
        String problem = array.fill(shapeOf(st.get(0)), dtype, fortran, raw, budget);
        if (problem != null) {
            throw new PickleFormatError(problem);
        }
    }

    /** dtype state: {@code (version, endian, subarray, names, fields, elsize, alignment, flags)}. */
    private static void buildDType(NumpyDType dtype, List<?> s) {
        if (s.size() < 2 || !(s.get(1) instanceof String endian) || endian.length() != 1 || "<>|=".indexOf(endian) < 0) {
            throw new PickleFormatError("dtype state needs a byte order '<', '>', '|' or '='");
        }
        if (s.size() > 3 && s.get(3) != null) {
            throw new PickleFormatError("structured dtypes (with field names) are not supported");
        }
        try {
            dtype.setState(endian);
        } catch (IllegalStateException e) {
            throw new PickleFormatError(e.getMessage());
        }
    }

    /** A tuple of non-negative ints as a shape. */
    static int[] shapeOf(Object o) {
        if (!(o instanceof List<?> dims) || dims.size() > 32) {
            throw new PickleFormatError("array shape is " + typeName(o) + ", expected a tuple of at most 32 ints");
        }
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
                throw new PickleFormatError("array dimension " + i + " is not an int between 0 and 2^31-1");
            }
            shape[i] = (int) (long) d;
        }
        return shape;
    }

    // ---- stack -------------------------------------------------------------------------------

    private int floor() {
        return marks.isEmpty() ? 0 : marks.getLast();
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop() {
        if (stack.size() <= floor()) {
            throw new PickleFormatError("stack underflow");
        }
        return stack.removeLast();
    }

    private Object peek() {
        if (stack.size() <= floor()) {
            throw new PickleFormatError("stack underflow");
        }
        return stack.getLast();
    }

    /** Pops the top n items, in stack order. */
    private List<Object> popN(int n) {
        if (stack.size() - floor() < n) {
            throw new PickleFormatError("stack underflow");
        }
        List<Object> top = stack.subList(stack.size() - n, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    /** Pops everything above the most recent MARK, and the mark. */
    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw new PickleFormatError("no MARK on the stack");
        }
        int mark = marks.removeLast();
        List<Object> top = stack.subList(mark, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    @SuppressWarnings("unchecked")
    private List<Object> listOnTop() {
        if (!(peek() instanceof ArrayList<?> list)) {
            throw new PickleFormatError("append to " + typeName(peek()) + ", expected a list");
        }
        return (List<Object>) list;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dictOnTop() {
        if (!(peek() instanceof LinkedHashMap<?, ?> dict)) {
            throw new PickleFormatError("set item on " + typeName(peek()) + ", expected a dict");
        }
        return (Map<Object, Object>) dict;
    }

    /**
     * Adds key-value pairs to a dict. Keys must be str, int, float, bool or None, all of one type:
     * keys of different classes whose hashes collide would make every insertion search the whole
     * hash bucket, and a crafted dict would cost time quadratic in its size.
     */
    private static void putAll(Map<Object, Object> dict, List<Object> keysAndValues) {
        if (keysAndValues.size() % 2 != 0) {
            throw new PickleFormatError("odd number of items for a dict");
        }
        for (int i = 0; i < keysAndValues.size(); i += 2) {
            Object key = keysAndValues.get(i);
            if (!(key == null || key instanceof String || key instanceof Long || key instanceof Boolean
                    || key instanceof Double || key instanceof BigInteger)) {
                throw new PickleFormatError("dict key of type " + typeName(key) + " is not supported");
            }
            Object first = dict.isEmpty() ? key : dict.keySet().iterator().next();
            if (first != null && key != null && first.getClass() != key.getClass()) {
                throw new PickleFormatError("dict mixes keys of type " + typeName(first) + " and " + typeName(key)
                        + "; this reader accepts one key type per dict");
            }
            dict.put(key, keysAndValues.get(i + 1));
        }
    }

    private static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(items);
    }

    private Object memoGet(long index) {
        if (!memo.containsKey(index)) {
            throw new PickleFormatError("memo entry " + index + " was never stored");
        }
        return memo.get(index);
    }

    // ---- raw input ---------------------------------------------------------------------------

    private void need(long n) {
        if (n > in.length - pos) {
            throw new PickleFormatError("truncated: needs " + n + " more bytes but only " + (in.length - pos) + " remain");
        }
    }

    private int u8() {
        need(1);
        return in[pos++] & 0xFF;
    }

    private int u16() {
        need(2);
        int v = (in[pos] & 0xFF) | (in[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    private int i32() {
        need(4);
        int v = (in[pos] & 0xFF) | (in[pos + 1] & 0xFF) << 8 | (in[pos + 2] & 0xFF) << 16 | in[pos + 3] << 24;
        pos += 4;
        return v;
    }

    private long u32() {
        return i32() & 0xFFFFFFFFL;
    }

    /** An unsigned 64-bit length; values that do not fit a long are reported as too long. */
    private long u64() {
        long lo = u32();
        long hi = u32();
        return hi > Integer.MAX_VALUE ? Long.MAX_VALUE : hi << 32 | lo;
    }

    /** A length read from the input, checked against the bytes that remain. */
    private int length(long n) {
        if (n < 0) {
            throw new PickleFormatError("negative length " + n);
        }
        need(n);
        return (int) n;
    }

    /** The length of a LONG4 integer, at most {@link #MAX_INT_BYTES}. */
    private int intLength(int n) {
        if (n > MAX_INT_BYTES) {
            throw new PickleFormatError("integer of " + n + " bytes; at most " + MAX_INT_BYTES + " are supported");
        }
        return length(n);
    }

    private byte[] bytes(int n) {
        need(n);
        byte[] b = Arrays.copyOfRange(in, pos, pos + n);
        pos += n;
        return b;
    }

    /** A protocol-0 style text line (GLOBAL's module and name), without its newline. */
    private String line() {
        int end = pos;
        while (end < in.length && in[end] != '\n') {
            end++;
        }
        if (end >= in.length) {
            throw new PickleFormatError("truncated: GLOBAL name without newline");
        }
        String s = new String(in, pos, end - pos, StandardCharsets.UTF_8);
        pos = end + 1;
        return s;
    }

    /** Little-endian two's complement integer of any length (LONG1/LONG4). */
    private static Object longOf(byte[] le) {
        if (le.length == 0) {
            return 0L;
        }
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        BigInteger v = new BigInteger(be);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private static long bigEndianLong(byte[] b) {
        return ByteBuffer.wrap(b).getLong();
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static byte[] latin1Bytes(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                throw new PickleFormatError("ndarray data string holds a non-latin1 character");
            }
            b[i] = (byte) c;
        }
        return b;
    }

    private static String utf8(byte[] b) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new PickleFormatError("string is not valid UTF-8");
        }
    }

    /**
     * The Python type of a value this reader returns, for error messages (never the value itself):
     * {@code "int"}, {@code "list"}, {@code "numpy.ndarray"}…
     */
    public static String typeName(Object o) {
        return switch (o) {
            case null -> "None";
            case AllowedGlobal g -> "global " + g.name().toLowerCase(java.util.Locale.ROOT);
            case byte[] b -> "bytes";
            case List<?> l -> l instanceof ArrayList<?> ? "list" : "tuple";
            case Map<?, ?> m -> "dict";
            case Long l -> "int";
            case BigInteger b -> "int beyond 64 bits";
            case Double d -> "float";
            case Boolean b -> "bool";
            case String str -> "str";
            case NdArray a -> "numpy.ndarray";
            case NumpyDType d -> "numpy.dtype";
            default -> throw new IllegalArgumentException("not a value of the pickle reader: " + o.getClass());
        };
    }
}
