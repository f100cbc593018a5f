package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.GradMode;
import dev.nabla.engine.kernels.Arena;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Keras's fit and evaluate loops around {@link Model#trainStep} and {@link Model#testStep}. Per
 * epoch: shuffle, then one training step per batch. The reported loss and metrics are running
 * means over the epoch's samples (Keras weights each batch by its size, so a smaller last batch
 * counts less); validation runs after the epoch, batch by batch in inference mode without
 * gradients, regularisation included.
 */
final class Trainer {
    private final Model model;
    /** The memory of one step, recycled for the next: a step's results leave it as numbers. */
    private final Arena arena = new Arena();

    Trainer(Model model) {
        this.model = model;
    }

    History fit(Tensor x, Tensor y, Fit fit) {
        DataCheck.check(model, "fit", x, y);
        Tensor w = fit.sampleWeight;
        DataCheck.checkWeights("fit", w, x);
        Tensor validationX = fit.validationX, validationY = fit.validationY, validationW = fit.validationWeight;
        if (validationX == null && fit.validationSplit > 0) {
            // Keras: split_at = int(n · (1 − validation_split)); the tail, before shuffling, validates
            int n = x.dim(0), splitAt = (int) (n * (1 - fit.validationSplit));
            if (splitAt == 0) {
                throw new IllegalArgumentException("fit: a validation split of " + fit.validationSplit + " leaves " + splitAt + " of " + n + " samples for training");
            }
            validationX = x.slice(0, splitAt, n);
            validationY = y.slice(0, splitAt, n);
            validationW = w == null ? null : w.slice(0, splitAt, n);
            x = x.slice(0, 0, splitAt);
            y = y.slice(0, 0, splitAt);
            w = w == null ? null : w.slice(0, 0, splitAt);
        }
        if (fit.classWeights != null) w = fit.classWeights.sampleWeights(y);
        ShuffledBatches batches = new ShuffledBatches(x, y, w, fit.batchSize, fit.seed);
        return loop(fit, epoch -> {
            if (fit.shuffle) batches.shuffle();
            return batches;
        }, batches.count(), validation("fit (validation data)", validationX, validationY, validationW));
    }

    /**
     * {@code fit} on batches from an iterable, as Keras's fit on a dataset: every epoch iterates
     * it anew, in its own order (no shuffling, no batch size); its first batch's shapes are
     * checked against the model before training, unless it has no targets (then what the
     * batches hold is the model's own {@link Model#trainStep}'s business). Sample weights come
     * with the batches.
     */
    History fit(Iterable<Batch> data, Fit fit) {
        if (fit.sampleWeight != null || fit.classWeights != null) {
            throw new IllegalArgumentException("fit on batches: give sample weights in each Batch(x, y, sampleWeight), not in Fit");
        }
        Iterator<Batch> first = data.iterator();
        if (!first.hasNext()) throw new IllegalArgumentException("fit: the batches are empty");
        Batch b = first.next();
        if (b.y() != null) DataCheck.check(model, "fit (first batch)", b.x(), b.y());
        int steps = data instanceof Collection<?> c ? c.size() : -1;
        return loop(fit, epoch -> data, steps, validation("fit (validation data)", fit.validationX, fit.validationY, fit.validationWeight));
    }

    /** The validation data as one checked batch, or null when there is none. */
    private Batch validation(String where, Tensor x, Tensor y, Tensor w) {
        if (x == null && y == null && w == null) return null;
        DataCheck.check(model, where, x, y);
        DataCheck.checkWeights(where, w, x);
        return new Batch(x, y, w);
    }

