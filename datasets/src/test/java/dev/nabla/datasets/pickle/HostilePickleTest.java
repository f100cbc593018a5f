package dev.nabla.datasets.pickle;

import com.sun.management.ThreadMXBean;
import dev.nabla.datasets.MalformedDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pickles built to exhaust memory or time: a few megabytes that reuse one memoised value many
 * times, keys chosen to collide, huge integers, devices instead of files; and numpy dtypes whose
 * byte order or case a careless reader gets wrong.
 */
class HostilePickleTest {
    private static final int REPEATS = 20_000;
    private static final int PAYLOAD = 4 << 20;

    /** Opcodes and their little-endian operands. */
    private static final class Ops {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Ops op(String latin1) {
            out.writeBytes(latin1.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        Ops u32(int v) {
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
            return this;
        }

        /** BINUNICODE or BINBYTES of {@code payload}. */
        Ops sized(String opcode, byte[] payload) {
            op(opcode).u32(payload.length);
            out.writeBytes(payload);
            return this;
        }

        Ops repeat(int times, String latin1) {
            for (int i = 0; i < times; i++) {
                op(latin1);
            }
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The message of the refusal, after checking it took under a second and 64 MB. */
    private static String refusedCheaply(byte[] pickle) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> Unpickler.load(pickle, "bomb.pkl"));
        long nanos = System.nanoTime() - start;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        assertTrue(nanos < 1_000_000_000L, "refused after " + nanos / 1e6 + " ms");
        assertTrue(allocated < 64L << 20, "allocated " + allocated + " bytes before refusing");
        return e.getMessage();
    }

    @Test
    void codecsEncodeOfOneMemoisedStringManyTimesIsRefused() {
        // memo 0 = _codecs.encode, 1 = a 4 MiB str, 2 = 'latin1'; then 20,000 × encode(memo 1, memo 2) appended to a list.
        byte[] text = new byte[PAYLOAD];
        Arrays.fill(text, (byte) 'a');
        byte[] bomb = new Ops().op("\u0080\u0002c_codecs\nencode\nq\u0000").sized("X", text).op("q\u0001")
                .sized("X", ascii("latin1")).op("q\u0002]")
                .repeat(REPEATS, "h\u0000h\u0001h\u0002\u0086Ra").op(".").bytes();
        assertTrue(bomb.length > PAYLOAD && bomb.length < PAYLOAD + 200_000, "a 4.3 MB pickle");
        String message = refusedCheaply(bomb);
        assertTrue(message.startsWith("bomb.pkl: pickle at byte "), message);
        assertTrue(message.contains("_codecs.encode would copy ") && message.contains("over the budget of "
                + (4L * bomb.length + (1 << 20)) + " bytes (4 × the pickle's size + 1 MiB); a memoised value is reused too often"), message);
    }

    @Test
    void frombufferOfOneMemoisedBigEndianBufferManyTimesIsRefused() {
        // memo 0 = _frombuffer, 1 = 4 MiB of bytes, 2 = dtype('>f4'), 3 = shape (1 Mi,), 4 = 'C'.
        byte[] bomb = new Ops().op("\u0080\u0004cnumpy.core.numeric\n_frombuffer\nq\u0000").sized("B", new byte[PAYLOAD])
                .op("q\u0001cnumpy\ndtype\n").sized("X", ascii(">f4")).op("\u0085Rq\u0002J").u32(PAYLOAD / 4)
                .op("\u0085q\u0003").sized("X", ascii("C")).op("q\u0004]")
                .repeat(REPEATS, "h\u0000(h\u0001h\u0002h\u0003h\u0004tRa").op(".").bytes();
        String message = refusedCheaply(bomb);
        assertTrue(message.contains("byte-swapping a big-endian array would copy "), message);
    }

    @Test
    void dictKeysThatCouldCollideAcrossTypesAreRefused() {
        // {1: None, 1.0: None}: an int and a float key in one dict.
        String message = assertThrows(MalformedDataException.class, () -> Unpickler.load(
                new Ops().op("\u0080\u0002}(K\u0001NG\u003f\u00f0\u0000\u0000\u0000\u0000\u0000\u0000Nu.").bytes(), "keys.pkl")).getMessage();
        assertEquals("keys.pkl: pickle at byte 17: dict mixes keys of type int and float; this reader accepts one key type per dict", message);
    }

    @Test
    void integersBeyond2048BitsAreRefused() throws MalformedDataException {
        byte[] wide = new byte[257];
        wide[0] = 1;
        String message = assertThrows(MalformedDataException.class,
                () -> Unpickler.load(new Ops().op("\u0080\u0002").sized("\u008b", wide).op(".").bytes(), "int.pkl")).getMessage();
        assertEquals("int.pkl: pickle at byte 2: integer of 257 bytes; at most 256 are supported", message);
        assertEquals(1L, Unpickler.load(new Ops().op("\u0080\u0002").sized("\u008b", Arrays.copyOf(wide, 256)).op(".").bytes(), "int.pkl"));
    }

    @Test
    void aRefusedGlobalIsNamedByItsFirst200Characters() {
        String module = "m".repeat(1000);
        String message = assertThrows(MalformedDataException.class, () -> Unpickler.load(
                new Ops().op("\u0080\u0004").sized("X", ascii(module)).sized("X", ascii("system")).op("\u0093.").bytes(), "long.pkl")).getMessage();
        assertEquals("long.pkl: pickle at byte 1018: refusing to load global '" + "m".repeat(200)
                + "…': only numpy array reconstruction globals are allowed", message);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDeviceIsNotReadAsAPickle() {
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> Unpickler.load(Path.of("/dev/zero")));
        assertEquals("/dev/zero: not a regular file; pickles are read only from files of known size", e.getMessage());
    }

    /** {@code _frombuffer(b'\x3f\x80\x00\x00', dtype(spec), (1,), 'C')} without a BUILD for the dtype. */
    private static byte[] oneFloat(String spec) {
        return new Ops().op("\u0080\u0004cnumpy.core.numeric\n_frombuffer\n(").sized("B", new byte[]{0x3f, (byte) 0x80, 0, 0})
                .op("cnumpy\ndtype\n").sized("X", ascii(spec)).op("\u0085RK\u0001\u0085").sized("X", ascii("C")).op("tR.").bytes();
    }

    @Test
    void aDtypeStringGivesTheByteOrderWhenNoStateFollows() throws MalformedDataException {
        assertArrayEquals(new float[]{1f}, ((NdArray) Unpickler.load(oneFloat(">f4"), "be.pkl")).toFloatArray());
        assertArrayEquals(new float[]{Float.intBitsToFloat(0x0000803f)}, ((NdArray) Unpickler.load(oneFloat("<f4"), "le.pkl")).toFloatArray());
    }

    @Test
    void dtypeCodesAreCaseSensitiveLikeNumpys() {
        // 'U1' is a one-character unicode string in numpy, 'F4' does not exist; neither is u1 or f4.
        for (String code : new String[]{"U1", "F4", ">F4"}) {
            String message = assertThrows(MalformedDataException.class, () -> Unpickler.load(oneFloat(code), "case.pkl")).getMessage();
            assertTrue(message.endsWith("unsupported numpy dtype '" + code + "' (supported: u1, i8, f4, f8)"), message);
        }
    }
}
