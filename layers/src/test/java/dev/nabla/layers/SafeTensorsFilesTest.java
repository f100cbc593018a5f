package dev.nabla.layers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What saveWeights writes: names of any characters, the file's mode, its temporary files, and a Python peer that reads and writes it. */
class SafeTensorsFilesTest {
    /** Quotes, backslashes, control characters, non-ASCII letters and an unpaired surrogate. */
    private static final String ODD_NAME = "q\"uote\\back\nline\u0001é✓\ud800";

    @TempDir
    Path dir;

    @BeforeEach
    void fresh() {
        Layer.clearSession();
    }

    private static Sequential oddlyNamed() {
        return new Sequential(new Dense(3).named(ODD_NAME), new Dense(2).named("plain")).inputShape(4);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anyNameIsEscapedAndReadBack() throws IOException {
        Sequential a = oddlyNamed();
        Path file = dir.resolve("w.safetensors");
        a.saveWeights(file);
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        for (int i = 8; i < 8 + headerLength; i++) assertTrue(bytes[i] >= 0x20 && bytes[i] < 0x7F, "header byte " + i + " is printable ASCII");
        assertTrue(new String(bytes, StandardCharsets.US_ASCII).contains("\"q\\u0022uote\\u005cback\\u000aline\\u0001\\u00e9\\u2713\\ud800/kernel\""));

        Sequential b = oddlyNamed();
        b.loadWeights(file);
        for (int i = 0; i < a.weights().size(); i++) assertArrayEquals(a.weights().get(i).toArray(), b.weights().get(i).toArray());
    }

    @Test
    void aPythonReaderFollowingTheSpecificationReadsItAndItsFileLoads() throws Exception {
        Path script = dir.resolve("safetensors_peer.py");
        try (InputStream in = getClass().getResourceAsStream("safetensors_peer.py")) {
            Files.copy(in, script);
        }
        assumeTrue(run("python3", "-c", "import numpy").exitValue() == 0, "python3 with numpy is needed");
        Sequential a = oddlyNamed();
        Path ours = dir.resolve("nabla.safetensors"), theirs = dir.resolve("python.safetensors");
        a.saveWeights(ours);

        Process python = run("python3", script.toString(), ours.toString(), theirs.toString());
        String printed = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, python.exitValue(), printed);
        assertEquals("""
                "q\\"uote\\\\back\\nline\\u0001\\u00e9\\u2713\\ud800/kernel" [4, 3]
                "q\\"uote\\\\back\\nline\\u0001\\u00e9\\u2713\\ud800/bias" [3]
                "plain/kernel" [3, 2]
                "plain/bias" [2]
                """, printed);

        Sequential b = oddlyNamed();
        b.loadWeights(theirs);
        for (int i = 0; i < a.weights().size(); i++) {
            float[] expected = a.weights().get(i).toArray();
            for (int k = 0; k < expected.length; k++) expected[k] *= 2;
            assertArrayEquals(expected, b.weights().get(i).toArray());
        }
    }

    private Process run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
        return p;
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theFileGetsTheModeThatTheUmaskGives() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path file = dir.resolve("w.safetensors");
        new Sequential(new Dense(3)).inputShape(2).saveWeights(file);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
    }

    @Test
    void temporaryFilesOfKilledSavesAreSweptByTheNext() throws IOException {
        for (String name : new String[]{"w.safetensors.123.tmp", "w.safetensors4567.tmp", "w.safetensors.x.tmp", "v.safetensors.1.tmp"}) {
            Files.createFile(dir.resolve(name));
        }
        new Sequential(new Dense(3)).inputShape(2).saveWeights(dir.resolve("w.safetensors"));
        assertEquals(List.of("v.safetensors.1.tmp", "w.safetensors", "w.safetensors.x.tmp"), listing(dir));
    }

    @Test
    void aSaveThatFailsWhileWritingDeletesItsTemporaryFile() throws IOException {
        Path occupied = dir.resolve("w.safetensors");
        Files.createDirectories(occupied.resolve("inside"));
        Sequential m = new Sequential(new Dense(3)).inputShape(2);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> m.saveWeights(occupied));
        assertEquals("saveWeights: cannot write " + occupied, e.getMessage());
        assertEquals(List.of("w.safetensors"), listing(dir));
    }
}
