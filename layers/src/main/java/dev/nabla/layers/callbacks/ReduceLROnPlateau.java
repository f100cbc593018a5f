package dev.nabla.layers.callbacks;

import dev.nabla.layers.Callback;
import dev.nabla.layers.Training;

import java.util.Map;

/**
 * Multiplies the learning rate by {@code factor} when the monitored value has not improved by more
 * than {@code minDelta} for {@code patience} epochs, then waits {@code cooldown} epochs before
 * counting again, never going below {@code minLr}; as Keras's {@code ReduceLROnPlateau}, with its
 * defaults (val_loss, factor 0.1, patience 10, min_delta 1e-4, cooldown 0, min_lr 0). The epoch logs
 * gain "lr", the rate the epoch ran with.
 */
public final class ReduceLROnPlateau implements Callback {
    private final Monitor monitor;
    private final double factor, minDelta, minLr;
    private final int patience, cooldown;
    private Training training;
    private double best;
    private int wait, cooldownCounter;

    public ReduceLROnPlateau() {
        this("val_loss", 0.1, 10, "auto", 1e-4, 0, 0);
    }

    public ReduceLROnPlateau(String monitor, double factor, int patience, String mode, double minDelta, int cooldown, double minLr) {
        if (!(factor < 1) || !(factor > 0)) throw new IllegalArgumentException("ReduceLROnPlateau: factor must be in (0, 1), got " + factor);
        this.monitor = Monitor.of(monitor, mode);
        this.factor = factor;
        this.patience = patience;
        this.minDelta = minDelta;
        this.cooldown = cooldown;
        this.minLr = minLr;
    }

    @Override
    public void onTrainBegin(Training training) {
        this.training = training;
        best = monitor.worst();
        wait = cooldownCounter = 0;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        float lr = training.model().optimizer().learningRate();
        logs.put("lr", (double) lr);
        double current = monitor.in(logs, "ReduceLROnPlateau");
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        if (monitor.improves(current, best, minDelta)) {
            best = current;
            wait = 0;
        } else if (cooldownCounter == 0 && ++wait >= patience && lr > (float) minLr) {
            training.model().optimizer().learningRate((float) Math.max(lr * factor, minLr));
            cooldownCounter = cooldown;
            wait = 0;
        }
    }
}
