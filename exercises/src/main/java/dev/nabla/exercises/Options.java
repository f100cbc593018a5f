package dev.nabla.exercises;

import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Command-line options of {@code run}.
 *
 * @param epochs overrides the exercise's epoch count
 * @param limit  trains on the first {@code limit} training samples (and a proportional validation subset)
 * @param seed   seeds weight initialisation, shuffling and noise
 * @param out    where the pictures go; {@code null} means {@code out/ID/}
 * @param inspect what to look at inside training besides its figure ({@link Inspection})
 * @param backup  where each fit keeps its {@code BackupAndRestore} backup ({@code DIR/fit-N}), or null for none
 */
public record Options(OptionalInt epochs, OptionalInt limit, long seed, Path out, Set<Inspection> inspect, Path backup) {
    public Options {
        inspect = Set.copyOf(inspect);
    }

    public Options(OptionalInt epochs, OptionalInt limit, long seed, Path out, Set<Inspection> inspect) {
        this(epochs, limit, seed, out, inspect, null);
    }

    public Options(OptionalInt epochs, OptionalInt limit, long seed, Path out) {
        this(epochs, limit, seed, out, Set.of());
    }

    public static final long DEFAULT_SEED = 42;

    public static Options defaults() {
        return new Options(OptionalInt.empty(), OptionalInt.empty(), DEFAULT_SEED, null);
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

    public boolean inspects(Inspection what) {
        return inspect.contains(what);
    }

    public Path outFor(String id) {
        return out != null ? out : Path.of("out", id);
    }

    public Options withOut(Path dir) {
        return new Options(epochs, limit, seed, dir, inspect, backup);
    }

}
