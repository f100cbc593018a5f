package dev.nabla.datasets.locate;

import dev.nabla.datasets.DatasetNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Debian package as the last source: fetched into the cache when the official address fails,
 * its decompressed files checked by SHA-256. {@code apt-get} and {@code dpkg-deb} are stand-in
 * scripts here that behave as the real ones do towards nabla: apt-get writes the .deb into the
 * working directory and prints {@code dlstatus} lines on the status descriptor, dpkg-deb -x
 * unpacks the package's tree.
 */
class DebianFallbackTest {
    private static final byte[] DATA = "the decompressed data".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path home;
    @TempDir
    Path tools;
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private final LocalServer server = startServer();

    private static LocalServer startServer() {
        try {
            return new LocalServer();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @BeforeEach
    void packageContent() throws IOException {
        Path tree = Files.createDirectories(tools.resolve("tree/usr/share/datasets/test-set"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tree.resolve("a.gz")))) {
            out.write(DATA);
        }
        script("dpkg-deb", "[ \"$1\" = -x ] && [ -f \"$2\" ] && mkdir -p \"$3\" && cp -r " + tools.resolve("tree") + "/. \"$3\"");
    }

    private String script(String name, String body) throws IOException {
        Path file = tools.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file.toString();
    }

    private String workingAptGet() throws IOException {
        return script("apt-get", "echo 'Get:1 http://deb.debian.org/debian bookworm/main dataset-test-set all 1.0 [1 kB]'\n"
                + "echo 'dlstatus:1:40.5:Retrieving file 1 of 1'\necho 'dlstatus:1:100.0000:Retrieving file 1 of 1'\n"
                + "echo deb > \"dataset-test-set_1.0_all.deb\"");
    }

    private Locator locator(String aptGet) {
        PrintStream bar = new PrintStream(progress, true, StandardCharsets.UTF_8);
        return new Locator(new Locator.Environment(Map.of("NABLA_HOME", home.toString())::get, home, new Downloader(bar),
                new AptFetcher(aptGet, tools.resolve("dpkg-deb").toString(), bar)));
    }

    private DatasetSource source(String contentSha256) {
        RemoteFile official = new RemoteFile("a.gz", List.of(server.url("/gone/a.gz")), "0".repeat(64));
        return new DatasetSource("Test set", "NABLA_TEST_SET", "test-set", Optional.of(new DebianPackage("dataset-test-set",
                "usr/share/datasets/test-set", Map.of("a.gz", contentSha256))), List.of(official), Optional.empty(), "get it");
    }

    @Test
    void fetchesThePackageWhenTheOfficialAddressFails() throws IOException {
        Path found = locator(workingAptGet()).find(source(DownloaderTest.sha256(DATA)), null, List.of("a.gz"));
        server.close();
        assertEquals(home.resolve("datasets/test-set"), found);
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(found.resolve("a.gz")))) {
            assertArrayEquals(DATA, in.readAllBytes());
        }
        String bar = progress.toString(StandardCharsets.UTF_8);
        assertTrue(bar.contains("\rdataset-test-set.deb [" + "=".repeat(30) + "] 100%"), bar);
        assertTrue(bar.contains("]  40%"), bar);
        try (Stream<Path> left = Files.list(home.resolve("datasets"))) {
            assertEquals(List.of("test-set"), left.map(p -> p.getFileName().toString()).toList(), "the staging folder is removed");
        }
    }

    @Test
    void filesWhoseDecompressedDataDiffersAreRefused() throws IOException {
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> locator(workingAptGet()).find(source("1".repeat(64)), null, List.of("a.gz")));
        server.close();
        assertTrue(e.getMessage().contains("dataset-test-set: the data in a.gz is not the expected data"), e.getMessage());
        assertFalse(Files.exists(home.resolve("datasets/test-set/a.gz")));
    }

    @Test
    void aptGetFailingIsReportedWithItsOwnWords() throws IOException {
        String aptGet = script("apt-get", "echo 'E: Unable to locate package dataset-test-set' >&2; exit 100");
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> locator(aptGet).find(source(DownloaderTest.sha256(DATA)), null, List.of("a.gz")));
        server.close();
        String m = e.getMessage();
        assertTrue(m.contains("HTTP 404"), m);
        assertTrue(m.contains("Debian package dataset-test-set (apt-get download): " + aptGet
                + " download -q -o APT::Status-Fd=1 dataset-test-set failed (exit 100): E: Unable to locate package dataset-test-set"), m);
        assertTrue(m.endsWith("To get it: get it; or set NABLA_TEST_SET to the file or its folder."), m);
    }
}
