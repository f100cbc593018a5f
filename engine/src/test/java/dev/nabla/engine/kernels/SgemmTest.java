package dev.nabla.engine.kernels;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Sgemm against a plain triple loop in double precision. */
class SgemmTest {
    private static final int[] SIZES = {1, 2, 3, 7, 13, 17, 31, 33, 64, 100, 127};

    /**
     * One product: op(A) is m×k, op(B) k×n, C m×n, each stored with a leading dimension of
     * (width + pad) at a nonzero offset inside a larger array.
     */
    record Case(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta, int pad) {
        int aRows() { return transA ? k : m; }
        int aCols() { return transA ? m : k; }
        int bRows() { return transB ? n : k; }
        int bCols() { return transB ? k : n; }
        int lda() { return aCols() + pad; }
        int ldb() { return bCols() + pad; }
        int ldc() { return n + pad; }
    }

    static Stream<Arguments> squareAndMixedSizes() {
        List<Arguments> cases = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(7);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (int s : SIZES) cases.add(Arguments.of(new Case(ta, tb, s, s, s, 1f, 0f, 0)));
                // Non-square: every size once in each role, the other two drawn from the list.
                for (int s : SIZES) {
                    int x = SIZES[rng.nextInt(SIZES.length)], y = SIZES[rng.nextInt(SIZES.length)];
                    cases.add(Arguments.of(new Case(ta, tb, s, x, y, 1f, 0f, 0)));
                    cases.add(Arguments.of(new Case(ta, tb, x, s, y, 1f, 0f, 3)));
                    cases.add(Arguments.of(new Case(ta, tb, x, y, s, 1f, 0f, 5)));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("squareAndMixedSizes")
    void matchesTripleLoopForAllTransposes(Case c) {
        check(c, 1);
    }

    static Stream<Arguments> alphaBeta() {
        List<Arguments> cases = new ArrayList<>();
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (float alpha : new float[] {1f, -0.5f, 2.5f}) {
                    for (float beta : new float[] {0f, 1f, 0.5f, -2f}) {
                        cases.add(Arguments.of(new Case(ta, tb, 13, 37, 29, alpha, beta, 2)));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("alphaBeta")
    void appliesAlphaAndBeta(Case c) {
        check(c, 1);
    }

    /** Larger than one cache block (m > MC, k > KC) and large enough to run in parallel. */
    static Stream<Arguments> blockedAndThreaded() {
        List<Arguments> cases = new ArrayList<>();
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                cases.add(Arguments.of(new Case(ta, tb, Sgemm.MC + 37, 3 * Sgemm.NR + 5, Sgemm.KC + 61, 1f, 0f, 1)));
                cases.add(Arguments.of(new Case(ta, tb, 32, 100, 784, 1f, 0.5f, 0)));
                cases.add(Arguments.of(new Case(ta, tb, 784, 100, 32, 0.5f, 1f, 4)));
            }
        }
        // Large enough (≥ BALANCE_MIN_FLOPS) to be cut into more blocks than threads.
        cases.add(Arguments.of(new Case(true, false, 300, 400, 450, 1f, 0f, 2)));
        // A few rows read B in place, except with a row stride of 4 KiB (1024 floats), which packs.
        cases.add(Arguments.of(new Case(false, false, 24, 1000, 300, 1f, 0f, 0)));
        cases.add(Arguments.of(new Case(false, false, 24, 1024, 300, 1f, 0f, 0)));
        // A convolution's X·K: thousands of rows, a few whole micro-panels of columns, A read in place.
        cases.add(Arguments.of(new Case(false, false, 4 * Sgemm.SPLIT_MIN_ROWS + 3, 2 * Sgemm.NR, 144, 1f, 0f, 0)));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("blockedAndThreaded")
    void largeProductsOnOneAndTwoThreadsAgree(Case c) {
        float[] one = check(c, 1);
        float[] two = check(c, 2);
        // Each thread computes whole tiles with the same k-order, so the results are identical.
        assertArrayEquals(one, two);
    }

    @Test
    void aTallProductIsCutIntoSeveralRowBlocksPerThread() {
        // A convolution's 6272×144 · 144×32: rows only, up to PIECES_PER_THREAD blocks a thread of ≥ SPLIT_MIN_ROWS rows.
        assertEquals(new Sgemm.Grid(Parallel.PIECES_PER_THREAD * 2, 1), Sgemm.Grid.choose(2, 32 * 14 * 14, 32, 144));
        assertEquals(new Sgemm.Grid(2, 1), Sgemm.Grid.choose(2, 2 * Sgemm.SPLIT_MIN_ROWS + 1, 32, 144), "blocks keep their minimum rows");
        assertEquals(new Sgemm.Grid(2, 2), Sgemm.Grid.choose(2, 1024, 1024, 1024), "a grid with columns stays as it is");
        assertEquals(new Sgemm.Grid(1, 1), Sgemm.Grid.choose(1, 32 * 14 * 14, 32, 144));
        // Cut into 4 row blocks on 2 threads, it gives the bits of 1 thread.
        Case tall = new Case(false, false, 4 * Sgemm.SPLIT_MIN_ROWS + 3, 37, 29, 1f, 0f, 0);
        assertEquals(new Sgemm.Grid(4, 1), Sgemm.Grid.choose(2, tall.m(), tall.n(), tall.k()));
        assertArrayEquals(check(tall, 1), check(tall, 2));
    }

    /**
     * Tall products of a few whole micro-panels of columns read an untransposed A in place; a
     * partial row tile at the bottom edge, an A scaled by alpha and a block of at most
     * IN_PLACE_MAX_ROWS rows are packed. Every element is still
     * the same sum in the same order, so C has the bits of the same product with A stored
     * transposed, which is always packed.
     */
    @Test
    void aReadInPlaceGivesTheBitsOfAPackedA() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int panels : new int[] {1, 2, Sgemm.A_IN_PLACE_MAX_PANELS, Sgemm.A_IN_PLACE_MAX_PANELS + 1}) {
            for (int m : new int[] {Sgemm.IN_PLACE_MAX_ROWS, 10 * Sgemm.MR, 11 * Sgemm.MR + 2, 40 * Sgemm.MR + 1}) {
                for (int k : new int[] {27, Sgemm.KC + 13}) {
                    for (float alpha : new float[] {1f, 0.5f}) {
                        int n = panels * Sgemm.NR, lda = k + 3;
                        float[] a = random(rng, m * lda), aT = new float[k * m], b = random(rng, k * n);
                        for (int i = 0; i < m; i++) for (int p = 0; p < k; p++) aT[p * m + i] = a[i * lda + p];
                        for (int threads = 1; threads <= 2; threads++) {
                            float[] inPlace = new float[m * n], packed = new float[m * n];
                            Sgemm.sgemm(threads, false, false, m, n, k, alpha, a, 0, lda, b, 0, n, 0f, inPlace, 0, n);
                            Sgemm.sgemm(threads, true, false, m, n, k, alpha, aT, 0, m, b, 0, n, 0f, packed, 0, n);
                            assertArrayEquals(packed, inPlace, m + "×" + n + "×" + k + " alpha " + alpha + " on " + threads + " threads");
                        }
                        check(new Case(false, false, m, n, k, alpha, 0.5f, 3), 1);
                    }
                }
            }
        }
    }

    /**
     * A bottom tile of at most MicroKernel.fewRows rows meets the whole micro-panels of B two at
     * a time (a batch of 32 with AVX2's 5-row tile ends in 2 rows). Its rows are still the same
     * sums in the same order: C has the bits of the same rows computed inside whole tiles, with
     * rows added below to fill the last tile. Even and odd numbers of whole panels, a partial
     * panel, B in place and packed, beta 0 and not.
     */
    @Test
    void aFewRowEdgeGivesTheBitsOfWholeTiles() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int edge = 1; edge < Sgemm.MR; edge++) {
            int m = 6 * Sgemm.MR + edge, filled = m + Sgemm.MR - edge;
            for (int n : new int[] {2 * Sgemm.NR, 3 * Sgemm.NR, 5 * Sgemm.NR + 4, 100}) {
                for (int k : new int[] {27, Sgemm.KC + 13}) {
                    for (boolean transB : new boolean[] {false, true}) {
                        float[] a = random(rng, filled * k), b = random(rng, k * n), c0 = random(rng, filled * n);
                        for (float beta : new float[] {0f, 0.5f}) {
                            float[] few = java.util.Arrays.copyOf(c0, m * n), whole = c0.clone();
                            Sgemm.sgemm(1, false, transB, m, n, k, 1f, a, 0, k, b, 0, transB ? k : n, beta, few, 0, n);
                            Sgemm.sgemm(1, false, transB, filled, n, k, 1f, a, 0, k, b, 0, transB ? k : n, beta, whole, 0, n);
                            assertArrayEquals(java.util.Arrays.copyOf(whole, m * n), few,
                                    m + "×" + n + "×" + k + (transB ? " B transposed" : "") + ", beta " + beta);
                        }
                        check(new Case(false, transB, m, n, k, 1f, 0.5f, 3), 1);
                    }
                }
            }
        }
    }

