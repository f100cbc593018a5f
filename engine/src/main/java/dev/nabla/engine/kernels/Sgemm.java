package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision matrix multiply, {@code C = alpha·op(A)·op(B) + beta·C} on row-major arrays,
 * organised as in BLIS and GotoBLAS ("Anatomy of High-Performance Matrix Multiplication", Goto
 * and van de Geijn, 2008).
 *
 * <p>The arithmetic is simple; the difficulty is feeding it. A core can do two vector fused
 * multiply-adds per cycle, but only if the operands come from registers and the L1 cache. So the
 * product is cut into blocks that fit each level of the memory hierarchy:
 *
 * <pre>
 * loop 5  for jc over the n columns of C, step NC      a panel of B: KC × NC, lives in L3
 * loop 4    for pc over the k inner dimension, step KC   pack op(B)[pc:pc+KC, jc:jc+NC] → packedB
 * loop 3      for ic over the m rows of C, step MC         pack op(A)[ic:ic+MC, pc:pc+KC] → packedA (L2)
 * loop 2        for jr over the NC columns, step NR          a micro-panel of packedB: KC × NR (L1)
 * loop 1          for ir over the MC rows, step MR             a micro-panel of packedA: MR × KC
 *                   micro-kernel: C[ir:ir+MR, jr:jr+NR] += packedA micro-panel · packedB micro-panel
 * </pre>
 *
 * <p><b>Packing</b> copies a block of op(A) or op(B) into a contiguous buffer in exactly the order
 * in which the micro-kernel reads it: packed A as MR-row micro-panels stored column by column
 * (MR consecutive floats per k), packed B as NR-column micro-panels stored row by row (NR
 * consecutive floats per k). The micro-kernel then streams both with unit stride, whatever the
 * transposition and leading dimension of the caller's arrays; transposition is handled once, in
 * the packing routines, where each element is touched once instead of once per use. Partial
 * micro-panels at the edges are padded with zeros, so the micro-kernel always computes a full
 * MR × NR tile. {@code alpha} is folded into packed A.
 *
 * <p><b>The micro-kernel</b> keeps an MR × NR tile of C in registers: MR rows of NR/VL vectors
 * (here NR = 2 vectors of the preferred species, 2 × 16 floats with AVX-512). For every k it loads
 * one row of the B micro-panel (2 vectors), broadcasts each of the MR values of the A column, and
 * issues 2·MR fused multiply-adds. Only at the end does it touch C. With MR = 8 that is 16
 * accumulators + 2 B vectors + 1 broadcast = 19 of the 32 vector registers of AVX-512.
 *
 * <p><b>Threads</b> take disjoint blocks of C (a grid of row and column ranges, chosen to pack as
 * little twice as possible); each runs the five loops on its block with its own packing buffers,
 * which are kept per thread and reused across calls. Products too small to repay the hand-off run
 * on the calling thread.
 */
