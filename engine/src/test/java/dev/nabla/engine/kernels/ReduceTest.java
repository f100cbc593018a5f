package dev.nabla.engine.kernels;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ReduceTest {
    private static final int LANES = ElementWise.LANES;

    /**
     * sumAxis keeps a vector of column sums in registers; each sum must still be the float sum of
     * its column in row order, as adding row after row to the output: the same bits, for inner
     * axes of one column, fewer than a vector, whole vectors, four whole vectors and more with a
     * ragged end, and with more than one outer slice and an offset.
     */
    @Test
    void sumsEveryColumnInRowOrder() {
        var rng = new SplittableRandom(11);
        for (int inner : new int[] {1, 3, LANES, 4 * LANES, 9 * LANES + 3}) {
            int outer = 2, len = 301, off = 5;
            float[] x = new float[off + outer * len * inner];
            for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextDouble(-1, 1) * (1 << rng.nextInt(12));
            float[] expected = new float[outer * inner + 1];
            for (int p = 0; p < outer; p++)
                for (int r = 0; r < len; r++)
                    for (int q = 0; q < inner; q++) expected[1 + p * inner + q] += x[off + (p * len + r) * inner + q];
            float[] out = new float[outer * inner + 1];
            Reduce.sumAxis(x, off, outer, len, inner, out, 1);
            assertArrayEquals(expected, out, 0f, "inner " + inner);
        }
    }
}