    @Test
    void wideProductSpansSeveralPanelsOfB() {
        check(new Case(false, false, 3, Sgemm.NC + 2 * Sgemm.NR + 7, 5, 1f, 0f, 0), 2);
        check(new Case(false, true, 3, Sgemm.NC + 7, 5, 1f, 1f, 0), 1);
    }

    @Test
    void betaZeroOverwritesNaN() {
        float[] a = {1, 2, 3, 4}, b = {5, 6, 7, 8};
        float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        Sgemm.sgemm(1, false, false, 2, 2, 2, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2);
        assertArrayEquals(new float[] {19, 22, 43, 50}, c);
    }

    @Test
    void alphaZeroOrEmptyInnerDimensionScalesC() {
        float[] a = {Float.NaN, 1}, b = {Float.NaN, 1};
        float[] c = {1, 2, 3, 4};
        Sgemm.sgemm(1, false, false, 2, 2, 1, 0f, a, 0, 1, b, 0, 2, 0.5f, c, 0, 2);
        assertArrayEquals(new float[] {0.5f, 1, 1.5f, 2}, c);
        float[] d = {Float.NaN, 7, 8, 9};
        Sgemm.sgemm(1, false, false, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 0f, d, 0, 2);
        assertArrayEquals(new float[] {0, 0, 0, 0}, d);
    }

