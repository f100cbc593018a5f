package dev.nabla.datasets.pickle;

import dev.nabla.datasets.MalformedDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pickle reader on files written by Python 3 / numpy 1.24 at protocols 2 to 5 (resources
 * arrays_pN.pkl, made with {@code pickle.dumps(obj, protocol=N)} where obj holds Fortran-order
 * float32/float64 arrays, big-endian int64/float32 arrays, a uint8 array, plain values and a 2^70 int),
 * and on hand-assembled hostile pickles.
 */
class UnpicklerTest {
    static byte[] resource(String name) throws IOException {
        try (InputStream in = UnpicklerTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5})
    void numpyArraysOfEveryTypeAndOrder(int protocol) throws IOException {
        Map<?, ?> obj = (Map<?, ?>) Unpickler.load(resource("arrays_p" + protocol + ".pkl"), "arrays");

        // np.asfortranarray(np.arange(24, dtype=np.float32).reshape(2, 3, 4) * 0.5): C order restored
        NdArray f4 = (NdArray) obj.get("f4_fortran");
        assertEquals(ElementType.FLOAT32, f4.type());
        assertArrayEquals(new int[]{2, 3, 4}, f4.shape());
        float[] f4Values = f4.toFloatArray();
        for (int i = 0; i < 24; i++) {
            assertEquals(i * 0.5f, f4Values[i]);
        }
        // np.asfortranarray(np.arange(12, dtype=np.float64).reshape(3, 4) - 5.25)
        NdArray f8 = (NdArray) obj.get("f8_fortran");
        assertEquals(ElementType.FLOAT64, f8.type());
        assertArrayEquals(new int[]{3, 4}, f8.shape());
        double[] f8Values = f8.toDoubleArray();
        for (int i = 0; i < 12; i++) {
            assertEquals(i - 5.25, f8Values[i]);
        }
        // np.array([1, -2, 3_000_000_000_000, -4], dtype='>i8') and np.array([[1.5, -2.25]], dtype='>f4')
        assertArrayEquals(new long[]{1, -2, 3_000_000_000_000L, -4}, ((NdArray) obj.get("i8_big")).toLongArray());
        NdArray f4Big = (NdArray) obj.get("f4_big");
        assertArrayEquals(new int[]{1, 2}, f4Big.shape());
        assertArrayEquals(new float[]{1.5f, -2.25f}, f4Big.toFloatArray());
        assertArrayEquals(new byte[]{0, 1, 2, 3, 4}, ((NdArray) obj.get("u1")).toByteArray());

        List<?> plain = (List<?>) obj.get("scalar_list");
        assertEquals(1L, plain.get(0));
        assertEquals(2.5, plain.get(1));
        assertNull(plain.get(2));
        assertEquals(Boolean.TRUE, plain.get(3));
        assertEquals("text", plain.get(4));
        assertArrayEquals("raw".getBytes(StandardCharsets.US_ASCII), (byte[]) plain.get(5));
        assertEquals(List.of(1L, 2L), plain.get(6));
        assertEquals(BigInteger.TWO.pow(70), obj.get("big_int"));
        assertEquals(-1L, obj.get("neg"));
    }

