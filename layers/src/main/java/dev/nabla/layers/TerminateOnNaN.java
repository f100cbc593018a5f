package dev.nabla.layers;

import java.util.Map;

/** Stops training at the first batch whose loss is NaN or infinite, naming the epoch and batch (Keras's TerminateOnNaN). */
public final class TerminateOnNaN implements Callback {
    private Training training;

    @Override
    public void onTrainBegin(Training training) {
        this.training = training;
    }

    @Override
    public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
        double loss = logs.get("batch_loss");
        if (!Double.isFinite(loss)) {
            training.stop("epoch " + epoch + ", batch " + batch + ": invalid loss " + loss + ", terminating training");
        }
    }
}
