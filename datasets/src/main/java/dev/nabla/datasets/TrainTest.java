package dev.nabla.datasets;

/** A data set's training and test parts. */
public record TrainTest(LabeledImages train, LabeledImages test) {
}
