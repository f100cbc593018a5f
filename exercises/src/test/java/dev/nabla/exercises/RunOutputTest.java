package dev.nabla.exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Everything an exercise's run prints goes to the stream given to {@link Main#runOne}, none of it to standard output. */
class RunOutputTest {
    @TempDir Path dir;

    @Test
    void anExercisePrintsOnlyToItsStream() throws Exception {
        CapturedRun run = CapturedRun.of(Exercises.byId("homl-stacked"), new Options(OptionalInt.of(1), OptionalInt.of(64), 42, dir));
        Result result = run.result();
        assertEquals("", run.stdout());
        String[] lines = run.text().split("\n");
        assertEquals("=== homl-stacked: " + Exercises.byId("homl-stacked").title(), lines[0]);
        assertEquals("Model: \"sequential_2\"", lines[1], "the summary");
        String all = String.join("\n", lines);
        assertTrue(all.contains("\nEpoch 1/1\n2/2 [==============================] - "), all);
        assertTrue(all.contains("\nval_loss per epoch "), "the exercise's own lines: " + all);
        assertEquals(result.line(), lines[lines.length - 1]);
    }
}
