package dev.nabla.datasets.io;

import dev.nabla.datasets.DatasetCatalog;
import dev.nabla.datasets.LabeledImages;
import dev.nabla.datasets.MalformedDataException;
import dev.nabla.datasets.pickle.ElementType;
import dev.nabla.datasets.pickle.NdArray;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the {@code mnist.pkl} of the Applied Unsupervised Learning book: a pickled dict
 * {@code {'images': uint8 (N, 28, 28), 'labels': int64 (N,)}}, at any protocol from 2 to 5.
 */
public final class MnistPickleReader {
    private MnistPickleReader() {
    }

    public static LabeledImages read(Path file) throws IOException {
        PickledDict dict = PickledDict.load(file);
        NdArray images = dict.array("images", ElementType.UINT8);
        int[] shape = ImageShape.requireGrayImages(images.shape(), "'images'", dict.source());
        int[] labels = dict.ints("labels");
        if (labels.length != shape[0]) {
            throw new MalformedDataException(dict.source(), labels.length + " labels for " + shape[0] + " images");
        }
        DatasetCatalog mnist = DatasetCatalog.MNIST;
        Labels.check(labels, mnist.classNames().size(), dict.source());
        return LabeledImages.adopt(images.toByteArray(), labels, shape[0], shape[1], shape[2], 1, mnist.classNames(), mnist.description());
    }
}
