package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

import static dev.nabla.engine.kernels.Sgemm.MR;
import static dev.nabla.engine.kernels.Sgemm.NR;

/**
 * The packing routines of {@link Sgemm}: copy a block of op(A) or op(B) out of the caller's
 * row-major array, whatever its transposition and leading dimension, into the layout that the
 * micro-kernel streams with unit stride. Partial micro-panels are padded with zeros.
 *
 * <p>Where the layout transposes the stored matrix (A stored m × k, B stored n × k), each
 * packed vector is read from the source with one gather, where a scalar copy would write one
 * float at a time with a stride: its lanes lie a row apart there. Partial micro-panels at the
 * edges keep the scalar copy.
 */
final class Pack {
    /** A vector of MR floats: one column of a packed A micro-panel (256 bits for MR = 8). */
    private static final VectorSpecies<Float> COLUMN = VectorSpecies.of(float.class, VectorShape.forBitSize(Float.SIZE * MR));
    /** The preferred vector: part of a row of a packed B micro-panel, or two columns of packed A. */
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();

    private Pack() {}

    /**
     * Packs alpha·op(A)[ic : ic+mc, pc : pc+kc] as MR-row micro-panels: micro-panel q holds rows
     * ic + q·MR.. and stores, for each p, the MR values of column p next to each other:
     * {@code packed[q·MR·kc + p·MR + r] = alpha·op(A)[ic + q·MR + r, pc + p]}.
     * Without transA, op(A)[i, p] = a[aOff + i·lda + p]; with it, a[aOff + p·lda + i].
     * {@code gatherIndex} is the caller's scratch of VL ints for the gathers' offsets.
     */
    static void a(boolean transA, float[] a, int aOff, int lda, int ic, int mc, int pc, int kc,
                  float alpha, float[] packed, int[] gatherIndex) {
        if (!transA) columnPairIndex(lda, gatherIndex);
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int panel = ir * kc;
            if (transA) {
                // Stored k × m: the MR values of one column of op(A) are contiguous in a row of a,
                // so each k is one vector of MR floats; lanes past mr load as zero (the padding).
                VectorMask<Float> valid = COLUMN.indexInRange(0, mr);
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (pc + p) * lda + ic + ir;
                    FloatVector.fromArray(COLUMN, a, src, valid).mul(alpha).intoArray(packed, panel + p * MR);
                }
            } else if (mr == MR && VL == 2 * MR) {
                // Stored m × k: columns p and p+1 of the micro-panel, 2·MR floats next to each
                // other in packed A, are one gather of the values r·lda + p and r·lda + p + 1.
                int src = aOff + (ic + ir) * lda + pc, p = 0;
                for (; p + 1 < kc; p += 2) {
                    FloatVector.fromArray(S, a, src + p, gatherIndex, 0).mul(alpha).intoArray(packed, panel + p * MR);
                }
                if (p < kc) copyRows(a, src + p, lda, MR, 1, alpha, packed, panel + p * MR, MR);
            } else {
                copyRows(a, aOff + (ic + ir) * lda + pc, lda, mr, kc, alpha, packed, panel, MR);
            }
        }
    }

    /**
     * Packs op(B)[pc : pc+kc, jc : jc+nc] as NR-column micro-panels: micro-panel q holds columns
     * jc + q·NR.. and stores, for each p, the NR values of row p next to each other:
     * {@code packed[q·NR·kc + p·NR + j] = op(B)[pc + p, jc + q·NR + j]}.
     * Without transB, op(B)[p, j] = b[bOff + p·ldb + j]; with it, b[bOff + j·ldb + p].
     * {@code gatherIndex} is the caller's scratch of VL ints for the gathers' offsets.
     */
    static void b(boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc,
                  float[] packed, int[] gatherIndex) {
        if (transB) strideIndex(ldb, gatherIndex);
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int panel = jr * kc;
            if (transB && nr == NR) {
                // Stored n × k: row p of the micro-panel is column p of the stored block, NR
                // values ldb apart, fetched VL at a time with gathers.
                int src = bOff + (jc + jr) * ldb + pc;
                for (int p = 0; p < kc; p++) {
                    for (int j = 0; j < NR; j += VL) {
                        FloatVector.fromArray(S, b, src + p + j * ldb, gatherIndex, 0).intoArray(packed, panel + p * NR + j);
                    }
                }
            } else if (transB) {
                copyRows(b, bOff + (jc + jr) * ldb + pc, ldb, nr, kc, 1f, packed, panel, NR);
            } else if (nr == NR) {
                // Stored k × n: a row of the micro-panel is a contiguous piece of a row of b,
                // copied a vector at a time (System.arraycopy's call costs more for 32 floats).
                int src = bOff + pc * ldb + jc + jr;
                for (int p = 0; p < kc; p++) {
                    for (int j = 0; j < NR; j += VL) {
                        FloatVector.fromArray(S, b, src + p * ldb + j).intoArray(packed, panel + p * NR + j);
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (pc + p) * ldb + jc + jr, dst = panel + p * NR;
                    System.arraycopy(b, src, packed, dst, nr);
                    if (nr < NR) Arrays.fill(packed, dst + nr, dst + NR, 0f);
                }
            }
        }
    }

    /**
     * The scalar transposing copy into a micro-panel {@code width} values wide (MR for A, NR for
     * B): {@code packed[panel + p·width + r] = alpha·x[src + r·ld + p]} for r < rows and p < depth,
     * and zeros in the rows from {@code rows} to width.
     */
    private static void copyRows(float[] x, int src, int ld, int rows, int depth, float alpha,
                                 float[] packed, int panel, int width) {
        for (int p = 0; p < depth; p++) {
            int dst = panel + p * width;
            for (int r = 0; r < rows; r++) packed[dst + r] = alpha * x[src + r * ld + p];
            Arrays.fill(packed, dst + rows, dst + width, 0f);
        }
    }

    /** Gather offsets of VL lanes a row apart: lane l reads l·ld. */
    private static void strideIndex(int ld, int[] index) {
        for (int l = 0; l < VL; l++) index[l] = l * ld;
    }

    /** Gather offsets for two columns of a packed A micro-panel: lane l reads row l % MR, column l / MR. */
    private static void columnPairIndex(int lda, int[] index) {
        for (int l = 0; l < VL; l++) index[l] = (l % MR) * lda + l / MR;
    }
}
