package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a process with SIGKILL while it saves weights ({@link SaveLoop}), then checks that the file
 * holds one complete save (every weight equal to the same save's number) and that the next save
 * leaves no temporary file behind.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SaveKillTest {
    @TempDir
    Path dir;

    @Test
    void aKilledSaveLeavesACompleteFileAndTheNextSaveCleansUp() throws Exception {
        trials(3);
    }

    /** The figure for the README: {@code ./mvnw -pl layers -am test -Pslow -Dtest=SaveKillTest -Dsurefire.failIfNoSpecifiedTests=false}. */
    @Test
    @Tag("slow")
    void fiftyKills() throws Exception {
        trials(50);
    }

    private void trials(int n) throws Exception {
        Path file = dir.resolve("w.safetensors");
        Layer.clearSession();
        Sequential reader = SaveLoop.model();
        for (Tensor w : reader.weights()) Arrays.fill(w.data(), w.offset(), w.offset() + w.size(), 0f);
        reader.saveWeights(file);
        SplittableRandom random = new SplittableRandom(10);
        int leftBehind = 0;
        long lastSaves = 0;
        for (int trial = 0; trial < n; trial++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--add-modules=jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), SaveLoop.class.getName(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
                assertEquals("ready", out.readLine());
                Thread.sleep(random.nextInt(20, 400));
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            assertEquals(137, child.exitValue(), "killed by SIGKILL");
            reader.loadWeights(file);
            lastSaves = Math.max(lastSaves, (long) oneValue(reader, trial));
            leftBehind += temporaries() > 0 ? 1 : 0;
            reader.saveWeights(file);
            assertEquals(0, temporaries(), "temporary files after the next save, trial " + trial);
        }
        System.out.println("SaveKillTest: " + n + " kills, " + leftBehind + " left a temporary file, all swept by the next save;"
                + " up to " + lastSaves + " saves completed before a kill");
    }

    /** The value every weight holds; fails when they differ, which a torn file would show. */
    private static float oneValue(Model m, int trial) {
        float first = m.weights().getFirst().toArray()[0];
        for (Tensor w : m.weights()) {
            for (float v : w.toArray()) assertEquals(first, v, "trial " + trial + ": the file mixes two saves");
        }
        return first;
    }

    private long temporaries() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }
}
