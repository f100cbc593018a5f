package dev.nabla.layers.callbacks;

import dev.nabla.layers.Callback;
import dev.nabla.layers.Training;

import java.nio.file.Path;
import java.util.Map;

/**
 * Saves the model's weights at the end of every epoch, or only when the monitored value is the best
 * so far ({@code saveBestOnly}), as Keras's {@code ModelCheckpoint} with {@code save_weights_only}.
 * "{epoch}" in the file name is replaced by the epoch number (from 1, as Keras formats it). Each
 * save is atomic ({@code Model.saveWeights}): an interrupted save leaves the previous file whole.
 */
public final class ModelCheckpoint implements Callback {
    private final String pattern;
    private final Monitor monitor;
    private final boolean saveBestOnly;
    private Training training;
    private double best;

    public ModelCheckpoint(Path file) {
        this(file, "val_loss", false, "auto");
    }

    public ModelCheckpoint(Path file, String monitor, boolean saveBestOnly, String mode) {
        this.pattern = file.toString();
        this.monitor = Monitor.of(monitor, mode);
        this.saveBestOnly = saveBestOnly;
    }

    @Override
    public void onTrainBegin(Training training) {
        this.training = training;
        best = monitor.worst();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (saveBestOnly) {
            double current = monitor.in(logs, "ModelCheckpoint");
            if (!monitor.improves(current, best, 0)) return;
            best = current;
        }
        training.model().saveWeights(Path.of(pattern.replace("{epoch}", String.valueOf(epoch))));
    }
}
