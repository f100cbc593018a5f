package dev.nabla.datasets.io;

import dev.nabla.datasets.MalformedDataException;

import java.util.Arrays;

/** Checks that an array read from a file has the shape of gray images: (count, height, width). */
final class ImageShape {
    private ImageShape() {
    }

    static int[] requireGrayImages(int[] shape, String what, String source) throws MalformedDataException {
        if (shape.length != 3 || shape[1] <= 0 || shape[2] <= 0) {
            throw new MalformedDataException(source, what + " has shape " + Arrays.toString(shape)
                    + ", expected (N, height, width) with height and width above 0");
        }
        return shape;
    }
}
