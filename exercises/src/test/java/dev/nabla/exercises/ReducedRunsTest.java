package dev.nabla.exercises;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every exercise in a reduced form: 2 epochs on the first 320 training samples (HOML: and 29
 * validation images). Each must train (the training loss of each fit falls from epoch 1 to 2;
 * a GAN's, whose networks work against each other, need only be finite), write decodable,
 * non-empty PNG pictures, and print its RESULT line, all of its output to the stream it is given.
 */
class ReducedRunsTest {
    private static final Pattern RESULT = Pattern.compile(
            "^RESULT (\\S+) figure=(-|-?[0-9.]+) book=(-|[0-9.]+) verdict=(PASS|FAIL|REPORT)$", Pattern.MULTILINE);

    @TempDir Path dir;

    static Stream<String> ids() {
        return Exercises.all().stream().map(Exercise::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void runsInReducedForm(String id) throws Exception {
        Exercise exercise = Exercises.byId(id);
        var options = new Options(OptionalInt.of(2), OptionalInt.of(320), 42, dir);
        CapturedRun run = CapturedRun.of(exercise, options);
        Result result = run.result();
        assertEquals("", run.stdout(), id + " prints only to the stream it is given");

        var m = RESULT.matcher(run.text());
        assertTrue(m.find(), "RESULT line in:\n" + run.text());
        assertEquals(id, m.group(1));
        assertEquals(result.line(), m.group(0));
        if (exercise.target().kind() != Target.Kind.REPORT || !Double.isNaN(result.figure())) {
            assertTrue(Double.isFinite(result.figure()), id + " figure " + result.figure());
        }

        assertFalse(result.pictures().isEmpty(), id + " writes pictures");
        for (Path p : result.pictures()) {
            assertTrue(p.startsWith(dir), p + " under --out");
            assertTrue(Files.size(p) > 0, p + " is empty");
            BufferedImage image = ImageIO.read(p.toFile());
            assertNotNull(image, p + " is not a decodable PNG");
            assertTrue(image.getWidth() > 16 && image.getHeight() > 16, p + " is " + image.getWidth() + "x" + image.getHeight());
        }

        boolean adversarial = id.equals("homl-dcgan");
        for (double[] loss : result.trainingLosses()) {
            assertEquals(2, loss.length, id + " ran the --epochs given");
            if (adversarial) assertTrue(Double.isFinite(loss[0]) && Double.isFinite(loss[1]), id + " training loss: " + loss[0] + ", " + loss[1]);
            else assertTrue(loss[1] < loss[0], id + " training loss falls: " + loss[0] + " -> " + loss[1]);
        }
        List<String> untrained = List.of("aul-ex18", "aul-act8", "aul-ex19");
        assertEquals(untrained.contains(id), result.trainingLosses().isEmpty(), id + " trains");
    }
}
