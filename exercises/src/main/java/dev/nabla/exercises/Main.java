package dev.nabla.exercises;

import dev.nabla.datasets.DatasetNotFoundException;
import dev.nabla.datasets.MalformedDataException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The exercises' command line.
 * <pre>
 *   list                                                              every id with its title and book figure
 *   run ID|all [--epochs N] [--limit N] [--seed S] [--out DIR] [--backup DIR] [--graph] [--profile] [--grad-flow] [--anomaly] [--verbose]
 *   graph ID [run options]                                            run with --graph, --epochs 1 --limit 256 unless given
 * </pre>
 * Every run ends with {@code RESULT ID figure=VALUE book=VALUE verdict=PASS|FAIL|REPORT}. The exit
 * status is 0 unless an exercise failed to run (1; a FAIL verdict is a result, not an error); 2 for
 * bad usage. A failure prints one message; its stack trace only with {@code --verbose} or
 * {@code NABLA_DEBUG=1}. What can be checked before training is: the options, and that the picture
 * folder can be written.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err, "1".equals(System.getenv("NABLA_DEBUG"))));
    }

    static int run(List<String> args, PrintStream out, PrintStream err, boolean debug) {
        if (args.isEmpty()) return usage(err, "no command given");
        if (args.contains("--help") || args.contains("-h") || args.getFirst().equals("help")) {
            printUsage(out);
            return 0;
        }
        try {
            return switch (args.getFirst()) {
                case "list" -> {
                    if (args.size() > 1) throw new IllegalArgumentException("list takes no arguments, got '" + args.get(1) + "'");
                    yield list(out);
                }
                case "run" -> runExercises(RunCommand.parse(args.subList(1, args.size())), out, err, debug);
                case "graph" -> runExercises(RunCommand.parse(graphRun(args.subList(1, args.size()))), out, err, debug);
                default -> usage(err, "unknown command '" + args.getFirst() + "' (expected list, run or graph)");
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

    private static int runExercises(RunCommand command, PrintStream out, PrintStream err, boolean debug) {
        boolean all = command.id().equals("all");
        List<Exercise> chosen = all ? Exercises.all() : List.of(Exercises.byId(command.id()));
        Options options = command.options();
        if (all && options.out() != null) {
            err.println("note: with 'run all', --out is a parent folder; each exercise writes to DIR/ID/");
        }
        List<Options> perExercise = new ArrayList<>();
        for (Exercise e : chosen) {
            Options o = all && options.out() != null ? options.withOut(options.out().resolve(e.id())) : options;
            requireWritable(o.outFor(e.id()), options.out() != null);
            perExercise.add(o);
        }
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Exercise e = chosen.get(i);
            try {
                runOne(e, perExercise.get(i), out);
            } catch (Exception | OutOfMemoryError ex) {
                failed.add(e.id());
                err.println("ERROR " + e.id() + ": " + describe(ex, command.verbose() || debug));
                if (command.verbose() || debug) ex.printStackTrace(err);
            }
        }
        if (all && !failed.isEmpty()) err.println("failed to run: " + String.join(", ", failed));
        return failed.isEmpty() ? 0 : 1;
    }

    /** Creates {@code dir} and writes a probe file into it, so that a folder that cannot take the pictures fails before training. */
    private static void requireWritable(Path dir, boolean given) {
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".nabla-write-check", ""));
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException((given ? "--out " : "the picture folder ") + dir + " cannot be written ("
                    + reason(e) + "); " + (given ? "pass" : "pass --out with") + " a folder you can write to");
        }
    }

    /** Why a file operation failed, in words: the file system's exceptions often carry only the path. */
    private static String reason(Exception e) {
        return switch (e) {
            case AccessDeniedException a -> "permission denied: " + a.getFile();
            case NoSuchFileException n -> "cannot be created: " + n.getFile();
            case FileAlreadyExistsException f -> "a file is in the way: " + f.getFile();
            case FileSystemException f when f.getReason() != null -> f.getReason() + ": " + f.getFile();
            default -> String.valueOf(e.getMessage());
        };
    }

    /** One message for a failed run: the data set or file and what is wrong with it, else the exception itself. */
    private static String describe(Throwable ex, boolean tracing) {
        if (ex instanceof DatasetNotFoundException) return ex.getMessage();
        if (ex instanceof UncheckedIOException io) {
            return io.getCause() instanceof MalformedDataException bad ? bad.getMessage() : io.getCause().toString();
        }
        if (ex instanceof OutOfMemoryError) return "out of memory (" + ex.getMessage() + "); give Java more heap, e.g. JAVA_TOOL_OPTIONS=-Xmx8g";
        return ex + (tracing ? "" : " (run with --verbose or NABLA_DEBUG=1 for the stack trace)");
    }

    /** Runs one exercise and prints its pictures, its seconds per epoch and its RESULT line. */
    static Result runOne(Exercise e, Options options, PrintStream out) throws Exception {
        out.println("=== " + e.id() + ": " + e.title());
        Result r;
        try (var run = new Reproduction(e, options, out)) {
            r = e.run(run);
        }
        for (var p : r.pictures()) out.println("wrote " + p);
        if (!Double.isNaN(r.secondsPerEpoch())) out.printf(Locale.ROOT, "seconds per epoch: %.1f%n", r.secondsPerEpoch());
        out.println(r.line());
        return r;
    }

    /** Prints the problem and the usage; returns 2, the status of bad usage. */
    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        printUsage(err);
        return 2;
    }

    private static void printUsage(PrintStream to) {
        to.println("usage: nabla list");
        to.println("       nabla " + RunCommand.SYNTAX);
        to.println("       nabla graph ID [run options]   (a short run with --graph: --epochs 1 --limit 256 unless given)");
    }

    /** {@code graph ID ...}: a run with {@code --graph}, one epoch on 256 samples unless the options say otherwise. */
    static List<String> graphRun(List<String> args) {
        List<String> run = new ArrayList<>(args);
        if (!run.contains("--graph")) run.add("--graph");
        if (!run.contains("--epochs")) run.addAll(List.of("--epochs", "1"));
        if (!run.contains("--limit")) run.addAll(List.of("--limit", "256"));
        return run;
    }
}
