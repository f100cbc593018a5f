package dev.nabla.datasets.locate;

import dev.nabla.datasets.DatasetNotFoundException;
import dev.nabla.datasets.io.CifarPythonReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search order, downloads through the locator, and the message when nothing is found. */
class LocatorTest {
    private LocalServer server;
    private final Map<String, String> env = new HashMap<>();
    @TempDir
    Path home;
    @TempDir
    Path work;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        env.put("NABLA_HOME", home.resolve("nabla").toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Locator locator() {
        return new Locator(new Locator.Environment(env::get, home, new Downloader(new PrintStream(OutputStream.nullOutputStream())),
                new AptFetcher(work.resolve("no-apt-get").toString(), "dpkg-deb", new PrintStream(OutputStream.nullOutputStream()))));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LocatorTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private DatasetSource source(List<RemoteFile> files, Optional<RemoteFile> archive, Path debian) {
        Optional<DebianPackage> pkg = Optional.ofNullable(debian)
                .map(dir -> new DebianPackage("dataset-test-set", Path.of("/").relativize(dir).toString(), Map.of()));
        return new DatasetSource("Test set", "NABLA_TEST_SET", "test-set", pkg, files, archive, "apt-get install dataset-test-set");
    }

    @Test
    void explicitPathThenEnvironmentThenCacheThenDebian() throws IOException {
        Path explicit = Files.createDirectories(work.resolve("explicit"));
        Path fromEnv = Files.createDirectories(work.resolve("env"));
        Path cache = Files.createDirectories(home.resolve("nabla/datasets/test-set"));
        Path debian = Files.createDirectories(work.resolve("debian"));
        for (Path dir : List.of(explicit, fromEnv, cache, debian)) {
            Files.writeString(dir.resolve("a.bin"), "x");
        }
        DatasetSource src = source(List.of(), Optional.empty(), debian);
        List<String> needed = List.of("a.bin");
        assertEquals(explicit, locator().find(src, explicit, needed));
        assertEquals(explicit, locator().find(src, explicit.resolve("a.bin"), needed));
        env.put("NABLA_TEST_SET", fromEnv.toString());
        assertEquals(fromEnv, locator().find(src, null, needed));
        env.remove("NABLA_TEST_SET");
        assertEquals(cache, locator().find(src, null, needed));
        Files.delete(cache.resolve("a.bin"));
        assertEquals(debian, locator().find(src, null, needed));
    }

    @Test
    void cacheDefaultsToDotCacheInTheHomeFolder() {
        env.remove("NABLA_HOME");
        assertEquals(home.resolve(".cache/nabla/datasets"), locator().cacheRoot());
    }

    @Test
    void anEnvironmentVariablePointingAtTheWrongFolderIsAnError() {
        env.put("NABLA_TEST_SET", work.toString());
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> locator().find(source(List.of(), Optional.empty(), null), null, List.of("a.bin")));
        assertTrue(e.getMessage().contains("NABLA_TEST_SET=" + work + " does not hold a.bin"), e.getMessage());
    }

    @Test
    void downloadsMissingFilesIntoTheCacheOnce() throws IOException {
        byte[] body = "the data".getBytes();
        RemoteFile file = new RemoteFile("a.bin", List.of(server.serve("/a.bin", body)), DownloaderTest.sha256(body));
        DatasetSource src = source(List.of(file), Optional.empty(), null);
        Path found = locator().find(src, null, List.of("a.bin"));
        assertEquals(home.resolve("nabla/datasets/test-set"), found);
        assertEquals("the data", Files.readString(found.resolve("a.bin")));
        server.close();
        assertEquals(found, locator().find(src, null, List.of("a.bin")), "the second search must find the cached copy");
    }

    @Test
    void downloadsAndExtractsAnArchive() throws IOException {
        byte[] tarball = resource("cifar-10-python-mini.tar.gz");
        RemoteFile archive = new RemoteFile("mini.tar.gz", List.of(server.serve("/mini.tar.gz", tarball)), DownloaderTest.sha256(tarball));
        DatasetSource src = new DatasetSource("CIFAR-10", "NABLA_TEST_CIFAR", "cifar-10-batches-py", Optional.empty(), List.of(),
                Optional.of(archive), "download it");
        Path found = locator().find(src, null, List.of("data_batch_1"));
        assertEquals(home.resolve("nabla/datasets/cifar-10-batches-py"), found);
        assertEquals(20, CifarPythonReader.read(found.resolve("data_batch_1")).images().count());
        assertEquals("airplane", CifarPythonReader.readClassNames(found.resolve("batches.meta")).getFirst());
        try (Stream<Path> left = Files.list(home.resolve("nabla/datasets"))) {
            assertEquals(List.of("cifar-10-batches-py"), left.map(p -> p.getFileName().toString()).toList(),
                    "the archive and the staging folder are removed");
        }
    }

    @Test
    void notFoundNamesEveryPlaceAndHowToGetTheData() {
        RemoteFile file = new RemoteFile("a.bin", List.of(server.url("/nowhere/a.bin")), "0".repeat(64));
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> locator().find(source(List.of(file), Optional.empty(), work.resolve("debian")), null, List.of("a.bin")));
        String m = e.getMessage();
        assertTrue(m.startsWith("Test set not found (needed: a.bin). Looked in:"), m);
        assertTrue(m.contains("NABLA_TEST_SET (not set)"), m);
        assertTrue(m.contains(home.resolve("nabla/datasets/test-set") + " (no such folder)"), m);
        assertTrue(m.contains(work.resolve("debian") + " (no such folder)"), m);
        assertTrue(m.contains("HTTP 404"), m);
        assertTrue(m.contains("Debian package dataset-test-set (apt-get download): " + work.resolve("no-apt-get") + " is not available"), m);
        assertTrue(m.contains("To get it: apt-get install dataset-test-set"), m);
        assertFalse(Files.exists(home.resolve("nabla/datasets/test-set/a.bin")));
    }

    @Test
    void offlineSkipsTheDownload() {
        env.put("NABLA_OFFLINE", "1");
        RemoteFile file = new RemoteFile("a.bin", List.of(server.url("/a.bin")), "0".repeat(64));
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> locator().find(source(List.of(file), Optional.empty(), null), null, List.of("a.bin")));
        assertTrue(e.getMessage().contains("download: skipped because NABLA_OFFLINE=1"), e.getMessage());
        assertFalse(e.getMessage().contains("apt-get download"), e.getMessage());
    }
}
