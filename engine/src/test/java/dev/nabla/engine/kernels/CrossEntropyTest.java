package dev.nabla.engine.kernels;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CrossEntropyTest {
    private static final int LANES = ElementWise.LANES;
    /** Three whole partials, a partial one and a scalar tail: enough to run on the kernel threads. */
    private static final int N = 3 * CrossEntropy.PARTIAL + 5 * LANES + 3;

    private static float[] uniform(SplittableRandom rng, int n, double lo, double hi) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rng.nextDouble(lo, hi);
        return a;
    }

    @Test
    void sigmoidSumMatchesDoubleReference() {
        var rng = new SplittableRandom(21);
        float[] z = uniform(rng, N + 2, -8, 8), y = uniform(rng, N + 1, 0, 1), w = uniform(rng, N, 0, 2);
        double expected = 0;
        for (int i = 0; i < N; i++) {
            double zi = z[2 + i];
            expected += w[i] * (Math.max(zi, 0) - zi * y[1 + i] + Math.log1p(Math.exp(-Math.abs(zi))));
        }
        assertEquals(expected, CrossEntropy.sigmoidSum(z, 2, y, 1, w, N), 1e-6 * expected);
    }

    /**
     * The sum is its partials added in order, whichever threads computed them: summing each
     * partial's slice alone (one piece, on the calling thread) and adding those in double gives
     * the same bits as the whole call.
     */
    @Test
    void sigmoidSumIsItsPartialsInOrder() {
        var rng = new SplittableRandom(22);
        float[] z = uniform(rng, N, -8, 8), y = uniform(rng, N, 0, 1);
        int bound = N / LANES * LANES;
        double bySlices = 0;
        for (int from = 0; from < bound; from += CrossEntropy.PARTIAL) {
            int to = Math.min(bound, from + CrossEntropy.PARTIAL);
            bySlices += CrossEntropy.sigmoidSum(z, from, y, from, null, to - from);
        }
        for (int i = bound; i < N; i++) bySlices += CrossEntropy.sigmoidSum(z, i, y, i, null, 1);   // the tail, one by one
        assertEquals(bySlices, CrossEntropy.sigmoidSum(z, 0, y, 0, null, N), 0);
    }

    /** The backward in pieces on the kernel threads gives the bits of one pass over the same lanes. */
    @Test
    void sigmoidBackwardInPiecesGivesTheBitsOfOnePass() {
        var rng = new SplittableRandom(23);
        float[] z = uniform(rng, N + 1, -8, 8), y = uniform(rng, N, 0, 1), w = uniform(rng, N, 0, 2);
        float[] dz = new float[N];
        CrossEntropy.sigmoidBackward(z, 1, y, 0, w, 0.25f, dz, N);
        // slices of 7 vectors, each below the threshold for a second thread, and the same tail
        float[] expected = new float[N];
        for (int from = 0; from < N; from += 7 * LANES) {
            int n = Math.min(N, from + 7 * LANES) - from;
            float[] part = new float[n];
            CrossEntropy.sigmoidBackward(z, 1 + from, y, from, Arrays.copyOfRange(w, from, from + n), 0.25f, part, n);
            System.arraycopy(part, 0, expected, from, n);
        }
        assertArrayEquals(expected, dz, 0f);
        for (int i : new int[] {0, N / 2, N - 1}) {
            double sigma = 1 / (1 + Math.exp(-z[1 + i]));
            assertEquals(0.25 * (sigma - y[i]) * w[i], dz[i], 1e-6);
        }
    }
}
