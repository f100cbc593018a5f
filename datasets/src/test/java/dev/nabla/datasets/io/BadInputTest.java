package dev.nabla.datasets.io;

import dev.nabla.datasets.MalformedDataException;
import dev.nabla.datasets.locate.TarGzExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static dev.nabla.datasets.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Truncated, corrupted and lying files of every format: each a clear error naming the file. */
class BadInputTest {
    @TempDir
    Path dir;

    /** An IDX header: magic 0x00000803-style for unsigned bytes, then the sizes. */
    static byte[] idx(int[] sizes, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * sizes.length + dataBytes);
        b.put(new byte[]{0, 0, 0x08, (byte) sizes.length});
        for (int s : sizes) {
            b.putInt(s);
        }
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private String idxError(String name, byte[] bytes) throws IOException {
        Path file = write(name, bytes);
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> IdxReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void idxReadsPlainAndGzipAlike() throws IOException {
        byte[] plain = idx(new int[]{2, 3}, 6);
        for (int i = 0; i < 6; i++) {
            plain[12 + i] = (byte) (250 + i);
        }
        IdxArray a = IdxReader.read(write("a.idx", plain));
        IdxArray b = IdxReader.read(write("b.idx.gz", gzip(plain)));
        assertArrayEquals(new int[]{2, 3}, a.shape());
        assertArrayEquals(Arrays.copyOfRange(plain, 12, 18), a.data());
        assertArrayEquals(a.data(), b.data());
    }

    @Test
    void idxHeaderThatDisagreesWithTheFile() throws IOException {
        assertTrue(idxError("short.idx", Arrays.copyOf(idx(new int[]{10, 28, 28}, 0), 16 + 7000))
                .endsWith("IDX header sizes [10, 28, 28] describe 7840 bytes of data but the file has 7000"));
        assertTrue(idxError("long.idx", idx(new int[]{10}, 11)).endsWith("describe 10 bytes of data but the file has 11"));
        assertTrue(idxError("short.idx.gz", gzip(idx(new int[]{10, 28, 28}, 7000)))
                .endsWith("truncated: IDX header sizes [10, 28, 28] describe 7840 bytes of data but only 7000 follow"));
        assertTrue(idxError("long.idx.gz", gzip(idx(new int[]{10}, 11))).endsWith("describe 10 bytes of data but more bytes follow"));
    }

    @Test
    void idxHeaderClaimingBillionsOfItemsIsRefusedWithoutAllocating() throws IOException {
        assertTrue(idxError("huge.idx", idx(new int[]{Integer.MIN_VALUE}, 4))
                .endsWith("IDX header sizes [2147483648] describe more than 2^31 elements, more than the file can hold"));
        assertTrue(idxError("huge2.idx.gz", gzip(idx(new int[]{65536, 65536, 28}, 100))).contains("more than 2^31 elements"));
        // Just under the limit: the reader must notice the missing bytes, not allocate 2 GB first.
        long before = Runtime.getRuntime().totalMemory();
        assertTrue(idxError("lying.idx.gz", gzip(idx(new int[]{Integer.MAX_VALUE - 8}, 100)))
                .endsWith("describe 2147483639 bytes of data but only 100 follow"));
        assertTrue(Runtime.getRuntime().totalMemory() - before < 512L << 20, "heap grew by half a gigabyte");
    }

    @Test
    void idxHeaderItself() throws IOException {
        assertTrue(idxError("empty.idx", new byte[0]).endsWith("truncated: the IDX header needs 4 bytes, the file has 0"));
        assertTrue(idxError("text.idx", "hello world".getBytes(StandardCharsets.US_ASCII))
                .endsWith("not an IDX file: magic number starts with 0x6865 instead of 0x0000"));
        byte[] floats = idx(new int[]{1}, 4);
        floats[2] = 0x0D;
        assertTrue(idxError("floats.idx", floats).endsWith("IDX element type 0x0d is not supported (only 0x08, unsigned byte)"));
        assertTrue(idxError("rank0.idx", new byte[]{0, 0, 8, 0}).endsWith("IDX header claims 0 dimensions (expected 1 to 8)"));
        assertTrue(idxError("cut-header.idx", Arrays.copyOf(idx(new int[]{1, 2, 3}, 0), 9))
                .endsWith("truncated: the IDX header lists 3 dimensions but ends after 9 bytes"));
    }

    @Test
    void truncatedAndCorruptedGzip() throws IOException {
        byte[] gz = gzip(idx(new int[]{1000}, 1000));
        assertTrue(idxError("cut.gz", Arrays.copyOf(gz, gz.length - 10)).contains("corrupted or truncated gzip stream"));
        byte[] crc = gz.clone();
        crc[crc.length - 6] ^= 0x55; // the CRC-32 in the gzip trailer
        assertTrue(idxError("crc.gz", crc).contains("corrupted or truncated gzip stream"));
        // A flipped bit inside the compressed data: caught by deflate's structure or the CRC-32.
        byte[] random = idx(new int[]{100_000}, 100_000);
        new java.util.SplittableRandom(3).nextBytes(random);
        System.arraycopy(idx(new int[]{100_000}, 0), 0, random, 0, 8);
        byte[] flipped = gzip(random);
        flipped[flipped.length / 2] ^= 0x10;
        String m = idxError("flipped.gz", flipped);
        assertTrue(m.contains("corrupted or truncated gzip stream") || m.contains("IDX header sizes [100000]"), m);
    }

    @Test
    void idxImagesAndLabelsMustAgree() throws IOException {
        Path images = write("images.idx", idx(new int[]{3, 2, 2}, 12));
        Path labels = write("labels.idx", idx(new int[]{2}, 2));
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> IdxImages.read(images, labels, dev.nabla.datasets.DatasetCatalog.MNIST));
        assertEquals(labels + ": label array has shape [2] but images.idx has 3 images", e.getMessage());
        byte[] badLabel = idx(new int[]{3}, 3);
        badLabel[9] = 10;
        Path bad = write("bad-labels.idx", badLabel);
        e = assertThrows(MalformedDataException.class, () -> IdxImages.read(images, bad, dev.nabla.datasets.DatasetCatalog.MNIST));
        assertEquals(bad + ": label 10 of record 1 is not a class index (0 to 9)", e.getMessage());
        // A consistent header describing images of zero height.
        Path flat = write("flat.idx", idx(new int[]{3, 0, 28}, 0));
        e = assertThrows(MalformedDataException.class, () -> IdxImages.read(flat, labels, dev.nabla.datasets.DatasetCatalog.MNIST));
        assertEquals(flat + ": image array has shape [3, 0, 28], expected (N, height, width) with height and width above 0", e.getMessage());
    }

