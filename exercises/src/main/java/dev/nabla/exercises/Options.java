package dev.nabla.exercises;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * Command-line options of {@code run}.
 *
 * @param epochs overrides the exercise's epoch count
 * @param limit  trains on the first {@code limit} training samples (and a proportional validation subset)
 * @param seed   seeds weight initialisation, shuffling and noise
 * @param out    where the pictures go; {@code null} means {@code out/ID/}
 */
public record Options(OptionalInt epochs, OptionalInt limit, long seed, Path out) {

    public static final long DEFAULT_SEED = 42;

    public static Options defaults() {
        return new Options(OptionalInt.empty(), OptionalInt.empty(), DEFAULT_SEED, null);
    }

    /** Parses {@code [--epochs N] [--limit N] [--seed S] [--out DIR]}. */
    public static Options parse(List<String> args) {
        OptionalInt epochs = OptionalInt.empty(), limit = OptionalInt.empty();
        long seed = DEFAULT_SEED;
        Path out = null;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (i + 1 >= args.size()) throw new IllegalArgumentException("option " + flag + " needs a value");
            String value = args.get(++i);
            switch (flag) {
                case "--epochs" -> epochs = OptionalInt.of(positive(flag, value));
                case "--limit" -> limit = OptionalInt.of(positive(flag, value));
                case "--seed" -> seed = parseLong(flag, value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + flag
                        + " (expected --epochs N, --limit N, --seed S, --out DIR)");
            }
        }
        return new Options(epochs, limit, seed, out);
    }

    /** The epoch count to train: the override if given, else the exercise's own. */
    public int epochsOr(int bookEpochs) {
        return epochs.orElse(bookEpochs);
    }

    /** The number of samples to use out of {@code available}: all of them, or the first {@code --limit}. */
    public int samples(int available) {
        return Math.min(available, limit.orElse(available));
    }

    /**
     * The size of a companion set (validation, test) when the training set of {@code trainAvailable}
     * samples is limited: the same proportion of its {@code available} samples, at least one.
     */
    public int proportional(int available, int trainAvailable) {
        if (limit.isEmpty() || limit.getAsInt() >= trainAvailable) return available;
        return Math.max(1, (int) ((long) available * limit.getAsInt() / trainAvailable));
    }

    public Path outFor(String id) {
        return out != null ? out : Path.of("out", id);
    }

    public Options withOut(Path dir) {
        return new Options(epochs, limit, seed, dir);
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
