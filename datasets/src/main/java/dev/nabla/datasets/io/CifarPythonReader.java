package dev.nabla.datasets.io;

import dev.nabla.datasets.DatasetCatalog;
import dev.nabla.datasets.LabeledImages;
import dev.nabla.datasets.MalformedDataException;
import dev.nabla.datasets.Preprocessing;
import dev.nabla.datasets.pickle.ElementType;
import dev.nabla.datasets.pickle.NdArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the CIFAR-10 "python version" ({@code cifar-10-batches-py/data_batch_N}, {@code test_batch},
 * {@code batches.meta}): Python 2 pickles of a dict with {@code data}, a uint8 numpy array of shape
 * (N, 3072) holding each image's red, green and blue planes, {@code labels}, {@code filenames} and
 * {@code batch_label}. Uses the safe {@link dev.nabla.datasets.pickle.Unpickler}.
 */
public final class CifarPythonReader {
    private CifarPythonReader() {
    }

    /** Reads a batch, naming classes with CIFAR-10's standard names. */
    public static CifarBatch read(Path file) throws IOException {
        return read(file, DatasetCatalog.CIFAR10.classNames());
    }

    /** Reads a batch, naming classes with {@code classNames} (e.g. from {@link #readClassNames}). */
    public static CifarBatch read(Path file, List<String> classNames) throws IOException {
        PickledDict dict = PickledDict.load(file);
        NdArray data = dict.array("data", ElementType.UINT8);
        int[] shape = data.shape();
        if (shape.length != 2 || shape[1] != CifarBinaryReader.IMAGE_BYTES) {
            throw new MalformedDataException(dict.source(), "'data' has shape " + Arrays.toString(shape) + ", expected (N, 3072)");
        }
        int count = shape[0];
        int[] labels = dict.ints("labels");
        if (labels.length != count) {
            throw new MalformedDataException(dict.source(), labels.length + " labels for " + count + " images");
        }
        Labels.check(labels, classNames.size(), dict.source());
        List<String> filenames = dict.stringsOrEmpty("filenames");
        if (!filenames.isEmpty() && filenames.size() != count) {
            throw new MalformedDataException(dict.source(), filenames.size() + " file names for " + count + " images");
        }
        int side = CifarBinaryReader.SIDE;
        byte[] hwc = Preprocessing.chwToHwc(data.toByteArray(), count, CifarBinaryReader.CHANNELS, side, side);
        LabeledImages images = LabeledImages.adopt(hwc, labels, count, side, side, CifarBinaryReader.CHANNELS, classNames,
                DatasetCatalog.CIFAR10.description());
        return new CifarBatch(dict.string("batch_label", ""), images, filenames);
    }

    /** The class names in {@code batches.meta} ({@code label_names}). */
    public static List<String> readClassNames(Path batchesMeta) throws IOException {
        PickledDict dict = PickledDict.load(batchesMeta);
        List<String> names = dict.stringsOrEmpty("label_names");
        if (names.isEmpty()) {
            throw new MalformedDataException(dict.source(), "no 'label_names' list");
        }
        return names;
    }
}