    @Test
    void cifarBinaryTruncatedOrWithBadLabels() throws IOException {
        byte[] good = Files.readAllBytes(fixture("cifar_bin_20.bin"));
        Path cut = write("cut.bin", Arrays.copyOf(good, good.length - 100));
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> CifarBinaryReader.read(cut));
        assertEquals(cut + ": size 61360 is not a whole number of 3,073-byte CIFAR-10 records (19 records and 2973 extra bytes)", e.getMessage());
        Path empty = write("empty.bin", new byte[0]);
        assertThrows(MalformedDataException.class, () -> CifarBinaryReader.read(empty));
        byte[] badLabel = good.clone();
        badLabel[3073 * 5] = 42;
        Path bad = write("label.bin", badLabel);
        e = assertThrows(MalformedDataException.class, () -> CifarBinaryReader.read(bad));
        assertEquals(bad + ": label 42 of record 5 is not a class index (0 to 9)", e.getMessage());
    }

    @Test
    void cifarAndMnistPicklesTruncatedOrWrong() throws IOException {
        byte[] cifar = Files.readAllBytes(fixture("cifar_py2_20.pkl"));
        Path cut = write("cut.pkl", Arrays.copyOf(cifar, 30_000));
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> CifarPythonReader.read(cut));
        assertTrue(e.getMessage().startsWith(cut + ": pickle at byte 244: truncated: needs 61440 more bytes but only 29751 remain"),
                e.getMessage());
        // A MNIST pickle is not a CIFAR batch.
        Path mnist = fixture("mnist_p3_20.pkl");
        e = assertThrows(MalformedDataException.class, () -> CifarPythonReader.read(mnist));
        assertEquals(mnist + ": pickled dict has no key 'data' (keys: images, labels)", e.getMessage());
        Path notDict = write("list.pkl", new byte[]{(byte) 0x80, 2, ']', '.'});
        e = assertThrows(MalformedDataException.class, () -> MnistPickleReader.read(notDict));
        assertEquals(notDict + ": pickle holds a list, expected a dict", e.getMessage());
        // Corrupt the label of record 0 (BININT1 7 at byte 61) to 200.
        byte[] badLabel = cifar.clone();
        badLabel[61] = (byte) 200;
        Path bad = write("label.pkl", badLabel);
        e = assertThrows(MalformedDataException.class, () -> CifarPythonReader.read(bad));
        assertEquals(bad + ": label 200 of record 0 is not a class index (0 to 9)", e.getMessage());
    }

    @Test
    void tarTruncatedOrEscapingTheDestination() throws IOException {
        byte[] tar = new byte[512 * 4];
        byte[] name = "../evil.txt".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, tar, 0, name.length);
        byte[] size = "00000000001\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, tar, 124, size.length);
        tar[156] = '0';
        tar[512] = 'x';
        Path evil = write("evil.tar.gz", gzip(tar));
        Path out = Files.createDirectories(dir.resolve("out"));
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> TarGzExtractor.extract(evil, out));
        assertTrue(e.getMessage().contains("tar entry '../evil.txt' would be written outside"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("evil.txt")));

        byte[] big = new byte[512 * 4];
        System.arraycopy("ok.txt".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 6);
        System.arraycopy("00000010000\0".getBytes(StandardCharsets.US_ASCII), 0, big, 124, 12);
        big[156] = '0';
        Path truncated = write("cut.tar.gz", gzip(big));
        e = assertThrows(MalformedDataException.class, () -> TarGzExtractor.extract(truncated, out));
        assertTrue(e.getMessage().contains("truncated: tar entry 'ok.txt' ends"), e.getMessage());
    }
}
