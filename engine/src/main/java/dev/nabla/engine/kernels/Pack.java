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
 * <p>Where the layout transposes a stored B (stored n × k), each packed vector is read from the
 * source with one gather, where a scalar copy would write one float at a time with a stride: its
 * lanes lie a row apart there. Gathers are used only where the processor has them
 * ({@link Machine#hardwareGather}); elsewhere the JIT would emulate one lane at a time. A stored
 * m × k A is copied a row at a time instead ({@link #rows}), which measured faster than gathers.
 * Partial micro-panels at the edges, and every copy when the scalar micro-kernel is in use, keep
 * the scalar copy.
 */
final class Pack {
    /** The preferred vector: part of a row of a packed B micro-panel, or columns of packed A. */
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    /** A vector for one column of a packed A micro-panel: MR floats rounded up to a vector size, at most VL. */
    private static final VectorSpecies<Float> COLUMN =
            VectorSpecies.of(float.class, VectorShape.forBitSize(Float.SIZE * Math.min(VL, Integer.highestOneBit(2 * MR - 1))));
    /** Vectors of COLUMN per column of packed A: ⌈MR / COLUMN.length()⌉, 1 or 2 (MR ≤ 8, vectors of ≥ 4 floats). */
    private static final int COLUMN_CHUNKS = (MR + COLUMN.length() - 1) / COLUMN.length();
    private static final boolean GATHERS = Sgemm.VECTORS && Sgemm.MACHINE.hardwareGather();
    /** Length of the caller's scratch for the gathers' offsets. */
    static final int GATHER_INDEX_LENGTH = VL;

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
            if (transA && Sgemm.VECTORS) {
                // Stored k × m: the MR values of one column of op(A) are contiguous in a row of a,
                // copied COLUMN.length() at a time; the lanes from row mr on (a partial
                // micro-panel) are zeroed by a blend. Where MR is not a multiple of the vector
                // (5 with AVX2's 8 lanes), the last vector of a column also carries values of
                // the next rows into the first slots of the next column, which that column's
                // copy, coming after it, overwrites (the last one lands in packed A's slack:
                // Sgemm's Workspace). No masked loads or stores: with AVX2 the Vector API's
                // cost several times more (about 4 ns a float in a JFR profile of
                // RecurrentAutoencoderEpoch as AVX2, where this copy takes a fraction of one). The columns whose last vector would reach past the end of a are copied
                // as scalars.
                int src = aOff + pc * lda + ic + ir;
                int vectorColumns = (int) Math.max(0, Math.min(kc,
                        Math.floorDiv((long) a.length - src - COLUMN_CHUNKS * COLUMN.length(), lda) + 1));
                int second = COLUMN.length();
                VectorMask<Float> pad0 = COLUMN.indexInRange(0, mr).not(), pad1 = COLUMN.indexInRange(second, mr).not();
                for (int p = 0; p < vectorColumns; p++) {
                    int from = src + p * lda, to = panel + p * MR;
                    FloatVector.fromArray(COLUMN, a, from).mul(alpha).blend(0f, pad0).intoArray(packed, to);
                    if (COLUMN_CHUNKS == 2) FloatVector.fromArray(COLUMN, a, from + second).mul(alpha).blend(0f, pad1).intoArray(packed, to + second);
                }
                copy(a, src + vectorColumns * lda, 1, lda, mr, kc - vectorColumns, alpha, packed, panel + vectorColumns * MR, MR);
            } else if (transA) {
                copy(a, aOff + pc * lda + ic + ir, 1, lda, mr, kc, alpha, packed, panel, MR);
            } else {
                rows(a, aOff + (ic + ir) * lda + pc, lda, mr, kc, alpha, packed, panel);
            }
        }
    }

    /**
     * Packs op(B)[pc : pc+kc, jc : jc+nc] as NR-column micro-panels: micro-panel q holds columns
     * jc + q·NR.. and stores, for each p, the NR values of row p next to each other:
     * {@code packed[q·NR·kc + p·NR + j] = op(B)[pc + p, jc + q·NR + j]}.
     * Without transB, op(B)[p, j] = b[bOff + p·ldb + j]; with it, b[bOff + j·ldb + p].
     * {@code gatherIndex} is the caller's scratch of {@link #GATHER_INDEX_LENGTH} ints.
     */
    static void b(boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc,
                  float[] packed, int[] gatherIndex) {
        if (transB && GATHERS) strideIndex(ldb, gatherIndex);
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int panel = jr * kc;
            if (transB && nr == NR && GATHERS) {
                // Stored n × k: row p of the micro-panel is column p of the stored block, NR
                // values ldb apart, fetched VL at a time with gathers.
                int src = bOff + (jc + jr) * ldb + pc;
                for (int p = 0; p < kc; p++) {
                    for (int j = 0; j < NR; j += VL) {
                        FloatVector.fromArray(S, b, src + p + j * ldb, gatherIndex, 0).intoArray(packed, panel + p * NR + j);
                    }
                }
            } else if (transB) {
                copy(b, bOff + (jc + jr) * ldb + pc, ldb, 1, nr, kc, 1f, packed, panel, NR);
            } else if (nr == NR && Sgemm.VECTORS) {
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
     * Packs mr ≤ MR stored rows (lda apart) of kc values each into one A micro-panel, a row at a
     * time: {@code packed[panel + p·MR + r] = alpha·a[src + r·lda + p]}, zeros in rows mr to MR.
     * Each row is read with unit stride and written MR apart. Gathering a column instead costs a
     * cache line per lane: on AMD Zen 4 under {@code -XX:UseAVX=2} the 6272×32 · 32×144 product
     * (the shape of a 14×14×16 → 32 convolution's G·Kᵀ) took 3.6 ms that way and about 1.05 ms
     * this way, one thread ({@code SgemmBench.nabla -p shape=6272x32x144 -p threads=1},
     * bench/RESULTS-conv.md).
     */
    private static void rows(float[] a, int src, int lda, int mr, int kc, float alpha, float[] packed, int panel) {
        for (int r = 0; r < mr; r++) {
            int from = src + r * lda, to = panel + r;
            for (int p = 0; p < kc; p++) packed[to + p * MR] = alpha * a[from + p];
        }
        for (int r = mr; r < MR; r++) {
            for (int p = 0; p < kc; p++) packed[panel + r + p * MR] = 0f;
        }
    }

    /**
     * The scalar copy into a micro-panel {@code width} values wide (MR for A, NR for B):
     * {@code packed[panel + p·width + r] = alpha·x[src + r·rowStep + p·depthStep]} for r < rows
     * and p < depth, and zeros in the rows from {@code rows} to width.
     */
    private static void copy(float[] x, int src, int rowStep, int depthStep, int rows, int depth, float alpha,
                             float[] packed, int panel, int width) {
        for (int p = 0; p < depth; p++) {
            int dst = panel + p * width, from = src + p * depthStep;
            for (int r = 0; r < rows; r++) packed[dst + r] = alpha * x[from + r * rowStep];
            Arrays.fill(packed, dst + rows, dst + width, 0f);
        }
    }

    /** Gather offsets of VL lanes a row apart: lane l reads l·ld. */
    private static void strideIndex(int ld, int[] index) {
        for (int l = 0; l < VL; l++) index[l] = l * ld;
    }

}
