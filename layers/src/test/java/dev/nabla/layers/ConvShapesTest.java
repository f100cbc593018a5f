package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Kernel and strides per axis, output_padding and 'same' pooling, with Keras's output shapes. */
class ConvShapesTest {
    @Test
    void conv2dTakesKernelAndStridesPerAxis() {
        Conv2D c = new Conv2D(4, new int[] {3, 5}, new int[] {1, 2}, "valid", Activation.LINEAR);
        // Keras: (10 − 3)/1 + 1 = 8 rows, ⌊(11 − 5)/2⌋ + 1 = 4 columns
        assertArrayEquals(new int[] {8, 4, 4}, c.computeOutputShape(new int[] {10, 11, 2}));
        c.build(10, 11, 2);
        assertArrayEquals(new int[] {3, 5, 2, 4}, c.kernel().shape());
        assertArrayEquals(new int[] {2, 8, 4, 4}, c.call(Tensor.zeros(2, 10, 11, 2), false).shape());
    }

    @Test
    void conv2dTransposeOutputPaddingPicksTheSize() {
        // Keras deconv_output_length: 'same', k 3, s 2: (7 − 1)·2 + 3 − 2 + p = 13 + p
        Conv2DTranspose t = new Conv2DTranspose(1, new int[] {3, 3}, new int[] {2, 2}, "same", new int[] {0, 1}, Activation.LINEAR);
        assertArrayEquals(new int[] {13, 14, 1}, t.computeOutputShape(new int[] {7, 7, 2}));
        assertArrayEquals(new int[] {1, 13, 14, 1}, t.call(Tensor.ones(1, 7, 7, 2), false).shape());
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2DTranspose(1, new int[] {3, 3}, new int[] {2, 2}, "same", new int[] {2, 0}, Activation.LINEAR));
        assertEquals("output_padding must be in [0, stride 2), got 2", e.getMessage());
    }

    @Test
    void maxPoolingSameKeepsTheCeiling() {
        assertArrayEquals(new int[] {4, 4, 3}, new MaxPool2D(2, 2, "same").computeOutputShape(new int[] {7, 7, 3}));
        assertArrayEquals(new int[] {3, 3, 3}, new MaxPool2D(2).computeOutputShape(new int[] {7, 7, 3}));
    }
}