    /** Assembles a pickle from opcodes written as Latin-1 text. */
    static byte[] pickle(String opcodes) {
        return opcodes.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static MalformedDataException refused(byte[] data) {
        return assertThrows(MalformedDataException.class, () -> Unpickler.load(data, "evil.pkl"));
    }

    @Test
    void forbiddenGlobalsAreRefusedByName() {
        // The classic exploit: os.system('touch pwned') through GLOBAL + REDUCE.
        MalformedDataException e = refused(pickle("\u0080\u0002cos\nsystem\nX\u000b\u0000\u0000\u0000touch pwned\u0085R."));
        assertEquals("evil.pkl: pickle at byte 2: refusing to load global 'os.system': only numpy array reconstruction globals"
                + " are allowed", e.getMessage());
        assertTrue(refused(pickle("\u0080\u0002cposix\nsystem\n.")).getMessage().contains("'posix.system'"));
        assertTrue(refused(pickle("\u0080\u0002c__builtin__\neval\n.")).getMessage().contains("'__builtin__.eval'"));
        // Protocol 4 form: STACK_GLOBAL with the names as strings.
        assertTrue(refused(pickle("\u0080\u0004\u008c\u0008builtins\u008c\u0004eval\u0093.")).getMessage()
                .contains("'builtins.eval'"));
        // numpy itself has dangerous globals (numpy.load with allow_pickle, numpy.core.multiarray.scalar ...).
        assertTrue(refused(pickle("\u0080\u0002cnumpy\nload\n.")).getMessage().contains("'numpy.load'"));
    }

    @Test
    void allowedGlobalsCannotBeMisused() {
        // REDUCE of a non-callable, _reconstruct of something that is not ndarray, an unsupported dtype.
        assertTrue(refused(pickle("\u0080\u0002K\u0001)R.")).getMessage().contains("REDUCE on int"));
        assertTrue(refused(pickle("\u0080\u0002cnumpy.core.multiarray\n_reconstruct\nK\u0000K\u0000K\u0000\u0087R."))
                .getMessage().contains("_reconstruct of int, expected numpy.ndarray"));
        assertTrue(refused(pickle("\u0080\u0002cnumpy\ndtype\nX\u0002\u0000\u0000\u0000O8\u0085R.")).getMessage()
                .contains("unsupported numpy dtype 'O8'"));
        assertTrue(refused(pickle("\u0080\u0002c_codecs\nencode\nX\u0001\u0000\u0000\u0000aX\u0005\u0000\u0000\u0000utf16\u0086R."))
                .getMessage().contains("only latin1"));
    }

    @Test
    void arrayStateMustMatchItsShape() throws IOException {
        // dtype u1, shape (2, 3) but only 5 data bytes.
        String dtype = "cnumpy\ndtype\nX\u0002\u0000\u0000\u0000u1\u0089\u0088\u0087R(K\u0003X\u0001\u0000\u0000\u0000|NNNJ\u00ff\u00ff\u00ff\u00ffJ\u00ff\u00ff\u00ff\u00ffK\u0000tb";
        String array = "\u0080\u0002cnumpy.core.multiarray\n_reconstruct\ncnumpy\nndarray\nK\u0000\u0085C\u0001b\u0087R"
                + "(K\u0001K\u0002K\u0003\u0086" + dtype + "\u0089C\u0005abcdetb.";
        assertTrue(refused(pickle(array)).getMessage().contains("array of shape [2, 3] and dtype('u1') needs 6 bytes but the pickle holds 5"));
        NdArray ok = (NdArray) Unpickler.load(pickle(array.replace("C\u0005abcde", "C\u0006abcdef")), "ok");
        assertArrayEquals("abcdef".getBytes(StandardCharsets.US_ASCII), ok.toByteArray());
        // An array that never gets its state cannot be read.
        NdArray empty = (NdArray) Unpickler.load(pickle("\u0080\u0002cnumpy.core.multiarray\n_reconstruct\ncnumpy\nndarray\nK\u0000\u0085C\u0001b\u0087R."), "empty");
        assertThrows(IllegalStateException.class, empty::shape);
    }

    @Test
    void truncatedAtEveryByteIsAnError() throws IOException {
        byte[] full = resource("arrays_p5.pkl");
        for (int n = 0; n < full.length; n++) {
            byte[] prefix = Arrays.copyOf(full, n);
            MalformedDataException e = assertThrows(MalformedDataException.class, () -> Unpickler.load(prefix, "cut.pkl"), "prefix " + n);
            assertTrue(e.getMessage().startsWith("cut.pkl: pickle at byte "), e.getMessage());
        }
    }

    @Test
    void lyingLengthsAreCheckedBeforeAllocating() {
        // BINBYTES8 claiming 2^62 bytes, BINUNICODE claiming 4 GB, LONG4 claiming 2 GB.
        assertTrue(refused(pickle("\u0080\u0004\u008e\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0040.")).getMessage()
                .contains("truncated: needs"));
        assertTrue(refused(pickle("\u0080\u0002X\u00ff\u00ff\u00ff\u00ff.")).getMessage().contains("needs 4294967295 more bytes"));
        assertTrue(refused(pickle("\u0080\u0002\u008b\u00ff\u00ff\u00ff\u007f.")).getMessage().contains("integer of 2147483647 bytes"));
    }

    @Test
    void malformedStructureIsAnError() {
        assertTrue(refused(pickle("\u0080\u0006N.")).getMessage().contains("unsupported pickle protocol 6"));
        assertTrue(refused(pickle("\u0080\u0002.")).getMessage().contains("stack underflow"));
        assertTrue(refused(pickle("\u0080\u00020.")).getMessage().contains("no MARK"), "POP on an empty stack");
        assertTrue(refused(pickle("\u0080\u0002K\u0001t.")).getMessage().contains("no MARK"));
        assertTrue(refused(pickle("\u0080\u0002h\u0007.")).getMessage().contains("memo entry 7 was never stored"));
        assertTrue(refused(pickle("\u0080\u0002K\u0001K\u0002a.")).getMessage().contains("append to int, expected a list"));
        assertTrue(refused(pickle("\u0080\u0002}]K\u0001s.")).getMessage().contains("dict key of type list is not supported"));
        assertTrue(refused(pickle("\u0080\u0002N)b.")).getMessage().contains("BUILD on None is not supported"));
        assertTrue(refused(pickle("\u0080\u0002I1\n.")).getMessage().contains("unsupported opcode 0x49"));
        assertTrue(refused(pickle("\u0080\u0005\u0097.")).getMessage().contains("out-of-band buffers are not supported"));
        assertTrue(refused(pickle("\u0080\u0003X\u0002\u0000\u0000\u0000\u00c3\u0028.")).getMessage().contains("not valid UTF-8"));
    }

    @Test
    void popOnAnEmptyMarkedStackDiscardsTheMarkLikePython() throws IOException {
        assertEquals(1L, Unpickler.load(pickle("\u0080\u0002(0K\u0001."), "pop-mark"));
    }

    @Test
    void selfReferencingContainersDoNotRecurse() throws IOException {
        // l = []; l.append(l): EMPTY_LIST, BINPUT 0, BINGET 0, APPEND.
        List<?> list = assertInstanceOf(List.class, Unpickler.load(pickle("\u0080\u0002]q\u0000h\u0000a."), "cycle"));
        assertEquals(1, list.size());
        assertTrue(list.get(0) == list);
    }
}
