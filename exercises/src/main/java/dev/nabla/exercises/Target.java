package dev.nabla.exercises;

import java.util.Locale;

/**
 * The book's figure for an exercise and the rule that compares a reproduction with it.
 *
 * <ul>
 *   <li>{@link Kind#LOSS}: passes when {@code figure <= book * (1 + tolerance)};</li>
 *   <li>{@link Kind#ACCURACY}: passes when {@code figure >= book - tolerance};</li>
 *   <li>{@link Kind#EXACT}: passes when {@code figure == book} (a parameter count);</li>
 *   <li>{@link Kind#REPORT}: the book gives no comparable figure; the run only reports its own.</li>
 * </ul>
 *
 * @param kind      how the figure is compared
 * @param metric    what the figure measures, e.g. {@code val_loss}, {@code accuracy}, {@code params}
 * @param book      the book's figure, {@code NaN} when it gives none
 * @param tolerance the tolerance of the comparison (relative for a loss, absolute for an accuracy)
 */
public record Target(Kind kind, String metric, double book, double tolerance) {

    public enum Kind { LOSS, ACCURACY, EXACT, REPORT }

    public enum Verdict { PASS, FAIL, REPORT }

    public static Target loss(String metric, double book, double tolerance) {
        return new Target(Kind.LOSS, metric, book, tolerance);
    }

    public static Target accuracy(String metric, double book, double tolerance) {
        return new Target(Kind.ACCURACY, metric, book, tolerance);
    }

    public static Target exact(String metric, double book) {
        return new Target(Kind.EXACT, metric, book, 0);
    }

    /** A figure the run reports; {@code book} is the book's value when it states one, else NaN. */
    public static Target report(String metric, double book) {
        return new Target(Kind.REPORT, metric, book, Double.NaN);
    }

    public static Target report(String metric) {
        return report(metric, Double.NaN);
    }

    public Verdict verdict(double figure) {
        return switch (kind) {
            case LOSS -> figure <= book * (1 + tolerance) ? Verdict.PASS : Verdict.FAIL;
            case ACCURACY -> figure >= book - tolerance ? Verdict.PASS : Verdict.FAIL;
            case EXACT -> figure == book ? Verdict.PASS : Verdict.FAIL;
            case REPORT -> Verdict.REPORT;
        };
    }

    /** The rule in words, for listings and reports. */
    public String describe() {
        return switch (kind) {
            case LOSS -> String.format(Locale.ROOT, "%s <= %s x (1 + %s)", metric, format(book), format(tolerance));
            case ACCURACY -> String.format(Locale.ROOT, "%s >= %s - %s", metric, format(book), format(tolerance));
            case EXACT -> metric + " = " + format(book);
            case REPORT -> Double.isNaN(book) ? "report " + metric : "report " + metric + " (book " + format(book) + ")";
        };
    }

    /** A figure as the RESULT line prints it: integers plainly, other values with four decimals, NaN as "-". */
    public static String format(double v) {
        if (Double.isNaN(v)) return "-";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
