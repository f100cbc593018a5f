package dev.nabla.exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** homl-dcgan end to end on the shipped sample: one epoch of three batches, twice with the same seed. */
class DcganRunTest {
    @TempDir Path dir;

    @Test
    void twoRunsWithTheSameSeedPrintTheSameLossesAndDrawTheSamePictures() throws Exception {
        List<String> histories = new ArrayList<>();
        List<byte[]> generated = new ArrayList<>();
        for (String run : List.of("first", "second")) {
            Path out = dir.resolve(run);
            CapturedRun r = CapturedRun.of(Exercises.byId("homl-dcgan"), new Options(OptionalInt.of(1), OptionalInt.of(96), 42, out));
            assertTrue(r.text().matches("(?s).*\n3/3 \\[=+\\] - .* - d_loss: \\d\\.\\d{4} - g_loss: \\d\\.\\d{4}\n.*"), r.text());
            assertEquals(List.of("epochs", "generated", "loss").stream().map(p -> out.resolve("homl-dcgan-" + p + ".png")).toList(),
                    r.result().pictures());
            histories.add(Files.readString(out.resolve("homl-dcgan-history.tsv")));
            generated.add(Files.readAllBytes(out.resolve("homl-dcgan-generated.png")));
        }
        assertTrue(histories.getFirst().startsWith("fit\tepoch\td_loss\tg_loss\n1\t1\t"), histories.getFirst());
        assertEquals(histories.get(0), histories.get(1));
        assertArrayEquals(generated.get(0), generated.get(1));
    }
}
