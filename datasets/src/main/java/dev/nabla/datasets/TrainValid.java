package dev.nabla.datasets;

/** A training set split into the images to train on and the images held out for validation. */
public record TrainValid(LabeledImages train, LabeledImages valid) {
}
