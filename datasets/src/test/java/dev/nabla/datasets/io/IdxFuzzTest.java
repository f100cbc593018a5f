package dev.nabla.datasets.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nabla.datasets.MalformedDataException;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Coverage-guided fuzzing of the IDX reader, plain and gzip-compressed: any input must either load
 * with as many bytes as its shape says or fail with {@link MalformedDataException}. The default test
 * run replays the seeds in {@code IdxFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class IdxFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void loadsOrRefuses(byte[] input) throws IOException {
        boolean gzip = input.length >= 2 && (input[0] & 0xFF) == 0x1f && (input[1] & 0xFF) == 0x8b;
        IdxArray array;
        try (InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(input)) : new ByteArrayInputStream(input)) {
            array = IdxReader.read(in, "fuzz.idx", gzip ? -1 : input.length);
        } catch (MalformedDataException expected) {
            return;
        } catch (ZipException | EOFException badGzip) {
            return; // reported as MalformedDataException by IdxReader.read(Path)
        }
        long count = 1;
        for (int d : array.shape()) {
            count *= d;
        }
        if (count != array.data().length) {
            throw new AssertionError("IDX data length " + array.data().length + " disagrees with its shape");
        }
    }
}
