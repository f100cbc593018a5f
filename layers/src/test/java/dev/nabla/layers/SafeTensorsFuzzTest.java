package dev.nabla.layers;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@code loadWeights}: any file must either load or fail with an
 * {@link IllegalArgumentException} naming the file, leaving the model's weights bit for bit as they
 * were; any other exception, a hang or running out of memory is a bug. The default test run
 * replays the seeds in {@code SafeTensorsFuzzTestInputs/}; {@code -Pfuzz} fuzzes (see the root pom).
 */
class SafeTensorsFuzzTest {
    private static final Sequential MODEL = new Sequential(new Dense(3).named("dense"), new Dense(2).named("dense_1")).inputShape(4);
    private static final Path FILE = temporaryFile();

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("fuzz", ".safetensors");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DictionaryEntries({"\"dtype\"", "\"F32\"", "\"shape\"", "\"data_offsets\"", "\"__metadata__\"", "\"dense/kernel\"",
            "\"dense/bias\"", "\"dense_1/kernel\"", "\"dense_1/bias\"", "\\u00"})
    @FuzzTest(maxDuration = "5m")
    void loadsOrRefuses(byte[] input) throws IOException {
        Files.write(FILE, input);
        List<int[]> before = WeightBits.of(MODEL);
        try {
            MODEL.loadWeights(FILE);
        } catch (IllegalArgumentException refused) {
            if (!refused.getMessage().startsWith("loadWeights: " + FILE + ": ")) throw new AssertionError("unclear error", refused);
            int changed = WeightBits.firstDifference(before, WeightBits.of(MODEL));
            if (changed >= 0) throw new AssertionError("a failed load changed weight " + changed, refused);
        }
    }
}
