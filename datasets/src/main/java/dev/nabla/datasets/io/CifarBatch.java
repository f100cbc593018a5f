package dev.nabla.datasets.io;

import dev.nabla.datasets.LabeledImages;

import java.util.List;

/**
 * One CIFAR-10 python-version batch: its label (e.g. "training batch 1 of 5"), its images
 * (channels-last) and the original file name of each image.
 */
public record CifarBatch(String batchLabel, LabeledImages images, List<String> filenames) {
    public CifarBatch {
        filenames = List.copyOf(filenames);
    }
}
