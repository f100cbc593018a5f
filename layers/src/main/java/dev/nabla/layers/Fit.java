package dev.nabla.layers;

import dev.nabla.engine.Tensor;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * Options for {@link Model#fit}, with Keras's defaults: batch 32, shuffled every epoch, verbose
 * (progress on standard output).
 * {@code Fit.epochs(10).batchSize(32).validationData(xv, yv).seed(42)}.
 */
public final class Fit {
    public static final int DEFAULT_BATCH_SIZE = 32;

    int epochs;
    int batchSize = DEFAULT_BATCH_SIZE;
    Tensor validationX, validationY;
    double validationSplit;
    boolean shuffle = true;
    long seed = 0;
    boolean verbose = true;
    PrintStream output = System.out;
    List<Callback> callbacks = List.of();

    private Fit(int epochs) {
        if (epochs < 1) throw new IllegalArgumentException("Fit: epochs must be ≥ 1, got " + epochs);
        this.epochs = epochs;
    }

    public static Fit epochs(int epochs) {
        return new Fit(epochs);
    }

    public Fit batchSize(int size) {
        if (size < 1) throw new IllegalArgumentException("Fit: batch size must be ≥ 1, got " + size);
        this.batchSize = size;
        return this;
    }

    public Fit validationData(Tensor x, Tensor y) {
        this.validationX = x;
        this.validationY = y;
        return this;
    }

    /**
     * Keras's {@code validation_split}: the last {@code fraction} of the samples, taken before any
     * shuffling, are held out and used as validation data; ignored when validation data is given.
     */
    public Fit validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) throw new IllegalArgumentException("Fit: validation split must be in [0, 1), got " + fraction);
        this.validationSplit = fraction;
        return this;
    }

    public Fit shuffle(boolean on) {
        this.shuffle = on;
        return this;
    }

    /** Seeds the order in which samples are shuffled. */
    public Fit seed(long seed) {
        this.seed = seed;
        return this;
    }

    public Fit verbose(boolean on) {
        this.verbose = on;
        return this;
    }

    /** Where the progress lines and the reason for an early stop are printed. */
    public Fit output(PrintStream out) {
        this.output = Objects.requireNonNull(out, "Fit: output");
        return this;
    }

    public Fit callbacks(Callback... callbacks) {
        this.callbacks = List.of(callbacks);
        return this;
    }
}
