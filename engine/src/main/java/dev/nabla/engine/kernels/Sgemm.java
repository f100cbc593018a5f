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
 * training, m is the batch (32): each micro-panel of B serves only a few row tiles (4 of 8 rows,
 * 7 of 5), and copying B costs as much as the multiply. So for blocks of at most 32 rows an untransposed B is read in place,
 * a micro-panel being NR columns of the caller's rows, ldb apart (see
 * {@link #readsBInPlace}); only a partial micro-panel at the right edge is still packed. And k is
 * cut into equal blocks (784 as 4 × 196), so that no block is a short tail that pays the fixed
 * costs of a block for little work. The last row tile of such a block is often short (a batch of
 * 32 is six tiles of 5 rows and one of 2 with AVX2's tile): one or two rows alone against a
 * micro-panel are too few multiply-adds to hide the FMA latency, so the kernels that have the
 * loop ({@link MicroKernel#fewRows}) take such a tile against two micro-panels at a time.
 *
 * <p><b>Few columns.</b> The same holds for A the other way round. A convolution's X·K has
 * thousands of rows (one per window) and 16 to 64 columns (one per filter), so each row tile of
 * A meets only a few micro-panels of B, and packing it copies the whole lowered matrix once more.
 * So a block of more than {@link #IN_PLACE_MAX_ROWS} rows and at most
 * {@link #A_IN_PLACE_MAX_PANELS} whole micro-panels reads an untransposed A in place, MR rows lda apart ({@link MicroKernel#multiplyInPlace}; see {@link #readsAInPlace});
 * only a partial row tile at the bottom edge is still packed.
 *
 * <p><b>The micro-kernel</b> ({@link MicroKernel}) keeps an MR × NR tile of C in registers for
 * the whole k loop; only after the last k is the tile added to C. Its shape depends on the
 * register file and is chosen at start-up from the {@link Machine}: 8 × 2 vectors where there
 * are 32 vector registers (AVX-512, NEON), 5 × 2 vectors where there are 16 (AVX2, SSE), and a
 * 4 × 4 scalar tile where the Vector API is of no use. The cache blocks KC, MC and NC follow from
 * the tile and the cache sizes ({@link Blocking}). The bits of a product therefore depend on the
 * machine (KC sets where the sums are cut), but never on the thread count.
 *
 * <p><b>Threads</b> take disjoint blocks of C (a grid of row and column ranges, chosen to pack as
 * little twice as possible); each runs the five loops on its block with its own packing buffers,
 * which are kept per thread and reused across calls. Blocks end on tile boundaries, and k is
 * blocked the same way whatever the thread count, so every element of C is computed the same way
 * on 1 thread or 8. Products too small to repay the hand-off to another thread ({@link Parallel})
 * run on the calling thread.
 */
public final class Sgemm {
    /** The processor, read once: vector width, registers, caches. */
    static final Machine MACHINE = Machine.detect();
    /** The register tile chosen for it ({@link MicroKernel#choose}). */
    static final MicroKernel KERNEL = MicroKernel.choose(MACHINE);
    /** Whether the edges and packing may use vectors: not with the scalar kernel. */
    static final boolean VECTORS = !(KERNEL instanceof ScalarKernel4x4);
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();

    /** Rows of the register tile (values of packed A broadcast per k). */
    static final int MR = KERNEL.mr;
    /** Columns of the register tile. */
    static final int NR = KERNEL.nr;
    private static final Blocking BLOCKING = Blocking.forCaches(MACHINE, MR, NR);
    /** Depth of a packed block: a KC × NR micro-panel of B fills L1. */
    static final int KC = BLOCKING.kc;
    /** Rows of a packed block of A: MC × KC floats fill half of L2. A multiple of MR. */
    static final int MC = BLOCKING.mc;
    /** Columns of a packed panel of B: KC × NC floats fill half of this core's share of L3. A multiple of NR. */
    static final int NC = BLOCKING.nc;
    /** Blocks of at most this many rows (a training batch of 32) read an untransposed B in place. */
    static final int IN_PLACE_MAX_ROWS = 32;
    /**
     * Blocks of at most this many micro-panels of B read an untransposed A in place: at most 64
     * columns with AVX2's 16-column tile, 128 with AVX-512's 32. With more panels, each row tile
     * of A is read once per panel from the caller's rows, and packing it once pays again: with a
     * limit of 32 panels instead, 8192×32 · 32×288 (18 panels) took 2.85–3.33 ms against
     * 2.20–3.22 packed, and 2048×256 · 256×256 3.17–3.62 against 2.88–3.03, under
     * {@code -XX:UseAVX=2} on one thread ({@code SgemmBench.nabla -p shape=8192x32x288,2048x256x256
     * -p threads=1}, two runs of each build; at most 4 panels, 1568×288 · 288×64 went from
     * 0.70–0.71 to 0.55–0.63 ms).
     */
    static final int A_IN_PLACE_MAX_PANELS = 4;
    /** The {@code lda} that tells {@link #macroKernel} its A is packed, not read in place. */
    private static final int PACKED = -1;
    /** Below this many floating-point operations a product runs on one thread. */
    static final long PARALLEL_MIN_FLOPS = 2_000_000;
    /**
     * From this many floating-point operations on, C is cut into two blocks per thread, claimed
     * as threads come free, so that a thread slowed down by other work on the machine leaves
     * blocks to the others. It costs some packing twice; small products use one block a thread.
     */
    static final long BALANCE_MIN_FLOPS = 100_000_000;
    /**
     * A tall product's rows are cut further, into up to {@link Parallel#PIECES_PER_THREAD} blocks
     * per thread, as long as each block keeps at least this many rows: a row block packs its own
     * copy of B, little against the work of 512 rows, and threads that come free take the
     * remaining blocks. A convolution's products are such: 6,272 windows and 16 to 64 filters.
     */
    static final int SPLIT_MIN_ROWS = 512;

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private Sgemm() {}

    /**
     * The configuration chosen for this machine, for logs and results files, e.g.
     * "micro-kernel 5×16, KC 512, MC 255, NC 4096 (amd64, 256-bit vectors, 16 vector registers, …)".
     */
    public static String configuration() {
        return "micro-kernel " + KERNEL.describe() + ", KC " + KC + ", MC " + MC + ", NC " + NC + " (" + MACHINE.describe() + ")";
    }

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
        boolean bInPlace = readsBInPlace(transB, i1 - i0, ldb);
        boolean aInPlace = readsAInPlace(transA, alpha, lda, i1 - i0, j1 - j0);
        // k is cut into equal blocks of at most KC: 784 as 4 × 196, not 3 × 256 + 16, whose
        // last block would pay the fixed costs of a block for little work.
        int kcStep = ceilDiv(k, ceilDiv(k, KC));
        for (int jc = j0; jc < j1; jc += NC) {                       // loop 5
            int nc = Math.min(NC, j1 - jc);
            // In place, only a partial micro-panel at the right edge is packed (zero-padded).
            int bPanels = bInPlace ? nc / NR * NR : 0;
            for (int pc = 0; pc < k; pc += kcStep) {                 // loop 4
                int kc = Math.min(kcStep, k - pc);
                float[] packedB = ws.packedB(ceilDiv(nc - bPanels, NR) * NR * kc);
                Pack.b(transB, b, bOff, ldb, pc, kc, jc + bPanels, nc - bPanels, packedB, ws.gatherIndex);
                // The first k-block scales C by beta; the later ones add to it.
                float betaBlock = pc == 0 ? beta : 1f;
                for (int ic = i0; ic < i1; ic += MC) {               // loop 3
                    int mc = Math.min(MC, i1 - ic);
                    int cBlock = cOff + ic * ldc + jc;
                    // In place, only a partial row tile at the bottom edge is packed (zero-padded).
                    int aRows = aInPlace ? mc / MR * MR : 0;
                    if (aRows > 0) {
                        macroKernels(aRows, kc, a, aOff + ic * lda + pc, lda, b, bOff + pc * ldb + jc, ldb, bPanels,
                                packedB, nc - bPanels, betaBlock, c, cBlock, ldc, ws.tile);
                    }
                    if (aRows < mc) {
                        float[] packedA = ws.packedA(ceilDiv(mc - aRows, MR) * MR * kc);
                        Pack.a(transA, a, aOff, lda, ic + aRows, mc - aRows, pc, kc, alpha, packedA);
                        macroKernels(mc - aRows, kc, packedA, 0, PACKED, b, bOff + pc * ldb + jc, ldb, bPanels,
                                packedB, nc - bPanels, betaBlock, c, cBlock + aRows * ldc, ldc, ws.tile);
                    }
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
        return !transB && rows <= IN_PLACE_MAX_ROWS && ldb % 1024 != 0;
    }

    /**
     * Whether the micro-kernel reads the row tiles of A straight from the caller's array
     * ({@link MicroKernel#multiplyInPlace}) instead of a packed copy: the mirror image of
     * {@link #readsBInPlace}. Packed A pays off when each row tile is reused by many micro-panels
     * of B; a tall block of at most {@link #A_IN_PLACE_MAX_PANELS} whole micro-panels (a
     * convolution's X·K, whose thousands of windows meet 16 to 64 filters) uses it a few times,
     * and packing would copy the whole lowered matrix once more. A block of at most
     * {@link #IN_PLACE_MAX_ROWS} rows keeps packing A: there A is small, and its packed copy,
     * reused for every micro-panel, measured faster (32×784 · 784×128 with AVX-512's 32-column
     * tile: 66 µs packed, 70–73 in place, {@code SgemmBench.nabla -p shape=32x784x128 -p threads=1}).
     * Only an untransposed A whose alpha is 1 (packing folds
     * alpha in) can be read in place, and, as for B, not with a row stride of a multiple of 4 KiB.
     */
    private static boolean readsAInPlace(boolean transA, float alpha, int lda, int rows, int columns) {
        return !transA && alpha == 1f && lda % 1024 != 0 && rows > IN_PLACE_MAX_ROWS
                && columns % NR == 0 && columns <= A_IN_PLACE_MAX_PANELS * NR;
    }

    /**
     * Rows of A, packed ({@code lda = PACKED}) or read in place, against both parts of a k-block of
     * B: its first {@code bPanels} columns read in place at {@code b[bBase + p·ldb + j]} (row
     * stride ldb), the {@code packedColumns} after them from {@code packedB} (micro-panel jr at
     * {@code packedB[jr·kc]}, row stride NR).
     */
    private static void macroKernels(int mc, int kc, float[] a, int aBase, int lda,
                                     float[] b, int bBase, int ldb, int bPanels, float[] packedB, int packedColumns,
                                     float beta, float[] c, int cBlock, int ldc, float[] tile) {
        macroKernel(mc, bPanels, kc, a, aBase, lda, b, bBase, 1, ldb, beta, c, cBlock, ldc, tile);
        macroKernel(mc, packedColumns, kc, a, aBase, lda, packedB, 0, kc, NR, beta, c, cBlock + bPanels, ldc, tile);
    }

    /**
     * Loops 2 and 1: every MR × NR tile of an mc × nc block of C, from a B whose micro-panel for
     * columns jr.. starts at {@code b[bBase + jr·bPanelStep]} with rows {@code bRowStride} apart,
     * and an A whose row tile ir.. is packed at {@code a[aBase + ir·kc]} ({@code lda = PACKED}) or
     * read in place, MR rows from {@code a[aBase + ir·lda]} (whole tiles and micro-panels only).
     */
    private static void macroKernel(int mc, int nc, int kc, float[] a, int aBase, int lda,
                                    float[] b, int bBase, int bPanelStep, int bRowStride,
                                    float beta, float[] c, int cBlock, int ldc, float[] tile) {
        // A bottom tile of few rows meets the whole micro-panels two at a time, after loop 2.
        int edgeRows = mc % MR, wholePanels = nc / NR;
        boolean fewRows = lda == PACKED && edgeRows > 0 && edgeRows <= KERNEL.fewRows() && wholePanels >= 2;
        for (int jr = 0; jr < nc; jr += NR) {                        // loop 2
            int nr = Math.min(NR, nc - jr), bi = bBase + jr * bPanelStep;
            int rows = fewRows && nr == NR ? mc - edgeRows : mc;
            for (int ir = 0; ir < rows; ir += MR) {                  // loop 1
                if (lda == PACKED) KERNEL.multiply(kc, a, aBase + ir * kc, b, bi, bRowStride, nr, tile);
                else KERNEL.multiplyInPlace(kc, a, aBase + ir * lda, lda, b, bi, bRowStride, tile);
                int mr = Math.min(MR, mc - ir), ci = cBlock + ir * ldc + jr;
                if (nr == NR && VECTORS) mergeRows(tile, 0, mr, beta, c, ci, ldc);
                else mergeEdge(tile, mr, nr, beta, c, ci, ldc);  // a partial tile at the right edge
            }
        }
        if (fewRows) {
            int ir = mc - edgeRows, ai = aBase + ir * kc, panelStep = NR * bPanelStep;
            for (int q = 0; q < wholePanels; q += 2) {
                int ci = cBlock + ir * ldc + q * NR, bi = bBase + q * panelStep;
                if (q + 1 < wholePanels) {
                    KERNEL.multiplyTwoPanels(kc, a, ai, b, bi, panelStep, bRowStride, tile);
                    mergeRows(tile, 0, edgeRows, beta, c, ci, ldc);
                    mergeRows(tile, MR * NR, edgeRows, beta, c, ci + NR, ldc);
                } else {                                             // an odd panel out
                    KERNEL.multiply(kc, a, ai, b, bi, bRowStride, NR, tile);
                    mergeRows(tile, 0, edgeRows, beta, c, ci, ldc);
                }
            }
        }
    }

    /** C[0:mr, 0:NR] = tile + beta·C, a vector at a time; beta = 0 ignores the old C (even NaN). */
    private static void mergeRows(float[] tile, int tileOff, int mr, float beta, float[] c, int ci, int ldc) {
        for (int r = 0; r < mr; r++) {
            for (int j = 0; j < NR; j += VL) {
                int idx = ci + r * ldc + j;
                FloatVector v = FloatVector.fromArray(S, tile, tileOff + r * NR + j);
                if (beta == 1) v = v.add(FloatVector.fromArray(S, c, idx));
                else if (beta != 0) v = FloatVector.fromArray(S, c, idx).mul(beta).add(v);
                v.intoArray(c, idx);
            }
        }
    }

    /** C[0:mr, 0:nr] = tile[0:mr, 0:nr] + beta·C, one float at a time: a tile cut by the right edge of C. */
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
     * thread, see {@link #BALANCE_MIN_FLOPS}); a grid of rows only is then cut finer
     * ({@link #SPLIT_MIN_ROWS}).
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
            if (best.cols > 1) return best;
            int rows = best.rows;      // a tall product, cut by rows only: cut it finer (SPLIT_MIN_ROWS)
            while (2 * rows <= Parallel.PIECES_PER_THREAD * threads && m / (2 * rows) >= SPLIT_MIN_ROWS && 2 * rows <= mTiles) {
                rows *= 2;
            }
            return new Grid(rows, 1);
        }
    }

    /**
     * The cache blocks, after the reasoning of BLIS's analytical model (Low et al., "Analytical
     * Modeling Is Enough for High-Performance BLIS", 2016): the KC × NR micro-panel of B, reused
     * by every row tile of a block, stays in L1 while A streams past it; the MC × KC block of A,
     * reused by every micro-panel of B, takes half of L2; the KC × NC panel of B half of this
     * core's share of L3. The micro-panel of B is given the whole of L1, not BLIS's half: each
     * k-block adds its MR × NR tile to C once, and for a large C those additions miss the cache,
     * so a deeper block pays them fewer times. On AMD Zen 4 (32 KiB L1) the whole of L1 (KC 256
     * with AVX-512, 512 with AVX2) was faster at n = 1024 than half of it in single-thread
     * timings. Deeper still pays on AVX-512 too: bench/run-sgemm.sh measured n = 1024 on one
     * thread at 0.93 of OpenBLAS with KC 512 against 0.78 with KC 256 (bench/RESULTS.md). But
     * that changes where the sums are cut on those machines, and with them every figure of
     * REPRODUCTION.md, which was measured with KC 256.
     * KC is a multiple of 16 in [64, 512], MC a multiple of MR, NC of NR.
     */
    record Blocking(int kc, int mc, int nc) {
        static Blocking forCaches(Machine machine, int mr, int nr) {
            int kc = clamp(machine.l1d() / (nr * Float.BYTES), 64, 512) / 16 * 16;
            int mc = Math.max(mr, clamp(machine.l2() / 2 / ((long) kc * Float.BYTES), mr, 4096) / mr * mr);
            int nc = Math.max(nr, clamp(machine.l3PerCore() / 2 / ((long) kc * Float.BYTES), nr, 8192) / nr * nr);
            return new Blocking(kc, mc, nc);
        }

        private static int clamp(long x, int lo, int hi) {
            return (int) Math.max(lo, Math.min(hi, x));
        }
    }

    /** Per-thread packing buffers, grown on demand and reused by every later call. */
    private static final class Workspace {
        private float[] packedA = new float[0];
        private float[] packedB = new float[0];
        final float[] tile = new float[2 * MR * NR];   // two tiles for MicroKernel.multiplyTwoPanels
        /** Offsets for the packing routines' gathers. */
        final int[] gatherIndex = new int[Pack.GATHER_INDEX_LENGTH];

        /**
         * At least {@code size} floats, and a vector more: packing a transposed A writes whole
         * vectors, the last of which may reach past the last column (see {@link Pack#a}).
         */
        float[] packedA(int size) {
            if (packedA.length < size + VL) packedA = new float[size + VL];
            return packedA;
        }

        float[] packedB(int size) {
            if (packedB.length < size) packedB = new float[size];
            return packedB;
        }
    }
}
