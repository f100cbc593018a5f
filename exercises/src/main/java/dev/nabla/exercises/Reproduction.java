package dev.nabla.exercises;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.layers.BackupAndRestore;
import dev.nabla.layers.Batch;
import dev.nabla.layers.Callback;
import dev.nabla.layers.Fit;
import dev.nabla.layers.History;
import dev.nabla.layers.LayerScope;
import dev.nabla.layers.Model;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One run of an exercise: the models it builds take their weights and names from a
 * {@link LayerScope} seeded with {@code --seed}, open until the run is closed; it trains with the
 * books' {@code fit} defaults (batch 32 unless the book sets one, shuffled every epoch,
 * Keras-style progress), times the epochs, names and collects the pictures, and builds the
 * {@link Result}. Everything the run prints, progress and summaries included, goes to one stream.
 */
public final class Reproduction implements AutoCloseable {
    private final Exercise exercise;
    private final Options options;
    private final PrintStream out;
    private final LayerScope scope;
    private final List<Path> pictures = new ArrayList<>();
    private final List<double[]> losses = new ArrayList<>();
    private final EpochTimer timer = new EpochTimer();

    Reproduction(Exercise exercise, Options options, PrintStream out) {
        this.exercise = exercise;
        this.options = options;
        this.out = out;
        this.scope = LayerScope.open(options.seed());
    }

    public Options options() {
        return options;
    }

    /** Where the run prints: its progress, summaries and figures. */
    public PrintStream out() {
        return out;
    }

    /** The epochs to train: the book's count unless {@code --epochs} overrides it. */
    public int epochs(int bookEpochs) {
        return options.epochsOr(bookEpochs);
    }

    /** {@code model.fit(x, y, epochs=…, batch_size=32, validation_data=(xv, yv))}; {@code xv} may be null. */
    public History fit(Model model, Tensor x, Tensor y, int bookEpochs, Tensor xv, Tensor yv) {
        return fit(model, x, y, bookEpochs, Fit.DEFAULT_BATCH_SIZE, xv, yv);
    }

    /** The same with the book's {@code batch_size}. */
    public History fit(Model model, Tensor x, Tensor y, int bookEpochs, int batchSize, Tensor xv, Tensor yv) {
        Fit fit = Fit.epochs(epochs(bookEpochs)).batchSize(batchSize).shuffle(true).seed(options.seed());
        if (xv != null) fit.validationData(xv, yv);
        if (options.inspects(Inspection.GRAPH) && losses.isEmpty()) inspector().graph(model, x, y, batchSize);
        return train(fit, f -> model.fit(x, y, f), "loss");
    }

    /**
     * {@code model.fit(dataset, epochs=…)} on batches the exercise makes itself, for a model that
     * trains with a step of its own (a GAN's); {@code callbacks} run beside the run's own. The
     * history's {@code lossKey} is recorded as the fit's training loss. {@code --graph} draws
     * compiled training steps only, so it draws nothing here.
     */
    public History fit(Model model, Iterable<Batch> dataset, int bookEpochs, String lossKey, Callback... callbacks) {
        if (options.inspects(Inspection.GRAPH)) say("--graph: %s trains with a step of its own, which --graph does not draw", exercise.id());
        return train(Fit.epochs(epochs(bookEpochs)), f -> model.fit(dataset, f), lossKey, callbacks);
    }

    /**
     * Runs one fit with the run's progress, timing, inspections and, with {@code --backup}, its
     * {@link BackupAndRestore} under {@code DIR/fit-N}; records its history.
     */
    private History train(Fit fit, Function<Fit, History> fitting, String lossKey, Callback... callbacks) {
        List<Callback> all = new ArrayList<>(List.of(timer));
        all.addAll(List.of(callbacks));
        if (options.backup() != null) all.add(new BackupAndRestore(options.backup().resolve("fit-" + (losses.size() + 1))));
        Inspector.GradientFlow flow = new Inspector.GradientFlow();
        if (options.inspects(Inspection.GRAD_FLOW)) all.add(flow);
        fit.verbose(true).output(out).callbacks(all.toArray(Callback[]::new));
        History history;
        try (var anomaly = Autograd.detectAnomaly(options.inspects(Inspection.ANOMALY))) {
            history = options.inspects(Inspection.PROFILE) ? inspector().profile(() -> fitting.apply(fit)) : fitting.apply(fit);
        }
        losses.add(history.get(lossKey));
        if (options.inspects(Inspection.GRAD_FLOW)) inspector().gradientFlow(flow, losses.size());
        writeHistory(history);
        return history;
    }

    private Inspector inspector() {
        return new Inspector(options.outFor(exercise.id()), exercise.id(), out);
    }

    /**
     * Appends this fit's logs to {@code OUT/ID-history.tsv} at full precision (one row per epoch,
     * numbered by fit call), so that two runs can be compared bit for bit.
     */
    private void writeHistory(History history) {
        Path file = options.outFor(exercise.id()).resolve(exercise.id() + "-history.tsv");
        StringBuilder rows = new StringBuilder();
        if (losses.size() == 1) rows.append("fit\tepoch\t").append(String.join("\t", history.asMap().keySet())).append('\n');
        for (int e = 0; e < history.epochs(); e++) {
            rows.append(losses.size()).append('\t').append(history.epochNumbers().get(e));
            for (List<Double> v : history.asMap().values()) rows.append('\t').append(v.get(e));
            rows.append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, rows, losses.size() == 1 ? new OpenOption[0] : new OpenOption[] {StandardOpenOption.APPEND});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training history " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code model.fit(x, y, epochs=…)} without validation data. */
    public History fit(Model model, Tensor x, Tensor y, int bookEpochs) {
        return fit(model, x, y, bookEpochs, null, null);
    }

    /** The file for a picture named {@code name}, recorded for the result: {@code OUT/ID-name.png}. */
    public Path picture(String name) {
        Path p = options.outFor(exercise.id()).resolve(exercise.id() + "-" + name + ".png");
        pictures.add(p);
        return p;
    }

    /** Prints a line of the exercise's own output (figures beyond the progress bars). */
    public void say(String format, Object... args) {
        out.printf(Locale.ROOT, format + "%n", args);
    }

    public Result result(double figure) {
        return new Result(exercise.id(), exercise.target(), figure, pictures, timer.meanSeconds(), losses);
    }

    /** Closes the run's layer scope. */
    @Override
    public void close() {
        scope.close();
    }

    /** Wall-clock seconds per epoch, from the start of an epoch to the end of its validation. */
    private static final class EpochTimer implements Callback {
        private long start, total;
        private int epochs;

        @Override
        public void onEpochBegin(int epoch) {
            start = System.nanoTime();
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            total += System.nanoTime() - start;
            epochs++;
        }

        double meanSeconds() {
            return epochs == 0 ? Double.NaN : total / 1e9 / epochs;
        }
    }
}
