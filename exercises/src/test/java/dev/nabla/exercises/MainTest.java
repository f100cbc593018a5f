package dev.nabla.exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @TempDir Path dir;

    private record Run(int status, String out, String err) {}

    private static Run main(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listShowsEveryIdWithItsTitle() {
        Run r = main("list");
        assertEquals(0, r.status);
        for (Exercise e : Exercises.all()) assertTrue(r.out.contains(e.id() + " ") && r.out.contains(e.title()), e.id());
        assertEquals(Exercises.all().size(), r.out.lines().count());
    }

    @Test
    void runPrintsTheResultLine() {
        Run r = main("run", "aul-ex18", "--out", dir.toString());
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("RESULT aul-ex18 figure=- book=- verdict=REPORT"), r.out);
    }

    /** The first line of a bad command line's output: the one message naming what is wrong. */
    private static String error(Run r) {
        assertEquals(2, r.status, r.err);
        assertEquals("", r.out);
        return r.err.lines().findFirst().orElseThrow();
    }

    @Test
    void badUsageNamesWhatIsWrong() {
        assertEquals("error: no exercise 'no-such-id'; './nabla list' shows the ids", error(main("run", "no-such-id")));
        assertEquals("error: --epochs expects an integer, got 'ten'", error(main("run", "aul-ex18", "--epochs", "ten")));
        assertEquals("error: unknown command 'frobnicate' (expected list, run or graph)", error(main("frobnicate")));
        assertEquals("error: option --epochs is given twice", error(main("run", "aul-ex18", "--epochs", "1", "--epochs", "2")));
        assertEquals("error: option --seed needs a value", error(main("run", "aul-ex18", "--seed")));
        assertEquals("error: run needs an exercise id or 'all'", error(main("run", "--epochs", "1")));
        assertEquals("error: run takes one exercise id, got 'aul-ex18' and 'aul-ex19'", error(main("run", "aul-ex18", "aul-ex19")));
        assertEquals("error: unknown option --epoch (expected --epochs N, --limit N, --seed S, --out DIR, --backup DIR, --graph, --profile, --grad-flow, --anomaly, --verbose)",
                error(main("run", "aul-ex18", "--epoch", "1")));
    }

    @Test
    void helpIsTheUsageOnStandardOutput() {
        for (String[] args : List.of(new String[]{"run", "--help"}, new String[]{"--help"}, new String[]{"help"}, new String[]{"run", "homl-stacked", "-h"})) {
            Run r = main(args);
            assertEquals(0, r.status, r.err);
            assertTrue(r.out.startsWith("usage: nabla list\n"), r.out);
            assertEquals("", r.err);
        }
    }

    @Test
    void optionsMayComeBeforeTheId() {
        Run r = main("run", "--epochs", "1", "--out", dir.toString(), "aul-ex18");
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("RESULT aul-ex18 "), r.out);
    }

    @Test
    void anUnwritableOutFolderFailsBeforeTraining() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
        Run r = main("run", "homl-stacked", "--out", file.resolve("pictures").toString());
        Path pictures = file.resolve("pictures");
        assertEquals("error: --out " + pictures + " cannot be written (Not a directory: " + pictures + "); pass a folder you can write to",
                error(r));
    }

    @Test
    void verdictsFollowTheTableRules() {
        var loss = Target.loss("val_loss", 0.2746, 0.015);
        assertEquals(Target.Verdict.PASS, loss.verdict(0.2746 * 1.015 - 1e-9));
        assertEquals(Target.Verdict.FAIL, loss.verdict(0.2746 * 1.015 + 1e-6));
        var acc = Target.accuracy("accuracy", 0.9559, 0.01);
        assertEquals(Target.Verdict.PASS, acc.verdict(0.9460));
        assertEquals(Target.Verdict.FAIL, acc.verdict(0.9458));
        assertEquals(Target.Verdict.PASS, Target.exact("params", 517510).verdict(517510));
        assertEquals(Target.Verdict.FAIL, Target.exact("params", 517510).verdict(517511));
        assertEquals(Target.Verdict.REPORT, Target.report("x").verdict(3));
        var result = new Result("homl-stacked", loss, 0.27123, List.of(), 4.0, List.of());
        assertEquals("RESULT homl-stacked figure=0.2712 book=0.2746 verdict=PASS", result.line());
    }

    @Test
    void optionsParseAndScale() {
        RunCommand c = RunCommand.parse(List.of("--epochs", "3", "homl-stacked", "--limit", "1100", "--seed", "7", "--out", "x", "--verbose"));
        assertEquals("homl-stacked", c.id());
        assertTrue(c.verbose());
        Options o = c.options();
        assertEquals(3, o.epochsOr(10));
        assertEquals(1100, o.samples(55000));
        assertEquals(100, o.proportional(5000, 55000));
        assertEquals(7, o.seed());
        assertEquals(Path.of("x"), o.outFor("id"));
        assertEquals(Path.of("out", "id"), Options.defaults().outFor("id"));
        assertEquals(10, Options.defaults().epochsOr(10));
        assertThrows(IllegalArgumentException.class, () -> RunCommand.parse(List.of("x", "--limit", "0")));
    }
}
