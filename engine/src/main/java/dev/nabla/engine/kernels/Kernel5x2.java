package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernel for machines with 16 vector registers (AVX2, SSE): a tile of 5 rows × 2
 * vectors, 5 × 16 floats with AVX2. 10 accumulators + 2 B vectors + 1 broadcast = 13 of the 16
 * registers; per k, 7 loads feed 10 multiply-adds, enough independent ones to cover the FMA
 * latency (4 cycles × 2 units = 8 in flight).
 *
 * <p>BLIS and OpenBLAS use 6 × 16 on Haswell and Zen: 12 accumulators, 15 registers. Written
 * out here the same way, HotSpot's register allocator does not fit such a tile: its k loop
 * stores one accumulator to the stack and loads it back on every k, which puts a store-to-load
 * round trip into that accumulator's chain of dependent FMAs. Alone, with its micro-panels in L1
 * ({@code MicroKernelBench} with {@code -XX:UseAVX=2}, bench/RESULTS.md), this 5 × 16 kernel
 * runs at the 86 GFLOP/s of a register-only FMA loop on AMD Zen 4; a 6 × 16 variant timed the
 * same way ran at 42–48. {@code bench/show_assembly.py} prints this kernel's loop: 10 FMAs and
 * no spill. So five rows.
 */
