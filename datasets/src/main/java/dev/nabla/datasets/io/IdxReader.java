package dev.nabla.datasets.io;

import dev.nabla.datasets.MalformedDataException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, plain or gzip-compressed.
 *
 * <p>Layout (big-endian): two zero bytes, a type byte ({@code 0x08} = unsigned byte, the only type
 * these data sets use), the number of dimensions, then one 32-bit size per dimension, then the
 * elements in row-major order. The sizes are checked against the bytes that actually follow before
 * anything is allocated, so a header that lies about the size is an error, never a huge allocation.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int MAX_DIMENSIONS = 8;

    private IdxReader() {
    }

    /** Reads the IDX file at {@code file} (gzip-compressed or not). */
    public static IdxArray read(Path file) throws IOException {
        try (InputStream in = Compression.open(file)) {
            return read(in, file.toString(), Compression.isGzip(file) ? -1 : Files.size(file));
        } catch (ZipException | EOFException e) {
            throw new MalformedDataException(file.toString(), "corrupted or truncated gzip stream: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an IDX array from {@code in}. {@code knownLength} is the total length of the input when
     * known (a plain file), else -1.
     */
    static IdxArray read(InputStream in, String source, long knownLength) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new MalformedDataException(source, "truncated: the IDX header needs 4 bytes, the file has " + magic.length);
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new MalformedDataException(source, String.format(
                    "not an IDX file: magic number starts with 0x%02x%02x instead of 0x0000", magic[0], magic[1]));
        }
        int type = magic[2] & 0xFF;
        if (type != UNSIGNED_BYTE) {
            throw new MalformedDataException(source, String.format(
                    "IDX element type 0x%02x is not supported (only 0x08, unsigned byte)", type));
        }
        int rank = magic[3] & 0xFF;
        if (rank == 0 || rank > MAX_DIMENSIONS) {
            throw new MalformedDataException(source, "IDX header claims " + rank + " dimensions (expected 1 to " + MAX_DIMENSIONS + ")");
        }
        byte[] dims = in.readNBytes(4 * rank);
        if (dims.length < 4 * rank) {
            throw new MalformedDataException(source, "truncated: the IDX header lists " + rank + " dimensions but ends after "
                    + (4 + dims.length) + " bytes");
        }
        long[] sizes = new long[rank];
        long count = 1;
        for (int i = 0; i < rank; i++) {
            sizes[i] = (dims[4 * i] & 0xFFL) << 24 | (dims[4 * i + 1] & 0xFF) << 16 | (dims[4 * i + 2] & 0xFF) << 8 | (dims[4 * i + 3] & 0xFF);
            count *= sizes[i];
            if (count > Integer.MAX_VALUE - 8) {
                throw new MalformedDataException(source, "IDX header sizes " + Arrays.toString(sizes)
                        + " describe more than 2^31 elements, more than the file can hold");
            }
        }
        int[] shape = Arrays.stream(sizes).mapToInt(d -> (int) d).toArray();
        int headerLength = 4 + 4 * rank;
        if (knownLength >= 0 && knownLength - headerLength != count) {
            throw new MalformedDataException(source, "IDX header sizes " + Arrays.toString(shape) + " describe " + count
                    + " bytes of data but the file has " + (knownLength - headerLength));
        }
        // readNBytes grows its buffer as data arrives, so a lying header cannot force a huge allocation.
        byte[] data = in.readNBytes((int) count);
        if (data.length < count) {
            throw new MalformedDataException(source, "truncated: IDX header sizes " + Arrays.toString(shape) + " describe "
                    + count + " bytes of data but only " + data.length + " follow");
        }
        if (in.read() >= 0) {
            throw new MalformedDataException(source, "IDX header sizes " + Arrays.toString(shape) + " describe " + count
                    + " bytes of data but more bytes follow");
        }
        return new IdxArray(shape, data);
    }
}