    @Test
    void sizeZeroLeavesCUntouched() {
        float[] c = {1, 2};
        Sgemm.sgemm(1, false, false, 0, 2, 3, 1f, new float[0], 0, 3, new float[6], 0, 2, 0f, c, 0, 2);
        assertArrayEquals(new float[] {1, 2}, c);
    }

    @Test
    void rejectsOperandsThatDoNotFit() {
        float[] a = new float[6], b = new float[6], c = new float[4];
        var e = assertThrows(IllegalArgumentException.class,
                () -> Sgemm.sgemm(1, false, false, 2, 2, 3, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2));
        assertTrue(e.getMessage().contains("leading dimension of A is 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Sgemm.sgemm(1, false, false, 2, 2, 3, 1f, a, 1, 3, b, 0, 2, 0f, c, 0, 2));
        assertTrue(e.getMessage().contains("A (2×3, offset 1, leading dimension 3) does not fit in an array of 6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Sgemm.sgemm(1, false, false, 2, 3, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 3));
        assertTrue(e.getMessage().contains("B"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Sgemm.sgemm(0, false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
    }

    @Test
    void cpuBackendRunsSgemm() {
        float[] c = new float[1];
        CpuBackend.INSTANCE.sgemm(false, true, 1, 1, 3, 2f, new HostStorage(new float[] {1, 2, 3}), 0, 3,
                new HostStorage(new float[] {4, 5, 6}), 0, 3, 0f, new HostStorage(c), 0, 1);
        assertEquals(64f, c[0]);
    }

    /**
     * Runs the case on random operands and compares every element of C with the double-precision
     * triple loop, within float32 rounding: |error| ≤ 1e-6·(k+1)·(|alpha|·Σ|a·b| + |beta·c|).
     * The padding of C around the m×n block must be left untouched. Returns the m×n result.
     */
    private static float[] check(Case t, int threads) {
        SplittableRandom rng = new SplittableRandom(31L * t.m() + 17L * t.n() + t.k());
        int aOff = 3, bOff = 5, cOff = 7;
        float[] a = random(rng, aOff + t.aRows() * t.lda());
        float[] b = random(rng, bOff + t.bRows() * t.ldb());
        float[] c = random(rng, cOff + t.m() * t.ldc());
        float[] c0 = c.clone();
        Sgemm.sgemm(threads, t.transA(), t.transB(), t.m(), t.n(), t.k(), t.alpha(), a, aOff, t.lda(),
                b, bOff, t.ldb(), t.beta(), c, cOff, t.ldc());

        float[] result = new float[t.m() * t.n()];
        boolean[] inside = new boolean[c.length];
        for (int i = 0; i < t.m(); i++) {
            for (int j = 0; j < t.n(); j++) {
                double sum = 0, scale = 0;
                for (int p = 0; p < t.k(); p++) {
                    double x = t.transA() ? a[aOff + p * t.lda() + i] : a[aOff + i * t.lda() + p];
                    double y = t.transB() ? b[bOff + j * t.ldb() + p] : b[bOff + p * t.ldb() + j];
                    sum += x * y;
                    scale += Math.abs(x * y);
                }
                int idx = cOff + i * t.ldc() + j;
                double old = t.beta() == 0 ? 0 : t.beta() * (double) c0[idx];
                double expected = t.alpha() * sum + old;
                double tol = 1e-6 * (t.k() + 1) * (Math.abs(t.alpha()) * scale + Math.abs(old)) + 1e-30;
                if (!(Math.abs(c[idx] - expected) <= tol)) {
                    fail(t + " threads=" + threads + ": C[" + i + "," + j + "] = " + c[idx] + ", expected " + expected);
                }
                inside[idx] = true;
                result[i * t.n() + j] = c[idx];
            }
        }
        for (int idx = 0; idx < c.length; idx++) {
            if (!inside[idx] && Float.compare(c[idx], c0[idx]) != 0) {
                fail(t + ": element " + idx + " outside C was changed from " + c0[idx] + " to " + c[idx]);
            }
        }
        return result;
    }

    private static float[] random(SplittableRandom rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) (rng.nextDouble() * 2 - 1);
        return x;
    }
}
