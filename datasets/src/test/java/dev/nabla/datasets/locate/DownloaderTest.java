package dev.nabla.datasets.locate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads against a local HTTP server: a good file, a wrong checksum, a cut connection, a 404. */
class DownloaderTest {
    private static final byte[] BODY = randomBytes(300_000);
    private static final String SHA = sha256(BODY);

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SplittableRandom(7).nextBytes(b);
        return b;
    }

    private LocalServer server;
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private final Downloader downloader = new Downloader(new PrintStream(progress, true, StandardCharsets.UTF_8));
    @TempDir
    Path cache;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> cacheContents() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void goodFileArrivesWithProgressAndNothingElse() throws IOException {
        String url = server.serve("/data.gz", BODY);
        Path file = downloader.download(new RemoteFile("data.gz", List.of(url), SHA), cache);
        assertEquals(cache.resolve("data.gz"), file);
        assertArrayEquals(BODY, Files.readAllBytes(file));
        assertEquals(List.of("data.gz"), cacheContents());
        String bar = progress.toString(StandardCharsets.UTF_8);
        assertTrue(bar.contains("data.gz [") && bar.contains("100% 0.3/0.3 MB"), bar);
    }

    @Test
    void wrongChecksumIsRefusedAndLeavesNothing() throws IOException {
        String url = server.serve("/data.gz", BODY);
        String wrong = "0".repeat(64);
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.download(new RemoteFile("data.gz", List.of(url), wrong), cache));
        assertTrue(e.getMessage().contains("SHA-256 mismatch: expected " + wrong + ", got " + SHA), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void connectionCutMidFileLeavesNothing() throws IOException {
        String url = server.serveHalf("/data.gz", BODY);
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.download(new RemoteFile("data.gz", List.of(url), SHA), cache));
        assertTrue(e.getMessage().contains(url + ": connection broken after "), e.getMessage());
        assertTrue(e.getMessage().contains(" of 300000 bytes"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void http404IsReported() throws IOException {
        String url = server.url("/missing.gz");
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.download(new RemoteFile("missing.gz", List.of(url), SHA), cache));
        assertTrue(e.getMessage().contains(url + ": HTTP 404"), e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void mirrorIsTriedAfterAFailingAddress() throws IOException {
        String good = server.serve("/mirror/data.gz", BODY);
        Path file = downloader.download(new RemoteFile("data.gz", List.of(server.url("/gone.gz"), good), SHA), cache);
        assertArrayEquals(BODY, Files.readAllBytes(file));
        assertEquals(List.of("data.gz"), cacheContents());
    }

    @Test
    void failedDownloadKeepsAnEarlierGoodFile() throws IOException {
        Files.write(cache.resolve("data.gz"), BODY);
        String url = server.serveHalf("/data.gz", BODY);
        assertThrows(DownloadException.class, () -> downloader.download(new RemoteFile("data.gz", List.of(url), SHA), cache));
        assertArrayEquals(BODY, Files.readAllBytes(cache.resolve("data.gz")));
        assertEquals(List.of("data.gz"), cacheContents());
    }
}