public final class Sgemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();

    /** Rows of the register tile (values of packed A broadcast per k). */
    static final int MR = 8;
    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * VL;
    /** Depth of a packed block: a KC × NR micro-panel of B (32 KiB with AVX-512) stays in L1. */
    static final int KC = 256;
    /** Rows of a packed block of A: MC × KC floats (128 KiB) stay in L2. A multiple of MR. */
    static final int MC = 128;
    /** Columns of a packed panel of B: KC × NC floats (4 MiB) stay in L3. A multiple of NR. */
    static final int NC = 128 * NR;
    /** Below this many floating-point operations a product runs on one thread. */
    static final long PARALLEL_MIN_FLOPS = 2_000_000;

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private Sgemm() {}

    /** {@code C = alpha·op(A)·op(B) + beta·C} with {@link Parallel#threads()} threads; see {@link Backend#sgemm}. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
                             float alpha, float[] a, int aOff, int lda,
                             float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        sgemm(Parallel.threads(), transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** As {@link #sgemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int, int, float, float[], int, int)}, on at most {@code threads} threads. */
    public static void sgemm(int threads, boolean transA, boolean transB, int m, int n, int k,
                             float alpha, float[] a, int aOff, int lda,
                             float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        checkArguments(threads, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0) {       // no product to add: C = beta·C
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        Grid grid = Grid.choose(threads, m, n, k);
        int mTiles = ceilDiv(m, MR), nTiles = ceilDiv(n, NR);
        Parallel.forEach(grid.rows * grid.cols, t -> {
            // Block (t / cols, t % cols) of the grid, with edges on tile boundaries.
            int r = t / grid.cols, q = t % grid.cols;
            int i0 = Math.min(m, mTiles * r / grid.rows * MR), i1 = Math.min(m, mTiles * (r + 1) / grid.rows * MR);
            int j0 = Math.min(n, nTiles * q / grid.cols * NR), j1 = Math.min(n, nTiles * (q + 1) / grid.cols * NR);
            multiplyBlock(transA, transB, i0, i1, j0, j1, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        });
    }

    /** Loops 5 to 3 on rows [i0, i1) and columns [j0, j1) of C, with this thread's buffers. */
    private static void multiplyBlock(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k,
                                      float alpha, float[] a, int aOff, int lda,
                                      float[] b, int bOff, int ldb,
                                      float beta, float[] c, int cOff, int ldc) {
        if (i0 >= i1 || j0 >= j1) return;
        Workspace ws = WORKSPACE.get();
        for (int jc = j0; jc < j1; jc += NC) {                       // loop 5
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {                     // loop 4
                int kc = Math.min(KC, k - pc);
                float[] packedB = ws.packedB(ceilDiv(nc, NR) * NR * kc);
                Pack.b(transB, b, bOff, ldb, pc, kc, jc, nc, packedB);
                // The first k-block scales C by beta; the later ones add to it.
                float betaBlock = pc == 0 ? beta : 1f;
                for (int ic = i0; ic < i1; ic += MC) {               // loop 3
                    int mc = Math.min(MC, i1 - ic);
                    float[] packedA = ws.packedA(ceilDiv(mc, MR) * MR * kc);
                    Pack.a(transA, a, aOff, lda, ic, mc, pc, kc, alpha, packedA);
                    macroKernel(mc, nc, kc, packedA, packedB, betaBlock, c, cOff + ic * ldc + jc, ldc, ws.tile);
                }
            }
        }
    }

    /** Loops 2 and 1: every MR × NR tile of an mc × nc block of C from its packed operands. */
    private static void macroKernel(int mc, int nc, int kc, float[] packedA, float[] packedB,
                                    float beta, float[] c, int cBlock, int ldc, float[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {                        // loop 2
            int nr = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {                    // loop 1
                // Micro-panels: packed A rows ir.. start at ir·kc, packed B columns jr.. at jr·kc.
                microKernel(kc, packedA, ir * kc, packedB, jr * kc, tile);
                int mr = Math.min(MR, mc - ir), ci = cBlock + ir * ldc + jr;
                if (nr == NR) mergeRows(tile, mr, beta, c, ci, ldc);
                else mergeEdge(tile, mr, nr, beta, c, ci, ldc);  // a partial tile at the right edge
            }
        }
    }

    /**
     * tile[MR × NR] = packedA micro-panel (MR × kc) · packedB micro-panel (kc × NR), accumulated in
     * 2·MR vector registers. Each accumulator is a named local so that the JIT keeps it in a
     * register across the loop (an array of vectors would live in memory). The result goes to a
     * small scratch tile rather than to C, which keeps this method free of calls: a vector passed
     * to a call that the JIT does not inline must be boxed on the heap.
     */
    private static void microKernel(int kc, float[] a, int ai, float[] b, int bi, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
            // One row of the B micro-panel, then a rank-1 update with one column of A.
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + VL);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ai + 1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ai + 2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ai + 3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ai + 4]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ai + 5]);
            c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[ai + 6]);
            c60 = x.fma(b0, c60); c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[ai + 7]);
            c70 = x.fma(b0, c70); c71 = x.fma(b1, c71);
        }
        c00.intoArray(tile, 0);           c01.intoArray(tile, VL);
        c10.intoArray(tile, NR);          c11.intoArray(tile, NR + VL);
        c20.intoArray(tile, 2 * NR);      c21.intoArray(tile, 2 * NR + VL);
        c30.intoArray(tile, 3 * NR);      c31.intoArray(tile, 3 * NR + VL);
        c40.intoArray(tile, 4 * NR);      c41.intoArray(tile, 4 * NR + VL);
        c50.intoArray(tile, 5 * NR);      c51.intoArray(tile, 5 * NR + VL);
        c60.intoArray(tile, 6 * NR);      c61.intoArray(tile, 6 * NR + VL);
        c70.intoArray(tile, 7 * NR);      c71.intoArray(tile, 7 * NR + VL);
    }

    /** C[0:mr, 0:NR] = tile + beta·C, a vector at a time; beta = 0 ignores the old C (even NaN). */
    private static void mergeRows(float[] tile, int mr, float beta, float[] c, int ci, int ldc) {
        for (int r = 0; r < mr; r++) {
            for (int j = 0; j < NR; j += VL) {
                int idx = ci + r * ldc + j;
                FloatVector v = FloatVector.fromArray(S, tile, r * NR + j);
                if (beta == 1) v = v.add(FloatVector.fromArray(S, c, idx));
                else if (beta != 0) v = FloatVector.fromArray(S, c, idx).mul(beta).add(v);
                v.intoArray(c, idx);
            }
        }
    }

    /** C[0:mr, 0:nr] = tile[0:mr, 0:nr] + beta·C for a tile cut by the right edge of C. */
    private static void mergeEdge(float[] tile, int mr, int nr, float beta, float[] c, int ci, int ldc) {
        for (int r = 0; r < mr; r++) {
            for (int j = 0; j < nr; j++) {
                int idx = ci + r * ldc + j;
                float v = tile[r * NR + j];
                c[idx] = beta == 0 ? v : v + beta * c[idx];
            }
        }
    }

    /** C = beta·C; beta = 0 writes zeros whatever C held. */
    private static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1) return;
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0) java.util.Arrays.fill(c, row, row + n, 0f);
            else ElementWise.scale(c, row, beta, c, row, n);
        }
    }

    private static void checkArguments(int threads, boolean transA, boolean transB, int m, int n, int k,
                                       float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                       float[] c, int cOff, int ldc) {
        if (threads < 1) throw new IllegalArgumentException("sgemm: threads must be ≥ 1, got " + threads);
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("sgemm: negative size m=" + m + ", n=" + n + ", k=" + k);
        }
        if (m > 0 && n > 0 && k > 0) {     // A and B are read only when there is a product
            checkMatrix("A", a, aOff, lda, transA ? k : m, transA ? m : k);
            checkMatrix("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
        }
        checkMatrix("C", c, cOff, ldc, m, n);
    }

    /** A stored rows × cols matrix with row stride ld must lie inside its array. */
    private static void checkMatrix(String name, float[] x, int off, int ld, int rows, int cols) {
        if (rows == 0 || cols == 0) return;
        if (x == null) throw new IllegalArgumentException("sgemm: " + name + " is null");
        if (rows > 1 && ld < cols) {
            throw new IllegalArgumentException("sgemm: leading dimension of " + name + " is " + ld
                    + ", smaller than its " + cols + " columns");
        }
        long last = off + (long) (rows - 1) * ld + cols - 1;
        if (off < 0 || last >= x.length) {
            throw new IllegalArgumentException("sgemm: " + name + " (" + rows + "×" + cols + ", offset " + off
                    + ", leading dimension " + ld + ") does not fit in an array of " + x.length);
        }
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    /**
     * How C is split among threads: rows × cols blocks. Each block packs its rows of A (m/rows × k)
     * and its columns of B (k × n/cols), so the grid with the fewest floats packed,
     * k·(rows·n + cols·m), is chosen among those that use the most threads.
     */
    record Grid(int rows, int cols) {
        static Grid choose(int threads, int m, int n, int k) {
            if (threads == 1 || 2L * m * n * k < PARALLEL_MIN_FLOPS) return new Grid(1, 1);
            int mTiles = ceilDiv(m, MR), nTiles = ceilDiv(n, NR);
            Grid best = new Grid(1, 1);
            long bestCost = Long.MAX_VALUE;
            for (int rows = 1; rows <= Math.min(threads, mTiles); rows++) {
                int cols = Math.min(threads / rows, nTiles);
                long cost = (long) rows * n + (long) cols * m;
                int used = rows * cols, bestUsed = best.rows * best.cols;
                if (used > bestUsed || (used == bestUsed && cost < bestCost)) {
                    best = new Grid(rows, cols);
                    bestCost = cost;
                }
            }
            return best;
        }
    }

    /** Per-thread packing buffers, grown on demand and reused by every later call. */
    private static final class Workspace {
        private float[] packedA = new float[0];
        private float[] packedB = new float[0];
        final float[] tile = new float[MR * NR];

        float[] packedA(int size) {
            if (packedA.length < size) packedA = new float[size];
            return packedA;
        }

        float[] packedB(int size) {
            if (packedB.length < size) packedB = new float[size];
            return packedB;
        }
    }
}
