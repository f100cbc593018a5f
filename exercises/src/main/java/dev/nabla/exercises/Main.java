package dev.nabla.exercises;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The exercises' command line.
 * <pre>
 *   list                                                    every id with its title and book figure
 *   run ID|all [--epochs N] [--limit N] [--seed S] [--out DIR]
 * </pre>
 * Every run ends with {@code RESULT ID figure=VALUE book=VALUE verdict=PASS|FAIL|REPORT}. The exit
 * status is 0 unless an exercise failed to run (a FAIL verdict is a result, not an error); 2 for
 * bad usage.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) return usage(err, null);
        try {
            return switch (args.get(0)) {
                case "list" -> list(out);
                case "run" -> {
                    if (args.size() < 2) yield usage(err, "run needs an exercise id or 'all'");
                    yield runExercises(args.get(1), Options.parse(args.subList(2, args.size())), out, err);
                }
                default -> usage(err, "unknown command '" + args.get(0) + "'");
            };
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
    }

    private static int list(PrintStream out) {
        for (Exercise e : Exercises.all()) {
            out.printf(Locale.ROOT, "%-21s %s  [%s]%n", e.id(), e.title(), e.target().describe());
        }
        return 0;
    }

    private static int runExercises(String id, Options options, PrintStream out, PrintStream err) {
        List<Exercise> chosen = id.equals("all") ? Exercises.all() : List.of(Exercises.byId(id));
        if (id.equals("all") && options.out() != null) {
            err.println("note: with 'run all', --out is a parent folder; each exercise writes to DIR/ID/");
        }
        List<String> failed = new ArrayList<>();
        for (Exercise e : chosen) {
            Options o = id.equals("all") && options.out() != null ? options.withOut(options.out().resolve(e.id())) : options;
            try {
                runOne(e, o, out);
            } catch (Exception | OutOfMemoryError ex) {
                failed.add(e.id());
                err.println("ERROR " + e.id() + ": " + ex);
                ex.printStackTrace(err);
            }
        }
        if (!failed.isEmpty()) err.println("failed to run: " + String.join(", ", failed));
        return failed.isEmpty() ? 0 : 1;
    }

    /** Runs one exercise and prints its pictures, its seconds per epoch and its RESULT line. */
    static Result runOne(Exercise e, Options options, PrintStream out) throws Exception {
        out.println("=== " + e.id() + ": " + e.title());
        Result r = e.run(options);
        for (var p : r.pictures()) out.println("wrote " + p);
        if (!Double.isNaN(r.secondsPerEpoch())) out.printf(Locale.ROOT, "seconds per epoch: %.1f%n", r.secondsPerEpoch());
        out.println(r.line());
        return r;
    }

    private static int usage(PrintStream err, String problem) {
        if (problem != null) err.println("error: " + problem);
        err.println("usage: nabla list");
        err.println("       nabla run ID|all [--epochs N] [--limit N] [--seed S] [--out DIR]");
        return 2;
    }
}
