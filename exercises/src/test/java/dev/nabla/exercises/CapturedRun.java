package dev.nabla.exercises;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One exercise run through {@link Main#runOne} into a stream of its own, with standard output
 * captured meanwhile, so that a test can check both what the run printed and that it printed
 * nothing elsewhere.
 *
 * @param result the run's result
 * @param text   everything the run printed to its stream
 * @param stdout what reached {@code System.out} during the run (nothing, if the run is right)
 */
record CapturedRun(Result result, String text, String stdout) {
    static CapturedRun of(Exercise exercise, Options options) throws Exception {
        var text = new ByteArrayOutputStream();
        var stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        Result result;
        try {
            result = Main.runOne(exercise, options, new PrintStream(text, true, StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
        return new CapturedRun(result, text.toString(StandardCharsets.UTF_8), stdout.toString(StandardCharsets.UTF_8));
    }
}
