package dev.nabla.exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every exercise at full length, on the complete data sets, judged by its own verdict: the one
 * {@link Target#verdict} computes and the RESULT line prints, which {@code exercises/reproduce.sh}
 * tabulates. A figure the book gives must PASS; a REPORT figure must be finite (unless the
 * exercise reports pictures only), and every picture must have been written. Run one with
 * {@code ./mvnw test -Pslow -pl exercises -am -Dtest='FullRunsTest#homlStacked'}; the method name
 * is the id in camel case. The data are found as {@code ./nabla run} finds them, downloads
 * included; where they cannot be had, the test fails with the message saying where it looked: a
 * full-length run is asked for explicitly, and a skipped one would read as a reproduction that
 * never happened.
 */
class FullRunsTest {
    private static void reproduce(TestInfo test) throws Exception {
        String id = idOf(test.getTestMethod().orElseThrow());
        Exercise exercise = Exercises.byId(id);
        Result result = Main.runOne(exercise, Options.defaults().withOut(Path.of("target", "full-runs", id)),
                new PrintStream(System.out, true, StandardCharsets.UTF_8));
        if (exercise.target().kind() == Target.Kind.REPORT) {
            assertEquals(Target.Verdict.REPORT, result.verdict());
            assertTrue(result.trainingLosses().isEmpty() || Double.isFinite(result.figure()), "a trained model's figure: " + result.line());
        } else {
            assertEquals(Target.Verdict.PASS, result.verdict(), result.line());
        }
        assertNotEquals(List.of(), result.pictures(), id + " writes pictures");
        for (Path p : result.pictures()) assertTrue(Files.size(p) > 0, p + " written");
    }

    @Test
    void everyExerciseHasItsFullRun() {
        List<String> covered = Arrays.stream(FullRunsTest.class.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(FullRun.class))
                .map(FullRunsTest::idOf).sorted().toList();
        assertEquals(Exercises.all().stream().map(Exercise::id).sorted().toList(), covered);
    }

    /** The exercise a test method runs: its name from camel case to the id's words, {@code homlSparseKl} → {@code homl-sparse-kl}. */
    private static String idOf(Method method) {
        return method.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    @FullRun void aulEx18(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void aulAct8(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void aulEx19(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void aulEx20(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void aulAct9(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void aulEx21(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void aulAct10(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void aulEx22(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void aulEx23(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void aulAct11(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void homlStacked(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void homlTsne(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void homlTied(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void homlGreedy(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void homlPretrain(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void homlConv(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void homlRecurrent(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void homlDenoiseDropout(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void homlDenoiseGauss(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void homlSparseL1(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void homlSparseKl(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void homlVae(TestInfo t) throws Exception { reproduce(t); }
    @FullRun void homlDcgan(TestInfo t) throws Exception { reproduce(t); }
}
