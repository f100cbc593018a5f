package dev.nabla.layers;

import java.util.Map;

/** Hooks into {@link Model#fit}; epochs and batches are numbered from 1, as Keras prints them. */
public interface Callback {
    default void onTrainBegin(Training training) {}

    default void onEpochBegin(int epoch) {}

    /** After a batch's update; logs hold the running epoch means so far and "batch_loss". */
    default void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {}

    default void onEpochEnd(int epoch, Map<String, Double> logs) {}

    /** After the last epoch, or after the epoch a callback stopped training in. */
    default void onTrainEnd() {}
}
