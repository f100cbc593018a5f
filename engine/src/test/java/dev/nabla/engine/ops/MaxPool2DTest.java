package dev.nabla.engine.ops;

import dev.nabla.engine.GradCheck;
import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaxPool2DTest {
    /** Distinct values 0.1 apart in random order, so a finite-difference step never changes a maximum. */
    private static Tensor distinct(SplittableRandom rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = 0.1f * i - 0.05f * d.length;
        for (int i = d.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            float tmp = d[i]; d[i] = d[j]; d[j] = tmp;
        }
        return t.requiresGrad(true);
    }

    @Test
    void oddSizesFloor() {
        // 5×5 single channel 0..24, pool 2: windows at rows/cols {0,1} and {2,3}; row and column 4 dropped.
        float[] v = new float[25];
        for (int i = 0; i < 25; i++) v[i] = i;
        Tensor y = MaxPool2D.maxPool2d(Tensor.of(v, 1, 5, 5, 1), 2, 2, 2, 2, Padding.VALID);
        assertArrayEquals(new int[] {1, 2, 2, 1}, y.shape());
        assertArrayEquals(new float[] {6, 8, 16, 18}, y.toArray());
        assertArrayEquals(new int[] {32, 3, 3, 64}, MaxPool2D.maxPool2d(Tensor.zeros(32, 7, 7, 64), 2, 2, 2, 2, Padding.VALID).shape());
    }

    @Test
    void forwardTakesThePerChannelMaximum() {
        var rng = new SplittableRandom(2);
        Tensor x = distinct(rng, 2, 6, 7, 17);
        Tensor y = MaxPool2D.maxPool2d(x, 2, 3, 2, 2, Padding.VALID);
        float[] expected = new float[2 * 3 * 3 * 17];
        int at = 0;
        for (int n = 0; n < 2; n++)
            for (int oh = 0; oh < 3; oh++)
                for (int ow = 0; ow < 3; ow++)
                    for (int c = 0; c < 17; c++) {
                        float m = Float.NEGATIVE_INFINITY;
                        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) m = Math.max(m, x.get(n, oh * 2 + i, ow * 2 + j, c));
                        expected[at++] = m;
                    }
        assertArrayEquals(expected, y.toArray());
    }

    @Test
    void samePaddingKeepsCeilSizesAndNeverPicksThePadding() {
        // 5×5 single channel, all negative: 'same' 2×2 stride 2 → 3×3; the last row and column
        // windows hold one or two image pixels and must not return the padding's value
        float[] v = new float[25];
        for (int i = 0; i < 25; i++) v[i] = -1 - i;
        Tensor y = MaxPool2D.maxPool2d(Tensor.of(v, 1, 5, 5, 1), 2, 2, 2, 2, Padding.SAME);
        assertArrayEquals(new int[] {1, 3, 3, 1}, y.shape());
        assertArrayEquals(new float[] {-1, -3, -5, -11, -13, -15, -21, -23, -25}, y.toArray());
    }

    @Test
    void gradients() {
        var rng = new SplittableRandom(3);
        GradCheck.float32().check("maxPool2d 2×2 odd", in -> MaxPool2D.maxPool2d(in[0], 2, 2, 2, 2, Padding.VALID), distinct(rng, 2, 7, 5, 17));
        GradCheck.float32().check("maxPool2d overlapping", in -> MaxPool2D.maxPool2d(in[0], 3, 3, 2, 2, Padding.VALID), distinct(rng, 1, 7, 7, 3));
        GradCheck.float32().check("maxPool2d same", in -> MaxPool2D.maxPool2d(in[0], 3, 2, 2, 2, Padding.SAME), distinct(rng, 2, 5, 7, 3));
    }

    @Test
    void overlappingAndSameWindowsOverWholeVectorsOfChannels() {
        // 19 channels: whole vectors at every width, and a scalar remainder
        var rng = new SplittableRandom(4);
        GradCheck.float32().check("maxPool2d overlapping, 19 channels", in -> MaxPool2D.maxPool2d(in[0], 3, 3, 2, 2, Padding.VALID), distinct(rng, 2, 7, 7, 19));
        GradCheck.float32().check("maxPool2d same, 19 channels", in -> MaxPool2D.maxPool2d(in[0], 3, 2, 2, 2, Padding.SAME), distinct(rng, 1, 5, 7, 19));
    }

    @Test
    void tiesAndNaNRouteTheGradientToTheFirstMaximum() {
        // One 2×2 window of 17 channels: channel c holds 1 everywhere, except channel 3, whose
        // second and fourth positions hold 2 (the second wins), and channel 5, whose first is NaN.
        float[] v = new float[4 * 17];
        java.util.Arrays.fill(v, 1f);
        v[17 + 3] = 2f;
        v[3 * 17 + 3] = 2f;
        v[5] = Float.NaN;
        Tensor x = Tensor.of(v, 1, 2, 2, 17).requiresGrad(true);
        Tensor y = MaxPool2D.maxPool2d(x, 2, 2, 2, 2, Padding.VALID);
        float[] out = y.toArray();
        assertEquals(2f, out[3]);
        assertTrue(Float.isNaN(out[5]), "a NaN in the first position stays the maximum");
        y.backward(Tensor.full(1f, 1, 1, 1, 17));
        float[] dx = x.grad().toArray();
        for (int c = 0; c < 17; c++) {
            int winner = c == 3 ? 1 : 0;
            for (int p = 0; p < 4; p++) assertEquals(p == winner ? 1f : 0f, dx[p * 17 + c], "channel " + c + ", position " + p);
        }
    }

    @Test
    void rejectsAPoolLargerThanTheImage() {
        assertThrows(IllegalArgumentException.class, () -> MaxPool2D.maxPool2d(Tensor.zeros(1, 1, 4, 1), 2, 2, 2, 2, Padding.VALID));
    }
}
