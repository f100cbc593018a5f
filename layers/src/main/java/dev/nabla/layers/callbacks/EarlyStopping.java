package dev.nabla.layers.callbacks;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.Callback;
import dev.nabla.layers.Training;

import java.util.List;
import java.util.Map;

/**
 * Stops training when the monitored value has not improved by more than {@code minDelta} for
 * {@code patience} epochs, as Keras's {@code EarlyStopping}; with {@code restoreBestWeights}, the
 * model gets back the weights of its best epoch when training ends (as Keras 3 does, whether or not
 * it stopped early). Defaults are Keras's: val_loss, min_delta 0, patience 0, mode auto.
 */
public final class EarlyStopping implements Callback {
    private final Monitor monitor;
    private final double minDelta;
    private final int patience;
    private final boolean restoreBestWeights;
    private Training training;
    private double best;
    private int wait, bestEpoch, stoppedEpoch;
    private List<Tensor> bestWeights;

    public EarlyStopping() {
        this("val_loss", 0, 0, "auto", false);
    }

    public EarlyStopping(String monitor, double minDelta, int patience, String mode, boolean restoreBestWeights) {
        if (patience < 0) throw new IllegalArgumentException("EarlyStopping: patience must be ≥ 0, got " + patience);
        this.monitor = Monitor.of(monitor, mode);
        this.minDelta = minDelta;
        this.patience = patience;
        this.restoreBestWeights = restoreBestWeights;
    }

    @Override
    public void onTrainBegin(Training training) {
        this.training = training;
        best = monitor.worst();
        wait = bestEpoch = stoppedEpoch = 0;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        double current = monitor.in(logs, "EarlyStopping");
        if (restoreBestWeights && bestWeights == null) bestWeights = training.model().getWeights();
        wait++;
        if (monitor.improves(current, best, minDelta)) {
            best = current;
            bestEpoch = epoch;
            if (restoreBestWeights) bestWeights = training.model().getWeights();
            wait = 0;
            return;
        }
        if (wait >= patience && epoch > 1) {
            stoppedEpoch = epoch;
            training.stop("epoch " + epoch + ": early stopping (" + monitor.key() + " best " + best + " at epoch " + bestEpoch + ")");
        }
    }

    @Override
    public void onTrainEnd() {
        if (restoreBestWeights && bestWeights != null) training.model().setWeights(bestWeights);
    }

    /** The epoch (from 1) with the best monitored value. */
    public int bestEpoch() { return bestEpoch; }

    /** The epoch training stopped at, or 0 if it ran to the end. */
    public int stoppedEpoch() { return stoppedEpoch; }
}
