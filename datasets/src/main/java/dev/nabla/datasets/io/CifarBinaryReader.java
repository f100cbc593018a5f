package dev.nabla.datasets.io;

import dev.nabla.datasets.DatasetCatalog;
import dev.nabla.datasets.LabeledImages;
import dev.nabla.datasets.MalformedDataException;
import dev.nabla.datasets.Preprocessing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the CIFAR-10 "binary version" ({@code data_batch_N.bin}, {@code test_batch.bin}): a
 * sequence of 3,073-byte records, one label byte then 3,072 pixel bytes (the 32×32 red plane, then
 * green, then blue). Pixels are returned channels-last.
 */
public final class CifarBinaryReader {
    static final int SIDE = 32;
    static final int CHANNELS = 3;
    static final int IMAGE_BYTES = SIDE * SIDE * CHANNELS;
    private static final int RECORD = 1 + IMAGE_BYTES;

    private CifarBinaryReader() {
    }

    public static LabeledImages read(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0 || size % RECORD != 0) {
            throw new MalformedDataException(file.toString(), "size " + size + " is not a whole number of 3,073-byte CIFAR-10 records"
                    + (size > RECORD ? " (" + size / RECORD + " records and " + size % RECORD + " extra bytes)" : ""));
        }
        if (size / RECORD > Integer.MAX_VALUE / IMAGE_BYTES) {
            throw new MalformedDataException(file.toString(), "too large for one batch: " + size + " bytes");
        }
        byte[] raw = Files.readAllBytes(file);
        int count = raw.length / RECORD;
        byte[] labels = new byte[count];
        byte[] planes = new byte[count * IMAGE_BYTES];
        for (int i = 0; i < count; i++) {
            labels[i] = raw[i * RECORD];
            System.arraycopy(raw, i * RECORD + 1, planes, i * IMAGE_BYTES, IMAGE_BYTES);
        }
        DatasetCatalog cifar = DatasetCatalog.CIFAR10;
        int[] classes = Labels.check(labels, cifar.classNames().size(), file.toString());
        return LabeledImages.adopt(Preprocessing.chwToHwc(planes, count, CHANNELS, SIDE, SIDE), classes, count, SIDE, SIDE, CHANNELS,
                cifar.classNames(), cifar.description());
    }
}
