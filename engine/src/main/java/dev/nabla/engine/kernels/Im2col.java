package dev.nabla.engine.kernels;

import java.util.Arrays;

/**
 * Lowers a convolution to a matrix product. {@code im2col} copies every kH×kW×C window of a
 * channels-last batch into one row of a (windows × kH·kW·C) matrix, so that the convolution with
 * a (kH·kW·C × filters) kernel matrix is a single GEMM. {@code col2im} is its adjoint: it adds
 * every row back onto the window it came from (overlapping windows sum), which turns the
 * gradient of the lowered matrix into the gradient of the image.
 *
 * <p>In channels-last layout one row of a window, (oh, ow, ki) with kj = 0 … kW−1, is kW pixels
 * side by side in one row of the image: a contiguous run of kW·C floats in both the image and the
 * matrix, less the pixels that fall into the left or right padding. Where each run starts in an
 * image, and which of its pixels are inside, is the same for every image, so both kernels first
 * tabulate the runs and then move them whole: nine floats at a time for a 3×3 kernel over one
 * channel, where a run per pixel would move one. Images are processed in parallel.
 */
public final class Im2col {
    /**
     * Below this many floats moved, a call runs on the calling thread. Low, because a narrow
     * layer moves short runs (3 floats per window row for a 3×3 kernel over one channel), which
     * cost far more per float than a long copy: below the earlier bound of 65,536, the 56,448
     * floats of col2im for a 28×28×1 image batch of 32 were 2.5 % of the calling thread's samples
     * outside parallel work in a JFR profile of {@code ConvAutoencoderEpoch} under
     * {@code -XX:UseAVX=2} (bench/TRAINING.md gives the command), while the other thread waited.
     */
    static final long PARALLEL_MIN_FLOATS = 1 << 14;
    /** Ints per run in the table of {@link #runs}: start in the image, first and last+1 pixel inside. */
    private static final int RUN = 3;

    private Im2col() {}

    /** col[(n, oh, ow), (ki, kj, c)] = x[n, oh·sH − padTop + ki, ow·sW − padLeft + kj, c], or 0 outside the image. */
    public static void im2col(ConvShape s, float[] x, int xOff, float[] col) {
        int count = runCount(s);
        int[] runs = runs(s);
        int c = s.channels(), image = s.inH() * s.inW() * c, width = s.kW() * c;
        Parallel.forEach(s.batch(), (long) s.windows() * s.windowSize(), PARALLEL_MIN_FLOATS, n -> {
            int from = xOff + n * image, at = n * count * width;
            for (int r = 0; r < count * RUN; r += RUN, at += width) {
                int start = runs[r], lo = runs[r + 1] * c, hi = runs[r + 2] * c;
                Arrays.fill(col, at, at + lo, 0f);
                if (hi - lo >= 16) {
                    System.arraycopy(x, from + start, col, at + lo, hi - lo);
                } else {
                    for (int i = lo; i < hi; i++) col[at + i] = x[from + start + i - lo];
                }
                Arrays.fill(col, at + hi, at + width, 0f);
            }
        });
    }

    /** dx[n, ih, iw, c] = Σ over windows covering (ih, iw) of dcol[window, (ki, kj, c)]. Overwrites dx. */
    public static void col2im(ConvShape s, float[] dcol, float[] dx, int dxOff) {
        int count = runCount(s);
        int[] runs = runs(s);
        int c = s.channels(), image = s.inH() * s.inW() * c, width = s.kW() * c;
        Parallel.forEach(s.batch(), (long) s.windows() * s.windowSize(), PARALLEL_MIN_FLOATS, n -> {
            int to = dxOff + n * image, at = n * count * width;
            Arrays.fill(dx, to, to + image, 0f);
            for (int r = 0; r < count * RUN; r += RUN, at += width) {
                int start = runs[r], lo = runs[r + 1] * c, hi = runs[r + 2] * c;
                ElementWise.accumulate(dcol, at + lo, dx, to + start, hi - lo);
            }
        });
    }

    /** Runs per image: one per window row (oh, ow, ki). */
    private static int runCount(ConvShape s) {
        return s.outH() * s.outW() * s.kH();
    }

    /**
     * For each window row (oh, ow, ki) in row-major order, {@link #RUN} ints: the offset within
     * one image of its first pixel inside the image, and the range [lo, hi) of kj inside it
     * (lo = hi where the whole row lies in the padding). In this thread's index workspace.
     */
    private static int[] runs(ConvShape s) {
        int[] runs = Workspace.indices(runCount(s) * RUN);
        int r = 0;
        for (int oh = 0; oh < s.outH(); oh++)
            for (int ow = 0; ow < s.outW(); ow++)
                for (int ki = 0; ki < s.kH(); ki++) {
                    int ih = oh * s.strideH() - s.padTop() + ki, iw = ow * s.strideW() - s.padLeft();
                    int lo = Math.max(0, -iw), hi = Math.min(s.kW(), s.inW() - iw);
                    if (ih < 0 || ih >= s.inH() || lo >= hi) lo = hi = 0;
                    runs[r++] = lo < hi ? (ih * s.inW() + iw + lo) * s.channels() : 0;
                    runs[r++] = lo;
                    runs[r++] = hi;
                }
        return runs;
    }
}
