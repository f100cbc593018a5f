package dev.nabla.engine.kernels;

/**
 * The innermost loop of {@link Sgemm}: one MR × NR tile of C, the product of a packed A
 * micro-panel (MR × kc, MR consecutive floats per k) and a B micro-panel (kc × NR, rows
 * {@code bRowStride} apart), written to a scratch tile of MR rows of NR floats.
 *
 * <p>A is read either packed ({@link #multiply}) or in place from the caller's rows
 * ({@link #multiplyInPlace}, for products with few columns: see {@link Sgemm}).
 *
 * <p>The tile lives in vector registers for the whole k loop, so its shape is set by the
 * register file: MR rows of NR/VL vectors take MR·NR/VL accumulators, plus the NR/VL vectors of
 * one row of B and one broadcast value of A. Which shape fits is decided once, at start-up, from
 * the {@link Machine} ({@link #choose}):
 *
 * <table>
 * <caption>micro-kernel per machine</caption>
 * <tr><th>vector registers</th><th>kernel</th><th>registers used</th><th>examples</th></tr>
 * <tr><td>32</td><td>8 × 2 vectors</td><td>16 + 2 + 1 = 19</td><td>AVX-512: 8 × 32; NEON: 8 × 8</td></tr>
 * <tr><td>16</td><td>5 × 2 vectors</td><td>10 + 2 + 1 = 13</td><td>AVX2: 5 × 16; SSE: 5 × 8</td></tr>
 * <tr><td>vectors under 128 bits</td><td>4 × 4 scalars</td><td>16 + 4 + 1</td><td>no usable Vector API</td></tr>
 * </table>
 *
 * <p>The 8 × 2 tile would need 19 registers, more than AVX2's 16: the JIT then keeps some
 * accumulators in memory, and every multiply-add on them becomes a load, an FMA and a store
 * (and even 6 × 2, with 15, spills under HotSpot: see {@link Kernel5x2}).
 * Each shape is written out in full, one named local per accumulator, so that the JIT can
 * keep the whole tile in registers; a loop over an array of vectors would live in memory.
 */
abstract sealed class MicroKernel permits Kernel8x2, Kernel5x2, ScalarKernel4x4 {
    /** Rows of the tile: values of A broadcast per k. */
    final int mr;
    /** Columns of the tile. */
    final int nr;

    MicroKernel(int mr, int nr) {
        this.mr = mr;
        this.nr = nr;
    }

    /** Registers the tile keeps live in its k loop: the accumulators, one row of B and a broadcast value of A. */
    abstract int registers();

    /**
     * {@code tile[r·NR + j] = Σ_p a[ai + p·MR + r] · b[bi + p·bRowStride + j]} for r < MR and, at
     * least, j < {@code columns}: a kernel may skip the vectors of B beyond the first
     * {@code columns} (a micro-panel at the right edge of C, at most NR wide).
     */
    abstract void multiply(int kc, float[] a, int ai, float[] b, int bi, int bRowStride, int columns, float[] tile);

    /**
     * The same tile, all NR columns, with A read in place instead of packed:
     * {@code tile[r·NR + j] = Σ_p a[ai + r·lda + p] · b[bi + p·bRowStride + j]}, the MR rows of a
     * row-major A lda apart, each read with unit stride. The terms and their order are those of
     * {@link #multiply}, so the two give the same bits; only where A's values come from differs.
     * Each kernel writes this loop out a second time rather than give the first one strides for
     * A, so that the packed loop, measured at the FMA peak ({@code MicroKernelBench}), stays as
     * it was.
     */
    abstract void multiplyInPlace(int kc, float[] a, int ai, int lda, float[] b, int bi, int bRowStride, float[] tile);

    /**
     * The most rows a tile at the bottom edge of C may have for {@link #multiplyTwoPanels}; 0 for
     * a kernel without that loop, whose edge tiles go through {@link #multiply} like the others.
     */
    int fewRows() {
        return 0;
    }

    /**
     * An edge tile of at most {@link #fewRows} rows of packed A (the rows beyond are its zero
     * padding) against two whole micro-panels of B, the second {@code bPanelStep} floats after
     * the first: the tile of panel q goes to {@code tile[q·MR·NR + r·NR + j]}. One panel's few
     * rows are too few independent multiply-adds to cover the FMA latency; two panels' are not.
     * Each element is the same sum in the same order as in {@link #multiply}: the same bits.
     */
    void multiplyTwoPanels(int kc, float[] a, int ai, float[] b, int bi, int bPanelStep, int bRowStride, float[] tile) {
        throw new UnsupportedOperationException(describe() + " has no loop for few rows");
    }

    /** The kernel for this machine's vector width and register file (see the table above). */
    static MicroKernel choose(Machine machine) {
        if (machine.vectorLanes() < 4) return new ScalarKernel4x4();
        if (machine.vectorRegisters() >= 32) return new Kernel8x2();
        return new Kernel5x2();
    }

    /** "8×32 (8 rows × 2 vectors of 16 floats)". */
    String describe() {
        return mr + "×" + nr;
    }
}
