package dev.nabla.engine.kernels;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The direct convolution kernels against the reference they replace: im2col (or col2im) with sgemm. */
class DirectConvTest {
    private static final int VL = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();

    /** Odd sizes, 'same' and 'valid' padding, stride 2, 1 and 17 channels, a window row not a whole number of vectors. */
    private static final ConvShape[] SHAPES = {
            new ConvShape(2, 5, 7, 17, 3, 3, 1, 1, 1, 1, 5, 7),       // same, stride 1
            new ConvShape(3, 10, 8, 16, 3, 3, 2, 2, 0, 0, 4, 3),      // valid, stride 2: the last row and column unread
            new ConvShape(2, 7, 6, 1, 3, 17, 2, 1, 1, 8, 4, 6),       // 1 channel, a 3 × 17 window, uneven padding
            new ConvShape(1, 6, 6, 5, 2, 4, 2, 2, 0, 1, 3, 3),        // same, stride 2, an even window: padding on the columns only
    };

    private static float[] random(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) rng.nextDouble(-1, 1);
        return v;
    }

    private static float[] lowered(ConvShape s, float[] x, int xOff) {
        float[] col = new float[s.windows() * s.windowSize()];
        Im2col.im2col(s, x, xOff, col);
        return col;
    }

    private static void assertClose(float[] expected, float[] actual, int from, String what) {
        for (int i = 0; i < expected.length; i++) {
            float tolerance = 1e-5f * (1 + Math.abs(expected[i]));
            assertEquals(expected[i], actual[from + i], tolerance, what + " at " + i);
        }
    }

    @Test
    void forwardMatchesIm2colTimesKernel() {
        var rng = new SplittableRandom(11);
        for (ConvShape s : SHAPES) {
            for (int f = 1; f <= DirectConv.MAX_FILTERS; f++) {
                float[] x = random(rng, 3 + s.batch() * s.inH() * s.inW() * s.channels()), k = random(rng, 2 + s.windowSize() * f);
                float[] expected = new float[s.windows() * f];
                Sgemm.sgemm(false, false, s.windows(), f, s.windowSize(), 1f, lowered(s, x, 3), 0, s.windowSize(), k, 2, f, 0f, expected, 0, f);
                float[] y = random(rng, 1 + expected.length); // stale values must be overwritten
                DirectConv.forward(s, x, 3, k, 2, f, y, 1);
                assertClose(expected, y, 1, s + " with " + f + " filters");
            }
        }
    }

    @Test
    void kernelGradientMatchesLoweredTransposeTimesGradient() {
        var rng = new SplittableRandom(12);
        for (ConvShape s : SHAPES) {
            for (int f = 1; f <= DirectConv.MAX_FILTERS; f++) {
                float[] x = random(rng, s.batch() * s.inH() * s.inW() * s.channels()), g = random(rng, 4 + s.windows() * f);
                float[] expected = new float[s.windowSize() * f];
                Sgemm.sgemm(true, false, s.windowSize(), f, s.windows(), 1f, lowered(s, x, 0), 0, s.windowSize(), g, 4, f, 0f, expected, 0, f);
                float[] dk = random(rng, 2 + expected.length);
                DirectConv.kernelGradient(s, x, 0, g, 4, f, dk, 2);
                assertClose(expected, dk, 2, s + " with " + f + " filters");
            }
        }
    }

    @Test
    void inputGradientMatchesCol2imOfGradientTimesKernelTranspose() {
        var rng = new SplittableRandom(13);
        for (ConvShape s : SHAPES) {
            for (int f = 1; f <= DirectConv.MAX_FILTERS; f++) {
                float[] g = random(rng, s.windows() * f), k = random(rng, 1 + s.windowSize() * f);
                float[] dcol = new float[s.windows() * s.windowSize()];
                Sgemm.sgemm(false, true, s.windows(), s.windowSize(), f, 1f, g, 0, f, k, 1, f, 0f, dcol, 0, s.windowSize());
                float[] expected = new float[s.batch() * s.inH() * s.inW() * s.channels()];
                Im2col.col2im(s, dcol, expected, 0);
                float[] dx = random(rng, 5 + expected.length); // pixels no window reads must still come out 0
                DirectConv.inputGradient(s, g, 0, k, 1, f, dx, 5);
                assertClose(expected, dx, 5, s + " with " + f + " filters");
            }
        }
    }

    @Test
    void suitsFewFiltersWithWindowRowsOfAtLeastOneVector() {
        ConvShape wide = new ConvShape(1, 8, 8, VL, 3, 3, 1, 1, 1, 1, 8, 8);
        assertEquals(Sgemm.VECTORS, DirectConv.suits(wide, 1));
        assertEquals(Sgemm.VECTORS, DirectConv.suits(wide, DirectConv.MAX_FILTERS));
        assertFalse(DirectConv.suits(wide, DirectConv.MAX_FILTERS + 1));
        // One channel and a 3-wide window: rows of 3 floats, shorter than a vector (when there are vectors).
        ConvShape narrow = new ConvShape(1, 8, 8, 1, 3, 3, 1, 1, 1, 1, 8, 8);
        assertEquals(VL <= 3 && Sgemm.VECTORS, DirectConv.suits(narrow, 1));
        if (Sgemm.VECTORS) assertTrue(DirectConv.suits(wide, 3));
    }
}
