package dev.nabla.layers;

import dev.nabla.engine.Tensor;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
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
    Tensor validationX, validationY, validationWeight;
    Tensor sampleWeight;
    ClassWeights classWeights;
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
        return validationData(x, y, null);
    }

    /** Validation data with one weight per sample (null for none), Keras's {@code validation_data=(x, y, w)}. */
    public Fit validationData(Tensor x, Tensor y, Tensor sampleWeight) {
        this.validationX = x;
        this.validationY = y;
        this.validationWeight = sampleWeight;
        return this;
    }

    /**
     * Keras's {@code sample_weight}: one weight per training sample, shape (samples), shuffled
     * with x and y; each batch's loss is the mean over the batch of weight × sample loss (see
     * {@link dev.nabla.layers.losses.Loss#compute(Tensor, Tensor, Tensor)}). Not with class weights.
     */
    public Fit sampleWeight(Tensor weights) {
        if (classWeights != null) throw new IllegalArgumentException("Fit: give sample weights or class weights, not both (as Keras)");
        this.sampleWeight = Objects.requireNonNull(weights, "Fit: sample weights");
        return this;
    }

    /**
     * Keras's {@code class_weight}: a weight for each class index 0 … K − 1, which weighs each
     * training sample by its class in y (the argmax of a one-hot row, or the index of a sparse
     * label); y must hold class labels. Validation is not weighted. Not with sample weights.
     */
    public Fit classWeight(Map<Integer, Double> weights) {
        if (sampleWeight != null) throw new IllegalArgumentException("Fit: give sample weights or class weights, not both (as Keras)");
        this.classWeights = new ClassWeights(Objects.requireNonNull(weights, "Fit: class weights"));
        return this;
    }

    /**
     * Keras's {@code validation_split}: the last {@code fraction} of the samples (and of their
     * sample weights), taken before any shuffling, are held out and used as validation data;
     * ignored when validation data is given.
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