final class Kernel5x2 extends MicroKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    static final int MR = 5, NR = 2 * VL;

    Kernel5x2() {
        super(MR, NR);
    }

    @Override
    int registers() {
        return MR * 2 + 2 + 1;
    }

    @Override
    void multiply(int kc, float[] a, int ai, float[] b, int bi, int bRowStride, int columns, float[] tile) {
        if (columns > VL) full(kc, a, ai, b, bi, bRowStride, tile);
        else narrow(kc, a, ai, b, bi, bRowStride, tile);
    }

    private static void full(int kc, float[] a, int ai, float[] b, int bi, int bRowStride, float[] tile) {
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = FloatVector.zero(S);
        FloatVector c1_0 = FloatVector.zero(S), c1_1 = FloatVector.zero(S);
        FloatVector c2_0 = FloatVector.zero(S), c2_1 = FloatVector.zero(S);
        FloatVector c3_0 = FloatVector.zero(S), c3_1 = FloatVector.zero(S);
        FloatVector c4_0 = FloatVector.zero(S), c4_1 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, ai += MR, bi += bRowStride) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + VL);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            c0_0 = x.fma(b0, c0_0); c0_1 = x.fma(b1, c0_1);
            x = FloatVector.broadcast(S, a[ai + 1]);
            c1_0 = x.fma(b0, c1_0); c1_1 = x.fma(b1, c1_1);
            x = FloatVector.broadcast(S, a[ai + 2]);
            c2_0 = x.fma(b0, c2_0); c2_1 = x.fma(b1, c2_1);
            x = FloatVector.broadcast(S, a[ai + 3]);
            c3_0 = x.fma(b0, c3_0); c3_1 = x.fma(b1, c3_1);
            x = FloatVector.broadcast(S, a[ai + 4]);
            c4_0 = x.fma(b0, c4_0); c4_1 = x.fma(b1, c4_1);
        }
        c0_0.intoArray(tile, 0);       c0_1.intoArray(tile, VL);
        c1_0.intoArray(tile, NR);      c1_1.intoArray(tile, NR + VL);
        c2_0.intoArray(tile, 2 * NR);  c2_1.intoArray(tile, 2 * NR + VL);
        c3_0.intoArray(tile, 3 * NR);  c3_1.intoArray(tile, 3 * NR + VL);
        c4_0.intoArray(tile, 4 * NR);  c4_1.intoArray(tile, 4 * NR + VL);
    }

    @Override
    void multiplyInPlace(int kc, float[] a, int ai, int lda, float[] b, int bi, int bRowStride, float[] tile) {
        int a1 = ai + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda;
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = FloatVector.zero(S);
        FloatVector c1_0 = FloatVector.zero(S), c1_1 = FloatVector.zero(S);
        FloatVector c2_0 = FloatVector.zero(S), c2_1 = FloatVector.zero(S);
        FloatVector c3_0 = FloatVector.zero(S), c3_1 = FloatVector.zero(S);
        FloatVector c4_0 = FloatVector.zero(S), c4_1 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, bi += bRowStride) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + VL);
            FloatVector x = FloatVector.broadcast(S, a[ai + p]);
            c0_0 = x.fma(b0, c0_0); c0_1 = x.fma(b1, c0_1);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c1_0 = x.fma(b0, c1_0); c1_1 = x.fma(b1, c1_1);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c2_0 = x.fma(b0, c2_0); c2_1 = x.fma(b1, c2_1);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c3_0 = x.fma(b0, c3_0); c3_1 = x.fma(b1, c3_1);
            x = FloatVector.broadcast(S, a[a4 + p]);
            c4_0 = x.fma(b0, c4_0); c4_1 = x.fma(b1, c4_1);
        }
        c0_0.intoArray(tile, 0);       c0_1.intoArray(tile, VL);
        c1_0.intoArray(tile, NR);      c1_1.intoArray(tile, NR + VL);
        c2_0.intoArray(tile, 2 * NR);  c2_1.intoArray(tile, 2 * NR + VL);
        c3_0.intoArray(tile, 3 * NR);  c3_1.intoArray(tile, 3 * NR + VL);
        c4_0.intoArray(tile, 4 * NR);  c4_1.intoArray(tile, 4 * NR + VL);
    }

    /** The last one or two rows of a block: a batch of 32 is six tiles of 5 rows and one of 2. */
    @Override
    int fewRows() {
        return 2;
    }

    /**
     * Two rows × two micro-panels: 8 accumulators + 4 B vectors + 1 broadcast = 13 registers.
     * Per k, 8 independent multiply-adds keep both FMA units busy; the 5-row kernel on a tile of
     * 2 real rows would take 5 cycles for them, one panel of 2 rows alone 4 (the FMA latency),
     * two panels together 4 for both. Measured alone under {@code -XX:UseAVX=2}
     * ({@code MicroKernelBench.microKernelTwoPanels}, bench/RESULTS.md): 72.7 GFLOP/s on the 2
     * rows, where the 5-row kernel does 42.9 on them.
     */
    @Override
    void multiplyTwoPanels(int kc, float[] a, int ai, float[] b, int bi, int bPanelStep, int bRowStride, float[] tile) {
        int bj = bi + bPanelStep;
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = FloatVector.zero(S), c0_2 = FloatVector.zero(S), c0_3 = FloatVector.zero(S);
        FloatVector c1_0 = FloatVector.zero(S), c1_1 = FloatVector.zero(S), c1_2 = FloatVector.zero(S), c1_3 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, ai += MR, bi += bRowStride, bj += bRowStride) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi), b1 = FloatVector.fromArray(S, b, bi + VL);
            FloatVector b2 = FloatVector.fromArray(S, b, bj), b3 = FloatVector.fromArray(S, b, bj + VL);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            c0_0 = x.fma(b0, c0_0); c0_1 = x.fma(b1, c0_1); c0_2 = x.fma(b2, c0_2); c0_3 = x.fma(b3, c0_3);
            x = FloatVector.broadcast(S, a[ai + 1]);
            c1_0 = x.fma(b0, c1_0); c1_1 = x.fma(b1, c1_1); c1_2 = x.fma(b2, c1_2); c1_3 = x.fma(b3, c1_3);
        }
        int second = MR * NR;
        c0_0.intoArray(tile, 0);           c0_1.intoArray(tile, VL);
        c1_0.intoArray(tile, NR);          c1_1.intoArray(tile, NR + VL);
        c0_2.intoArray(tile, second);      c0_3.intoArray(tile, second + VL);
        c1_2.intoArray(tile, second + NR); c1_3.intoArray(tile, second + NR + VL);
    }

    /** A micro-panel at most one vector wide (the right edge of C): half the work. */
    private static void narrow(int kc, float[] a, int ai, float[] b, int bi, int bRowStride, float[] tile) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S);
        FloatVector c2 = FloatVector.zero(S), c3 = FloatVector.zero(S);
        FloatVector c4 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, ai += MR, bi += bRowStride) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            c0 = FloatVector.broadcast(S, a[ai]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[ai + 1]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[ai + 2]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[ai + 3]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, a[ai + 4]).fma(b0, c4);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, NR);
        c2.intoArray(tile, 2 * NR);
        c3.intoArray(tile, 3 * NR);
        c4.intoArray(tile, 4 * NR);
    }
}
