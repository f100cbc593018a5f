package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.GradMode;
import dev.nabla.layers.losses.Loss;
import dev.nabla.layers.losses.Metric;
import dev.nabla.optim.Optimizer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Keras's training loop: per epoch, shuffle, then for each batch forward in training mode, loss
 * plus the layers' added losses, backward, optimizer step. The reported loss and metrics are
 * running means over the epoch's samples (Keras weights each batch by its size, so a smaller last
 * batch counts less); validation runs after the epoch in inference mode, regularisation included.
 * The first non-finite batch loss that no callback stops at is reported once on standard error
 * (as PyTorch's anomaly mode does; Keras says nothing), since every later loss will be NaN too.
 */
final class Trainer {
    private final Model model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final List<Metric> metrics;

    Trainer(Model model) {
        this.model = model;
        this.loss = model.loss();
        this.optimizer = model.optimizer();
        this.metrics = model.metrics();
    }

    History fit(Tensor x, Tensor y, Fit fit) {
        check("fit", x, y);
        if (fit.validationX != null) check("fit (validation data)", fit.validationX, fit.validationY);
        Tensor xc = x.contiguous(), yc = y.contiguous();
        List<Tensor> params = model.trainableWeights();
        int n = x.dim(0), steps = (n + fit.batchSize - 1) / fit.batchSize;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom shuffler = new SplittableRandom(fit.seed);
        float[] xBuf = new float[fit.batchSize * (x.size() / n)], yBuf = new float[fit.batchSize * (y.size() / n)];

        History history = new History();
        Training training = new Training(model);
        fit.callbacks.forEach(c -> c.onTrainBegin(training));
        boolean warnedNonFinite = false;
        for (int epoch = 1; epoch <= fit.epochs && !training.stopped(); epoch++) {
            if (fit.shuffle) shuffle(order, shuffler);
            final int e = epoch;
            fit.callbacks.forEach(c -> c.onEpochBegin(e));
            ProgressBar bar = fit.verbose ? ProgressBar.start(epoch, fit.epochs, steps) : null;
            Means means = new Means();
            for (int step = 0; step < steps && !training.stopped(); step++) {
                int from = step * fit.batchSize, to = Math.min(n, from + fit.batchSize);
                Tensor xb = Batches.gather(xc, order, from, to, xBuf), yb = Batches.gather(yc, order, from, to, yBuf);
                Tensor pred = model.call(xb, true);
                Tensor total = totalLoss(yb, pred);
                for (Tensor p : params) p.zeroGrad();
                total.backward();
                optimizer.step(params);
                double batchLoss = total.item();
                means.add("loss", batchLoss, to - from);
                for (Metric m : metrics) means.add(m.name(), m.compute(yb, pred), to - from);
                Map<String, Double> logs = means.values();
                logs.put("batch_loss", batchLoss);
                final int b = step + 1;
                fit.callbacks.forEach(c -> c.onBatchEnd(e, b, logs));
                if (!warnedNonFinite && !Double.isFinite(batchLoss) && !training.stopped()) {
                    warnedNonFinite = true;
                    System.err.println("warning: epoch " + e + ", batch " + b + ": loss is " + batchLoss
                            + "; training goes on (give TerminateOnNaN as a callback to stop at the first non-finite loss)");
                }
                if (bar != null) bar.update(step + 1, means.values());
            }
            Map<String, Double> logs = means.values();
            if (fit.validationX != null) {
                evaluate(fit.validationX, fit.validationY, fit.batchSize).forEach((k, v) -> logs.put("val_" + k, v));
            }
            if (bar != null) bar.finish(logs);
            history.record(logs);
            fit.callbacks.forEach(c -> c.onEpochEnd(e, logs));
        }
        if (training.stopped()) {
            history.stopped(training.stopReason());
            if (fit.verbose) System.out.println(training.stopReason());
        }
        return history;
    }

    Map<String, Double> evaluate(Tensor x, Tensor y, int batchSize) {
        check("evaluate", x, y);
        Tensor xc = x.contiguous(), yc = y.contiguous();
        Means means = new Means();
        try (var s = GradMode.noGrad()) {
            for (int from = 0; from < x.dim(0); from += batchSize) {
                int to = Math.min(x.dim(0), from + batchSize);
                Tensor yb = Batches.range(yc, from, to);
                Tensor pred = model.call(Batches.range(xc, from, to), false);
                means.add("loss", totalLoss(yb, pred).item(), to - from);
                for (Metric m : metrics) means.add(m.name(), m.compute(yb, pred), to - from);
            }
        }
        return means.values();
    }

    private Tensor totalLoss(Tensor y, Tensor pred) {
        Tensor total = loss.compute(y, pred);
        for (Tensor l : model.losses()) total = total.add(l);
        return total;
    }

    /** Fails before any training on mismatched sample counts, shapes or targets. */
    private void check(String where, Tensor x, Tensor y) {
        if (x == null || y == null) throw new IllegalArgumentException(where + ": x and y must both be given");
        if (x.rank() < 1 || y.rank() < 1) throw new IllegalArgumentException(where + ": x and y need a sample axis first");
        if (x.dim(0) != y.dim(0)) {
            throw new IllegalArgumentException(where + ": x has " + x.dim(0) + " samples but y has " + y.dim(0));
        }
        if (x.dim(0) == 0) throw new IllegalArgumentException(where + ": no samples");
        int[] sample = Batches.sampleShape(x);
        model.build(sample);
        int[] out = model.computeOutputShape(sample), target = Batches.sampleShape(y);
        if (!Arrays.equals(out, target)) {
            throw new IllegalArgumentException(where + ": model '" + model.name() + "' maps inputs " + Layer.batchShape(sample)
                    + " to outputs " + Layer.batchShape(out) + " but y has shape " + Layer.batchShape(target));
        }
        try {
            loss.validateTargets(y);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Sample-weighted running means, in the order first added. */
    private static final class Means {
        private final Map<String, double[]> sums = new LinkedHashMap<>();

        void add(String key, double batchMean, int count) {
            double[] s = sums.computeIfAbsent(key, k -> new double[2]);
            s[0] += batchMean * count;
            s[1] += count;
        }

        Map<String, Double> values() {
            Map<String, Double> out = new LinkedHashMap<>();
            sums.forEach((k, s) -> out.put(k, s[0] / s[1]));
            return out;
        }
    }
}
