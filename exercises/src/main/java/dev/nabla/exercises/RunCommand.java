package dev.nabla.exercises;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The arguments of {@code run}: one exercise id (or {@code all}) and the options, in any order,
 * each option at most once.
 * <pre>
 *   run ID|all [--epochs N] [--limit N] [--seed S] [--out DIR] [--backup DIR] [--graph] [--profile] [--grad-flow] [--anomaly] [--verbose]
 * </pre>
 *
 * @param id      the exercise id, or {@code all}
 * @param options the options of the run
 * @param verbose print the stack trace of a failure
 */
public record RunCommand(String id, Options options, boolean verbose) {
    static final String SYNTAX = "run ID|all [--epochs N] [--limit N] [--seed S] [--out DIR] [--backup DIR] [--graph] [--profile] [--grad-flow] [--anomaly] [--verbose]";

    /** @throws IllegalArgumentException naming the argument that is wrong */
    public static RunCommand parse(List<String> args) {
        OptionalInt epochs = OptionalInt.empty(), limit = OptionalInt.empty();
        long seed = Options.DEFAULT_SEED;
        Path out = null, backup = null;
        String id = null;
        boolean verbose = false;
        Set<Inspection> inspect = EnumSet.noneOf(Inspection.class);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                if (id != null) throw new IllegalArgumentException("run takes one exercise id, got '" + id + "' and '" + arg + "'");
                id = arg;
                continue;
            }
            if (!seen.add(arg)) throw new IllegalArgumentException("option " + arg + " is given twice");
            if (arg.equals("--verbose")) {
                verbose = true;
                continue;
            }
            if (Inspection.ofFlag(arg) != null) {
                inspect.add(Inspection.ofFlag(arg));
                continue;
            }
            if (!List.of("--epochs", "--limit", "--seed", "--out", "--backup").contains(arg)) {
                throw new IllegalArgumentException("unknown option " + arg
                        + " (expected --epochs N, --limit N, --seed S, --out DIR, --backup DIR, --graph, --profile, --grad-flow, --anomaly, --verbose)");
            }
            if (i + 1 >= args.size()) throw new IllegalArgumentException("option " + arg + " needs a value");
            String value = args.get(++i);
            switch (arg) {
                case "--epochs" -> epochs = OptionalInt.of(positive(arg, value));
                case "--limit" -> limit = OptionalInt.of(positive(arg, value));
                case "--seed" -> seed = parseLong(arg, value);
                case "--backup" -> backup = Path.of(value);
                default -> out = Path.of(value);
            }
        }
        if (id == null) throw new IllegalArgumentException("run needs an exercise id or 'all'");
        return new RunCommand(id, new Options(epochs, limit, seed, out, inspect, backup), verbose);
    }

    private static int positive(String flag, String value) {
        long v = parseLong(flag, value);
        if (v < 1 || v > Integer.MAX_VALUE) throw new IllegalArgumentException(flag + " must be a positive integer, got " + value);
        return (int) v;
    }

    private static long parseLong(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " expects an integer, got '" + value + "'");
        }
    }
}
