package dev.nabla.datasets.io;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A batches.meta whose 20,000 class names are one memoised 4 MiB bytes object: decoded once, not 20,000 times. */
class MemoisedNamesTest {
    @TempDir
    Path dir;

    @Test
    void aMemoisedNameRepeatedInAListIsDecodedOnce() throws IOException {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.writeBytes("\u0080\u0003}X\u000b\u0000\u0000\u0000label_names](B".getBytes(StandardCharsets.ISO_8859_1));
        pickle.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(4 << 20).array());
        pickle.writeBytes(new byte[4 << 20]);
        pickle.writeBytes("q\u0001".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 1; i < 20_000; i++) pickle.writeBytes(new byte[]{'h', 1});
        pickle.writeBytes("es.".getBytes(StandardCharsets.ISO_8859_1));
        Path meta = Files.write(dir.resolve("batches.meta"), pickle.toByteArray());

        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        List<String> names = CifarPythonReader.readClassNames(meta);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(20_000, names.size());
        assertEquals(4 << 20, names.getLast().length());
        assertSame(names.getFirst(), names.getLast());
        assertTrue(allocated < 64L << 20, "allocated " + allocated + " bytes");
    }
}