    /** The epochs: each one's batches, validation, callbacks and history. {@code steps} is −1 when unknown. */
    private History loop(Fit fit, IntFunction<Iterable<Batch>> epochData, int steps, Batch validation) {
        History history = new History();
        Training training = new Training(model);
        NonFiniteWarning warning = new NonFiniteWarning();
        fit.callbacks.forEach(c -> c.onTrainBegin(training));
        if (training.resumedFrom() != null && fit.verbose) {
            fit.output.println("Resuming after epoch " + training.epochsDone() + " from " + training.resumedFrom());
        }
        // the epochs done before: their shuffles again (each follows from the last), without training
        for (int epoch = 1; epoch <= Math.min(training.epochsDone(), fit.epochs); epoch++) epochData.apply(epoch);
        for (int epoch = training.epochsDone() + 1; epoch <= fit.epochs && !training.stopped(); epoch++) {
            final int e = epoch;
            Iterable<Batch> batches = epochData.apply(epoch);
            fit.callbacks.forEach(c -> c.onEpochBegin(e));
            ProgressBar bar = fit.verbose ? ProgressBar.start(fit.output, epoch, fit.epochs, steps) : null;
            int[] done = {0};
            Map<String, Double> logs = trainEpoch(fit, epoch, batches, training, warning, bar, done);
            if (validation != null) {
                evaluate(validation.x(), validation.y(), validation.sampleWeight(), fit.batchSize).forEach((k, v) -> logs.put("val_" + k, v));
            }
            if (bar != null) bar.finish(done[0], logs);
            fit.callbacks.forEach(c -> c.onEpochEnd(e, logs));
            history.record(epoch, logs);                // after the callbacks, as Keras's History: it keeps the "lr" they add
        }
        fit.callbacks.forEach(Callback::onTrainEnd);
        if (training.stopped()) {
            history.stopped(training.stopReason());
            if (fit.verbose) fit.output.println(training.stopReason());
        }
        return history;
    }

    /** One epoch's training steps, until the last batch or a callback's stop; returns the epoch's running means. */
    private Map<String, Double> trainEpoch(Fit fit, int epoch, Iterable<Batch> batches, Training training,
                                           NonFiniteWarning warning, ProgressBar bar, int[] done) {
        RunningMeans means = new RunningMeans();
        Iterator<Batch> it = batches.iterator();
        for (int step = 0; it.hasNext() && !training.stopped(); step++) {
            Batch batch = it.next();
            Map<String, Double> stepLogs;
            try (var memory = arena.open()) {
                stepLogs = model.trainStep(batch.x(), batch.y(), batch.sampleWeight());
            }
            double batchLoss = batchLoss(stepLogs);
            means.add(stepLogs, batch.size());
            Map<String, Double> logs = means.values();
            logs.put("batch_loss", batchLoss);
            final int b = step + 1;
            done[0] = b;
            fit.callbacks.forEach(c -> c.onBatchEnd(epoch, b, logs));
            warning.check(epoch, b, batchLoss, training);
            if (bar != null) bar.update(b, means.values());
        }
        return means.values();
    }

    /** Loss and metrics over (x, y), the loss weighted by w (one weight per sample, or null), in batches without gradients. */
    Map<String, Double> evaluate(Tensor x, Tensor y, Tensor w, int batchSize) {
        DataCheck.check(model, "evaluate", x, y);
        DataCheck.checkWeights("evaluate", w, x);
        Tensor xc = x.contiguous(), yc = y.contiguous(), wc = w == null ? null : w.contiguous();
        RunningMeans means = new RunningMeans();
        try (var s = GradMode.noGrad()) {
            for (int from = 0; from < x.dim(0); from += batchSize) {
                int to = Math.min(x.dim(0), from + batchSize);
                Map<String, Double> stepLogs;
                try (var memory = arena.open()) {
                    stepLogs = model.testStep(Batches.range(xc, from, to), Batches.range(yc, from, to),
                            wc == null ? null : Batches.range(wc, from, to));
                }
                means.add(stepLogs, to - from);
            }
        }
        return means.values();
    }

    /**
     * The batch's loss, which the non-finite checks watch: its "loss", or for a step of one's own
     * that logs several losses instead (a GAN's "d_loss" and "g_loss") their sum, which is
     * finite only when each of them is.
     */
    private static double batchLoss(Map<String, Double> stepLogs) {
        if (stepLogs.containsKey("loss")) return stepLogs.get("loss");
        double sum = 0;
        boolean any = false;
        for (var log : stepLogs.entrySet()) {
            if (!log.getKey().endsWith("_loss")) continue;
            sum += log.getValue();
            any = true;
        }
        if (!any) throw new IllegalStateException("trainStep must return the batch's \"loss\" (or losses named \"..._loss\"); it returned " + stepLogs.keySet());
        return sum;
    }
}
