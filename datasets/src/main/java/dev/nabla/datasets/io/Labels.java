package dev.nabla.datasets.io;

import dev.nabla.datasets.MalformedDataException;

/** Checks class labels read from a file. */
final class Labels {
    private Labels() {
    }

    /** Unsigned label bytes as class indices, each required to be below {@code classes}. */
    static int[] check(byte[] labels, int classes, String source) throws MalformedDataException {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] & 0xFF;
        }
        return check(out, classes, source);
    }

    static int[] check(int[] labels, int classes, String source) throws MalformedDataException {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new MalformedDataException(source, "label " + labels[i] + " of record " + i + " is not a class index (0 to " + (classes - 1) + ")");
            }
        }
        return labels;
    }
}
