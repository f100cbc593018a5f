package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.nabla.layers.SummaryRows.assertRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvLayersTest {
    @BeforeEach
    void freshNames() {
        Layer.clearSession();
    }

    private static Tensor images(int n, int h, int w, int c) {
        return Tensor.uniform(new SplittableRandom(1), 0f, 1f, n, h, w, c);
    }

    /** AUL-5's convolutional autoencoders: conv → pool → conv → upsample → conv back to the input's channels. */
    private static Sequential aulAutoencoder(int filters, int... inputShape) {
        return new Sequential(new Conv2D(filters, 3, "same", Activation.RELU), new MaxPool2D(2),
                new Conv2D(filters, 3, "same", Activation.RELU), new UpSampling2D(2),
                new Conv2D(inputShape[2], 3, "same", Activation.SIGMOID)).inputShape(inputShape);
    }

    @Test
    void aulExercise23RgbAutoencoder() {
        Sequential ae = aulAutoencoder(32, 32, 32, 3);
        assertEquals(11_011, ae.countParams());
        assertRows(ae.summary(),
                "Conv2D|(None, 32, 32, 32)|896",
                "MaxPooling2D|(None, 16, 16, 32)|0",
                "Conv2D|(None, 16, 16, 32)|9248",
                "UpSampling2D|(None, 32, 32, 32)|0",
                "Conv2D|(None, 32, 32, 3)|867");
        Tensor y = ae.call(images(2, 32, 32, 3), false);
        assertArrayEquals(new int[] {2, 32, 32, 3}, y.shape());
        for (float v : y.toArray()) assertTrue(v > 0 && v < 1, "sigmoid output " + v);
    }

    @Test
    void aulActivity11MnistAutoencoder() {
        Sequential ae = aulAutoencoder(16, 28, 28, 1);
        assertEquals(2_625, ae.countParams());
        assertRows(ae.summary(),
                "Conv2D|(None, 28, 28, 16)|160",
                "MaxPooling2D|(None, 14, 14, 16)|0",
                "Conv2D|(None, 14, 14, 16)|2320",
                "UpSampling2D|(None, 28, 28, 16)|0",
                "Conv2D|(None, 28, 28, 1)|145");
    }

    @Test
    void homlConvolutionalAutoencoder() {
        Sequential encoder = new Sequential(new Reshape(28, 28, 1),
                new Conv2D(16, 3, "same", Activation.GELU), new MaxPool2D(2),
                new Conv2D(32, 3, "same", Activation.GELU), new MaxPool2D(2),
                new Conv2D(64, 3, "same", Activation.GELU), new MaxPool2D(2)).inputShape(28, 28);
        Sequential decoder = new Sequential(
                new Conv2DTranspose(32, 3, 2, "valid", Activation.GELU),
                new Conv2DTranspose(16, 3, 2, "same", Activation.GELU),
                new Conv2DTranspose(1, 3, 2, "same", Activation.SIGMOID), new Reshape(28, 28)).inputShape(3, 3, 64);
        assertRows(encoder.summary(),
                "Reshape|(None, 28, 28, 1)|0",
                "Conv2D|(None, 28, 28, 16)|160",
                "MaxPooling2D|(None, 14, 14, 16)|0",
                "Conv2D|(None, 14, 14, 32)|4640",
                "MaxPooling2D|(None, 7, 7, 32)|0",
                "Conv2D|(None, 7, 7, 64)|18496",
                "MaxPooling2D|(None, 3, 3, 64)|0");
        assertRows(decoder.summary(),
                "Conv2DTranspose|(None, 7, 7, 32)|18464",
                "Conv2DTranspose|(None, 14, 14, 16)|4624",
                "Conv2DTranspose|(None, 28, 28, 1)|145",
                "Reshape|(None, 28, 28)|0");
        Sequential ae = new Sequential(encoder, decoder);
        Tensor y = ae.call(Tensor.uniform(new SplittableRandom(2), 0f, 1f, 3, 28, 28), true);
        assertArrayEquals(new int[] {3, 28, 28}, y.shape());
        assertEquals(23_296 + 23_233, ae.countParams());
    }

    @Test
    void kernelsStartGlorotUniformAndBiasesAtZero() {
        Conv2D conv = new Conv2D(32, 3, "same", Activation.RELU);
        conv.build(16, 16, 32);
        float limit = (float) Math.sqrt(6.0 / (9 * 32 + 9 * 32));
        assertArrayEquals(new int[] {3, 3, 32, 32}, conv.kernel().shape());
        assertUniformWithin(conv.kernel(), limit);
        assertArrayEquals(new float[32], conv.bias().toArray());

        Conv2DTranspose deconv = new Conv2DTranspose(16, 3, 2, "same", Activation.GELU);
        deconv.build(7, 7, 32);
        assertArrayEquals(new int[] {3, 3, 16, 32}, deconv.kernel().shape());
        assertUniformWithin(deconv.kernel(), (float) Math.sqrt(6.0 / (9 * 16 + 9 * 32)));
    }

    /** All values within ±limit, and spread over it (a uniform sample's extremes are near the limit). */
    static void assertUniformWithin(Tensor t, float limit) {
        float max = 0;
        for (float v : t.toArray()) {
            assertTrue(Math.abs(v) <= limit, v + " beyond ±" + limit);
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max > 0.95f * limit, "largest |value| " + max + " far below the limit " + limit);
    }

    @Test
    void convolutionLayerComputesConvolutionPlusBiasThenActivation() {
        Conv2D conv = new Conv2D(1, 3, "valid", Activation.RELU);
        conv.build(3, 3, 1);
        java.util.Arrays.fill(conv.kernel().data(), 1f);
        conv.bias().data()[0] = -40f;
        float[] v = new float[9];
        for (int i = 0; i < 9; i++) v[i] = i + 1;                 // sum 45
        assertArrayEquals(new float[] {5f}, conv.call(Tensor.of(v, 1, 3, 3, 1), false).toArray());
        conv.bias().data()[0] = -50f;
        assertArrayEquals(new float[] {0f}, conv.call(Tensor.of(v, 1, 3, 3, 1), false).toArray());
    }

    @Test
    void badInputsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(8, 3).build(28, 28));
        assertTrue(e.getMessage().contains("(None, height, width, channels)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Conv2D(8, 5).build(3, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new MaxPool2D(2).build(1, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> new Conv2D(8, 3, "full", Activation.RELU));
        assertThrows(IllegalArgumentException.class, () -> new UpSampling2D(0));
    }
}
