package dev.nabla.layers.callbacks;

import dev.nabla.layers.Callback;
import dev.nabla.layers.Training;

/**
 * Sets the learning rate at the start of every epoch from {@code schedule(epoch, lr)}, with the
 * epoch counted from 0 as Keras's {@code LearningRateScheduler} passes it.
 */
public final class LearningRateScheduler implements Callback {
    /** The new rate for an epoch (from 0) given the current one. */
    @FunctionalInterface
    public interface Schedule {
        float at(int epoch, float lr);
    }

    private final Schedule schedule;
    private Training training;

    public LearningRateScheduler(Schedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public void onTrainBegin(Training training) {
        this.training = training;
    }

    @Override
    public void onEpochBegin(int epoch) {
        var optimizer = training.model().optimizer();
        optimizer.learningRate(schedule.at(epoch - 1, optimizer.learningRate()));
    }
}
