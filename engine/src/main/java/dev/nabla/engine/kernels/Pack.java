package dev.nabla.engine.kernels;

import java.util.Arrays;

import static dev.nabla.engine.kernels.Sgemm.MR;
import static dev.nabla.engine.kernels.Sgemm.NR;

/**
 * The packing routines of {@link Sgemm}: copy a block of op(A) or op(B) out of the caller's
 * row-major array, whatever its transposition and leading dimension, into the layout that the
 * micro-kernel streams with unit stride. Partial micro-panels are padded with zeros.
 */
final class Pack {
    private Pack() {}

    /**
     * Packs alpha·op(A)[ic : ic+mc, pc : pc+kc] as MR-row micro-panels: micro-panel q holds rows
     * ic + q·MR.. and stores, for each p, the MR values of column p next to each other:
     * {@code packed[q·MR·kc + p·MR + r] = alpha·op(A)[ic + q·MR + r, pc + p]}.
     * Without transA, op(A)[i, p] = a[aOff + i·lda + p]; with it, a[aOff + p·lda + i].
     */
    static void a(boolean transA, float[] a, int aOff, int lda, int ic, int mc, int pc, int kc,
                  float alpha, float[] packed) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int panel = ir * kc;
            if (transA) {
                // Stored k × m: the MR values of one column of op(A) are contiguous in a row of a.
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (pc + p) * lda + ic + ir, dst = panel + p * MR;
                    for (int r = 0; r < mr; r++) packed[dst + r] = alpha * a[src + r];
                    for (int r = mr; r < MR; r++) packed[dst + r] = 0f;
                }
            } else {
                // Stored m × k: read each row of op(A) with unit stride, write with stride MR.
                for (int r = 0; r < mr; r++) {
                    int src = aOff + (ic + ir + r) * lda + pc, dst = panel + r;
                    for (int p = 0; p < kc; p++) packed[dst + p * MR] = alpha * a[src + p];
                }
                for (int r = mr; r < MR; r++) {
                    for (int p = 0; p < kc; p++) packed[panel + r + p * MR] = 0f;
                }
            }
        }
    }

    /**
     * Packs op(B)[pc : pc+kc, jc : jc+nc] as NR-column micro-panels: micro-panel q holds columns
     * jc + q·NR.. and stores, for each p, the NR values of row p next to each other:
     * {@code packed[q·NR·kc + p·NR + j] = op(B)[pc + p, jc + q·NR + j]}.
     * Without transB, op(B)[p, j] = b[bOff + p·ldb + j]; with it, b[bOff + j·ldb + p].
     */
    static void b(boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, float[] packed) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int panel = jr * kc;
            if (transB) {
                // Stored n × k: read each column of op(B) with unit stride, write with stride NR.
                for (int j = 0; j < nr; j++) {
                    int src = bOff + (jc + jr + j) * ldb + pc, dst = panel + j;
                    for (int p = 0; p < kc; p++) packed[dst + p * NR] = b[src + p];
                }
                for (int j = nr; j < NR; j++) {
                    for (int p = 0; p < kc; p++) packed[panel + j + p * NR] = 0f;
                }
            } else {
                // Stored k × n: a row of the micro-panel is a contiguous piece of a row of b.
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (pc + p) * ldb + jc + jr, dst = panel + p * NR;
                    System.arraycopy(b, src, packed, dst, nr);
                    if (nr < NR) Arrays.fill(packed, dst + nr, dst + NR, 0f);
                }
            }
        }
    }
}
