package dev.nabla.exercises;

import java.nio.file.Path;
import java.util.List;

/**
 * What one exercise run produced: its figure, the verdict against the book, the pictures it wrote,
 * the mean seconds per training epoch (NaN when it does not train) and the per-epoch training loss
 * of each {@code fit} it ran.
 */
public record Result(String id, Target target, double figure, List<Path> pictures, double secondsPerEpoch,
                     List<double[]> trainingLosses) {

    public Result {
        pictures = List.copyOf(pictures);
        trainingLosses = List.copyOf(trainingLosses);
    }

    public Target.Verdict verdict() {
        return target.verdict(figure);
    }

    /** The line every run ends with: {@code RESULT ID figure=VALUE book=VALUE verdict=PASS|FAIL|REPORT}. */
    public String line() {
        return "RESULT " + id + " figure=" + Target.format(figure) + " book=" + Target.format(target.book())
                + " verdict=" + verdict();
    }
}
