package dev.nabla.datasets.locate;

import dev.nabla.datasets.MalformedDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** GNU long names, as GNU tar and Python's tarfile write them for names beyond 100 bytes. */
class TarGzExtractorTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

    /** Appends an entry: a header block with name, octal size and type, then the data padded to a block. */
    private TarGzExtractorTest entry(String name, char type, byte[] data) {
        byte[] header = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, header, 0, Math.min(100, n.length));
        byte[] size = String.format("%011o\0", data.length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, header, 124, 12);
        header[156] = (byte) type;
        tar.writeBytes(header);
        tar.writeBytes(data);
        tar.writeBytes(new byte[(512 - data.length % 512) % 512]);
        return this;
    }

    private Path archive() throws IOException {
        tar.writeBytes(new byte[1024]);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(tar.toByteArray());
        }
        return Files.write(dir.resolve("a.tar.gz"), gz.toByteArray());
    }

    private static byte[] nulTerminated(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aGnuLongNameNamesTheNextEntry() throws IOException {
        String longName = "batches/" + "a".repeat(150) + "/data_batch_1";
        byte[] contents = "payload".getBytes(StandardCharsets.US_ASCII);
        entry("././@LongLink", 'L', nulTerminated(longName)).entry(longName.substring(0, 100), '0', contents)
                .entry("short.txt", '0', contents);
        Path out = Files.createDirectories(dir.resolve("out"));
        List<Path> written = TarGzExtractor.extract(archive(), out);
        assertEquals(List.of(out.resolve(longName).toAbsolutePath(), out.resolve("short.txt").toAbsolutePath()), written);
        assertEquals("payload", Files.readString(written.getFirst()));
    }

    @Test
    void aLongNameCannotEscapeTheFolder() throws IOException {
        entry("././@LongLink", 'L', nulTerminated("../" + "x".repeat(120))).entry("harmless", '0', new byte[1]);
        Path out = Files.createDirectories(dir.resolve("out"));
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> TarGzExtractor.extract(archive(), out));
        assertEquals(dir.resolve("a.tar.gz") + ": tar entry '../" + "x".repeat(120) + "' would be written outside " + out.toAbsolutePath(),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("harmless")));
    }

    @Test
    void anOversizedLongNameIsRefused() throws IOException {
        entry("././@LongLink", 'L', new byte[70_000]);
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> TarGzExtractor.extract(archive(), dir));
        assertEquals(dir.resolve("a.tar.gz") + ": GNU long name of 70000 bytes; at most 65536 are accepted", e.getMessage());
    }
}
