package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernel for machines with 32 vector registers (AVX-512, AArch64): a tile of 8 rows
 * × 2 vectors, 8 × 32 floats with AVX-512. For every k it loads one row of the B micro-panel
 * (2 vectors), broadcasts each of the 8 values of the A column, and issues 16 fused
 * multiply-adds: 16 accumulators + 2 B vectors + 1 broadcast = 19 registers, and 10 loads feed
 * 16 multiply-adds, so the FMA units, not the load ports, set the pace. Eight rows divide the
 * batch of 32 of training into 4 whole tiles.
 */
final class Kernel8x2 extends MicroKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    static final int MR = 8, NR = 2 * VL;

    Kernel8x2() {
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
        FloatVector c5_0 = FloatVector.zero(S), c5_1 = FloatVector.zero(S);
        FloatVector c6_0 = FloatVector.zero(S), c6_1 = FloatVector.zero(S);
        FloatVector c7_0 = FloatVector.zero(S), c7_1 = FloatVector.zero(S);
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
            x = FloatVector.broadcast(S, a[ai + 5]);
            c5_0 = x.fma(b0, c5_0); c5_1 = x.fma(b1, c5_1);
            x = FloatVector.broadcast(S, a[ai + 6]);
            c6_0 = x.fma(b0, c6_0); c6_1 = x.fma(b1, c6_1);
            x = FloatVector.broadcast(S, a[ai + 7]);
            c7_0 = x.fma(b0, c7_0); c7_1 = x.fma(b1, c7_1);
        }
        c0_0.intoArray(tile, 0);       c0_1.intoArray(tile, VL);
        c1_0.intoArray(tile, NR);      c1_1.intoArray(tile, NR + VL);
        c2_0.intoArray(tile, 2 * NR);  c2_1.intoArray(tile, 2 * NR + VL);
        c3_0.intoArray(tile, 3 * NR);  c3_1.intoArray(tile, 3 * NR + VL);
        c4_0.intoArray(tile, 4 * NR);  c4_1.intoArray(tile, 4 * NR + VL);
        c5_0.intoArray(tile, 5 * NR);  c5_1.intoArray(tile, 5 * NR + VL);
        c6_0.intoArray(tile, 6 * NR);  c6_1.intoArray(tile, 6 * NR + VL);
        c7_0.intoArray(tile, 7 * NR);  c7_1.intoArray(tile, 7 * NR + VL);
    }

    @Override
    void multiplyInPlace(int kc, float[] a, int ai, int lda, float[] b, int bi, int bRowStride, float[] tile) {
        int a1 = ai + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda, a6 = a5 + lda, a7 = a6 + lda;
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = FloatVector.zero(S);
        FloatVector c1_0 = FloatVector.zero(S), c1_1 = FloatVector.zero(S);
        FloatVector c2_0 = FloatVector.zero(S), c2_1 = FloatVector.zero(S);
        FloatVector c3_0 = FloatVector.zero(S), c3_1 = FloatVector.zero(S);
        FloatVector c4_0 = FloatVector.zero(S), c4_1 = FloatVector.zero(S);
        FloatVector c5_0 = FloatVector.zero(S), c5_1 = FloatVector.zero(S);
        FloatVector c6_0 = FloatVector.zero(S), c6_1 = FloatVector.zero(S);
        FloatVector c7_0 = FloatVector.zero(S), c7_1 = FloatVector.zero(S);
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
            x = FloatVector.broadcast(S, a[a5 + p]);
            c5_0 = x.fma(b0, c5_0); c5_1 = x.fma(b1, c5_1);
            x = FloatVector.broadcast(S, a[a6 + p]);
            c6_0 = x.fma(b0, c6_0); c6_1 = x.fma(b1, c6_1);
            x = FloatVector.broadcast(S, a[a7 + p]);
            c7_0 = x.fma(b0, c7_0); c7_1 = x.fma(b1, c7_1);
        }
        c0_0.intoArray(tile, 0);       c0_1.intoArray(tile, VL);
        c1_0.intoArray(tile, NR);      c1_1.intoArray(tile, NR + VL);
        c2_0.intoArray(tile, 2 * NR);  c2_1.intoArray(tile, 2 * NR + VL);
        c3_0.intoArray(tile, 3 * NR);  c3_1.intoArray(tile, 3 * NR + VL);
        c4_0.intoArray(tile, 4 * NR);  c4_1.intoArray(tile, 4 * NR + VL);
        c5_0.intoArray(tile, 5 * NR);  c5_1.intoArray(tile, 5 * NR + VL);
        c6_0.intoArray(tile, 6 * NR);  c6_1.intoArray(tile, 6 * NR + VL);
        c7_0.intoArray(tile, 7 * NR);  c7_1.intoArray(tile, 7 * NR + VL);
    }

    /** A micro-panel at most one vector wide (e.g. the last 4 of 100 columns): half the work. */
    private static void narrow(int kc, float[] a, int ai, float[] b, int bi, int bRowStride, float[] tile) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S);
        FloatVector c2 = FloatVector.zero(S), c3 = FloatVector.zero(S);
        FloatVector c4 = FloatVector.zero(S), c5 = FloatVector.zero(S);
        FloatVector c6 = FloatVector.zero(S), c7 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, ai += MR, bi += bRowStride) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            c0 = FloatVector.broadcast(S, a[ai]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[ai + 1]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[ai + 2]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[ai + 3]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, a[ai + 4]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, a[ai + 5]).fma(b0, c5);
            c6 = FloatVector.broadcast(S, a[ai + 6]).fma(b0, c6);
            c7 = FloatVector.broadcast(S, a[ai + 7]).fma(b0, c7);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, NR);
        c2.intoArray(tile, 2 * NR);
        c3.intoArray(tile, 3 * NR);
        c4.intoArray(tile, 4 * NR);
        c5.intoArray(tile, 5 * NR);
        c6.intoArray(tile, 6 * NR);
        c7.intoArray(tile, 7 * NR);
    }
}
