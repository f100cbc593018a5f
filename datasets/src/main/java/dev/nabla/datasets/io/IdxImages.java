package dev.nabla.datasets.io;

import dev.nabla.datasets.DatasetCatalog;
import dev.nabla.datasets.LabeledImages;
import dev.nabla.datasets.MalformedDataException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/** Pairs an IDX image file (N, H, W) with its IDX label file (N) as {@link LabeledImages}. */
public final class IdxImages {
    private IdxImages() {
    }

    /** Reads images and labels of an MNIST-style data set; labels must be class indices of {@code catalog}. */
    public static LabeledImages read(Path imagesFile, Path labelsFile, DatasetCatalog catalog) throws IOException {
        IdxArray images = IdxReader.read(imagesFile);
        IdxArray labels = IdxReader.read(labelsFile);
        int[] shape = ImageShape.requireGrayImages(images.shape(), "image array", imagesFile.toString());
        if (labels.shape().length != 1 || labels.shape()[0] != shape[0]) {
            throw new MalformedDataException(labelsFile.toString(), "label array has shape " + Arrays.toString(labels.shape())
                    + " but " + imagesFile.getFileName() + " has " + shape[0] + " images");
        }
        int[] classes = Labels.check(labels.data(), catalog.classNames().size(), labelsFile.toString());
        return LabeledImages.adopt(images.data(), classes, shape[0], shape[1], shape[2], 1, catalog.classNames(), catalog.description());
    }
}
