package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

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
 * the packing routines ({@link Pack}), where each element is touched once instead of once per use. Partial
 * micro-panels at the edges are padded with zeros, so the micro-kernel always computes a full
 * MR × NR tile (MR × VL for a right edge at most one vector wide), of which the edge code keeps
 * the valid part. {@code alpha} is folded into packed A.
 *
 * <p><b>Few rows.</b> Packing pays when a micro-panel of B is reused by many row tiles. In
 * training, m is the batch (32): each micro-panel of B serves only 4 tiles, and copying B costs
 * as much as the multiply. So for blocks of at most 4·MR rows an untransposed B is read in place,
 * a micro-panel being NR columns of the caller's rows, ldb apart (see
 * {@link #readsBInPlace}); only a partial micro-panel at the right edge is still packed. And k is
 * cut into equal blocks (784 as 4 × 196), so that no block is a short tail that pays the fixed
 * costs of a block for little work.
 *
 * <p><b>The micro-kernel</b> keeps an MR × NR tile of C in registers: MR rows of NR/VL vectors
 * (here NR = 2 vectors of the preferred species, 2 × 16 floats with AVX-512). For every k it loads
 * one row of the B micro-panel (2 vectors), broadcasts each of the MR values of the A column, and
 * issues 2·MR fused multiply-adds. Only after the last k is the tile added to C. With MR = 8 that is 16
 * accumulators + 2 B vectors + 1 broadcast = 19 of the 32 vector registers of AVX-512; 10 loads
 * feed 16 multiply-adds, so the two FMA units, not the load ports, set the pace. MR = 12 would
 * fill more registers, but a batch of 32 rows, the common m in training, is 4 tiles of 8 and
 * would be 3 tiles of 12 with a third of the last one wasted.
 *
 * <p><b>Threads</b> take disjoint blocks of C (a grid of row and column ranges, chosen to pack as
 * little twice as possible); each runs the five loops on its block with its own packing buffers,
 * which are kept per thread and reused across calls. Blocks end on tile boundaries, and k is
 * blocked the same way whatever the thread count, so every element of C is computed the same way
 * on 1 thread or 8. Products too small to repay the hand-off to another thread ({@link Parallel})
 * run on the calling thread.
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
    /** Rows of a packed block of A: MC × KC floats (192 KiB) stay in L2. A multiple of MR. */
    static final int MC = 192;
    /** Columns of a packed panel of B: KC × NC floats (4 MiB) stay in L3. A multiple of NR. */
    static final int NC = 128 * NR;
    /** Below this many floating-point operations a product runs on one thread. */
    static final long PARALLEL_MIN_FLOPS = 2_000_000;
    /**
     * From this many floating-point operations on, C is cut into two blocks per thread, claimed
     * as threads come free, so that a thread slowed down by other work on the machine leaves
     * blocks to the others. It costs some packing twice; small products use one block a thread.
     */
    static final long BALANCE_MIN_FLOPS = 100_000_000;

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
        Parallel.forEach(grid.rows * grid.cols, threads, t -> {
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
        boolean direct = readsBInPlace(transB, i1 - i0, ldb);
        // k is cut into equal blocks of at most KC: 784 as 4 × 196, not 3 × 256 + 16, whose
        // last block would pay the fixed costs of a block for little work.
        int kcStep = ceilDiv(k, ceilDiv(k, KC));
        for (int jc = j0; jc < j1; jc += NC) {                       // loop 5
            int nc = Math.min(NC, j1 - jc);
            // In place, only a partial micro-panel at the right edge is packed (zero-padded).
            int inPlace = direct ? nc / NR * NR : 0;
            for (int pc = 0; pc < k; pc += kcStep) {                 // loop 4
                int kc = Math.min(kcStep, k - pc);
                float[] packedB = ws.packedB(ceilDiv(nc - inPlace, NR) * NR * kc);
                Pack.b(transB, b, bOff, ldb, pc, kc, jc + inPlace, nc - inPlace, packedB, ws.gatherIndex);
                // The first k-block scales C by beta; the later ones add to it.
                float betaBlock = pc == 0 ? beta : 1f;
                for (int ic = i0; ic < i1; ic += MC) {               // loop 3
                    int mc = Math.min(MC, i1 - ic);
                    float[] packedA = ws.packedA(ceilDiv(mc, MR) * MR * kc);
                    Pack.a(transA, a, aOff, lda, ic, mc, pc, kc, alpha, packedA, ws.gatherIndex);
                    int cBlock = cOff + ic * ldc + jc;
                    // B micro-panel of columns jr.. : in place at b[.. + jr], row stride ldb;
                    // packed at packedB[jr·kc], row stride NR.
                    macroKernel(mc, inPlace, kc, packedA, b, bOff + pc * ldb + jc, 1, ldb, betaBlock, c, cBlock, ldc, ws.tile);
                    macroKernel(mc, nc - inPlace, kc, packedA, packedB, 0, kc, NR, betaBlock, c, cBlock + inPlace, ldc, ws.tile);
                }
            }
        }
    }

    /**
     * Whether the micro-kernel reads op(B) straight from the caller's array instead of a packed
     * copy. Packing B pays off when each micro-panel is reused by many row tiles of A; a block of
     * a few rows (a batch of 32 in training) uses it only m/MR times, and the copy costs as much
     * as the multiply. Only an untransposed B can be read in place, with row stride ldb; a stride
     * of a multiple of 4 KiB is left to packing, as its rows would all map to the same L1 sets.
     */
    private static boolean readsBInPlace(boolean transB, int rows, int ldb) {
        return !transB && rows <= 4 * MR && ldb % 1024 != 0;
    }

    /**
     * Loops 2 and 1: every MR × NR tile of an mc × nc block of C, from packed A and a B whose
     * micro-panel for columns jr.. starts at {@code b[bBase + jr·bPanelStep]} with rows
     * {@code bRowStride} apart.
     */
    private static void macroKernel(int mc, int nc, int kc, float[] packedA,
                                    float[] b, int bBase, int bPanelStep, int bRowStride,
                                    float beta, float[] c, int cBlock, int ldc, float[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {                        // loop 2
            int nr = Math.min(NR, nc - jr), bi = bBase + jr * bPanelStep;
            for (int ir = 0; ir < mc; ir += MR) {                    // loop 1
                // Packed A micro-panel of rows ir.. starts at ir·kc.
                if (nr > VL) microKernel(kc, packedA, ir * kc, b, bi, bRowStride, tile);
                else narrowMicroKernel(kc, packedA, ir * kc, b, bi, bRowStride, tile);
                int mr = Math.min(MR, mc - ir), ci = cBlock + ir * ldc + jr;
                if (nr == NR) mergeRows(tile, mr, beta, c, ci, ldc);
                else mergeEdge(tile, mr, nr, beta, c, ci, ldc);  // a partial tile at the right edge
            }
        }
    }

    /**
     * tile[MR × NR] = packedA micro-panel (MR × kc) · B micro-panel (kc × NR, rows bRowStride
     * apart from b[bi]: NR when packed, ldb in place), accumulated in 2·MR vector registers. For each p: load one row of the B micro-panel (two vectors), then a
     * rank-1 update, broadcasting each of the MR values of column p of A. Each accumulator is a
     * named local so that the JIT keeps it in a register across the loop (an array of vectors
     * would live in memory). The result goes to a small scratch tile rather than to C, which
     * keeps this method free of calls: a vector passed to a call that the JIT does not inline is
     * boxed on the heap, which made an earlier version ten times slower.
     */
    private static void microKernel(int kc, float[] a, int ai, float[] b, int bi, int bRowStride, float[] tile) {
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
        c0_0.intoArray(tile, 0);  c0_1.intoArray(tile, VL);
        c1_0.intoArray(tile, 1 * NR);  c1_1.intoArray(tile, 1 * NR + VL);
        c2_0.intoArray(tile, 2 * NR);  c2_1.intoArray(tile, 2 * NR + VL);
        c3_0.intoArray(tile, 3 * NR);  c3_1.intoArray(tile, 3 * NR + VL);
        c4_0.intoArray(tile, 4 * NR);  c4_1.intoArray(tile, 4 * NR + VL);
        c5_0.intoArray(tile, 5 * NR);  c5_1.intoArray(tile, 5 * NR + VL);
        c6_0.intoArray(tile, 6 * NR);  c6_1.intoArray(tile, 6 * NR + VL);
        c7_0.intoArray(tile, 7 * NR);  c7_1.intoArray(tile, 7 * NR + VL);
    }

    /**
     * The same for a micro-panel of B at most one vector wide (the right edge of C, e.g. the last
     * 4 of 100 columns, always packed): half the multiply-adds of the full kernel. Packed B keeps
     * its row stride NR, so only the first vector of each row is read; tile rows are written up to VL.
     */
    private static void narrowMicroKernel(int kc, float[] a, int ai, float[] b, int bi, int bRowStride, float[] tile) {
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = FloatVector.zero(S);
        FloatVector c2 = FloatVector.zero(S);
        FloatVector c3 = FloatVector.zero(S);
        FloatVector c4 = FloatVector.zero(S);
        FloatVector c5 = FloatVector.zero(S);
        FloatVector c6 = FloatVector.zero(S);
        FloatVector c7 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, ai += MR, bi += bRowStride) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            c0 = x.fma(b0, c0);
            x = FloatVector.broadcast(S, a[ai + 1]);
            c1 = x.fma(b0, c1);
            x = FloatVector.broadcast(S, a[ai + 2]);
            c2 = x.fma(b0, c2);
            x = FloatVector.broadcast(S, a[ai + 3]);
            c3 = x.fma(b0, c3);
            x = FloatVector.broadcast(S, a[ai + 4]);
            c4 = x.fma(b0, c4);
            x = FloatVector.broadcast(S, a[ai + 5]);
            c5 = x.fma(b0, c5);
            x = FloatVector.broadcast(S, a[ai + 6]);
            c6 = x.fma(b0, c6);
            x = FloatVector.broadcast(S, a[ai + 7]);
            c7 = x.fma(b0, c7);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, 1 * NR);
        c2.intoArray(tile, 2 * NR);
        c3.intoArray(tile, 3 * NR);
        c4.intoArray(tile, 4 * NR);
        c5.intoArray(tile, 5 * NR);
        c6.intoArray(tile, 6 * NR);
        c7.intoArray(tile, 7 * NR);
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
            if (beta == 0) Arrays.fill(c, row, row + n, 0f);
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
     * How C is split into blocks for the threads: rows × cols blocks. Each block packs its rows of
     * A (m/rows × k) and its columns of B (k × n/cols), so the grid with the fewest floats packed,
     * k·(rows·n + cols·m), is chosen among those with the most blocks (at most one or two per
     * thread, see {@link #BALANCE_MIN_FLOPS}).
     */
    record Grid(int rows, int cols) {
        static Grid choose(int threads, int m, int n, int k) {
            long flops = 2L * m * n * k;
            if (threads == 1 || flops < PARALLEL_MIN_FLOPS) return new Grid(1, 1);
            int blocks = flops >= BALANCE_MIN_FLOPS ? 2 * threads : threads;
            int mTiles = ceilDiv(m, MR), nTiles = ceilDiv(n, NR);
            Grid best = new Grid(1, 1);
            long bestCost = Long.MAX_VALUE;
            for (int rows = 1; rows <= Math.min(blocks, mTiles); rows++) {
                int cols = Math.min(blocks / rows, nTiles);
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
        /** Offsets for the packing routines' gathers. */
        final int[] gatherIndex = new int[VL];

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
