package dev.nabla.engine.kernels;

import java.util.Arrays;

/**
 * Lowers a convolution to a matrix product. {@code im2col} copies every kH×kW×C window of a
 * channels-last batch into one row of a (windows × kH·kW·C) matrix, so that the convolution with
 * a (kH·kW·C × filters) kernel matrix is a single GEMM. {@code col2im} is its adjoint: it adds
 * every row back onto the window it came from (overlapping windows sum), which turns the
 * gradient of the lowered matrix into the gradient of the image.
 *
 * <p>In channels-last layout a window position (oh, ow, ki, kj) is a contiguous run of C floats
 * in both the image and the matrix, and where each run starts in an image is the same for every
 * image, so both kernels first tabulate those starts (−1 for runs in the padding) and then move
 * whole runs. Images are processed in parallel.
 */
public final class Im2col {
    /** Below this many floats moved, a call runs on the calling thread. */
    static final long PARALLEL_MIN_FLOATS = 1 << 16;

    private Im2col() {}

    /** col[(n, oh, ow), (ki, kj, c)] = x[n, oh·sH − padTop + ki, ow·sW − padLeft + kj, c], or 0 outside the image. */
    public static void im2col(ConvShape s, float[] x, int xOff, float[] col) {
        int count = runCount(s);
        int[] runs = runStarts(s);
        int c = s.channels(), image = s.inH() * s.inW() * c;
        Parallel.forEach(s.batch(), (long) s.windows() * s.windowSize(), PARALLEL_MIN_FLOATS, n -> {
            int from = xOff + n * image, at = n * count * c;
            for (int r = 0; r < count; r++, at += c) {
                if (runs[r] < 0) {
                    Arrays.fill(col, at, at + c, 0f);
                } else if (c >= 16) {
                    System.arraycopy(x, from + runs[r], col, at, c);
                } else {
                    for (int i = 0; i < c; i++) col[at + i] = x[from + runs[r] + i];
                }
            }
        });
    }

    /** dx[n, ih, iw, c] = Σ over windows covering (ih, iw) of dcol[window, (ki, kj, c)]. Overwrites dx. */
    public static void col2im(ConvShape s, float[] dcol, float[] dx, int dxOff) {
        int count = runCount(s);
        int[] runs = runStarts(s);
        int c = s.channels(), image = s.inH() * s.inW() * c;
        Parallel.forEach(s.batch(), (long) s.windows() * s.windowSize(), PARALLEL_MIN_FLOATS, n -> {
            int to = dxOff + n * image, at = n * count * c;
            Arrays.fill(dx, to, to + image, 0f);
            for (int r = 0; r < count; r++, at += c) {
                if (runs[r] < 0) continue;
                if (c >= 16) {
                    ElementWise.accumulate(dcol, at, dx, to + runs[r], c);
                } else {
                    for (int i = 0; i < c; i++) dx[to + runs[r] + i] += dcol[at + i];
                }
            }
        });
    }

    /** Runs per image: one per (oh, ow, ki, kj). */
    private static int runCount(ConvShape s) {
        return s.outH() * s.outW() * s.kH() * s.kW();
    }

    /**
     * For each (oh, ow, ki, kj) in row-major order, the offset of its C-run within one image, or
     * −1 in the padding: the first {@link #runCount} entries of this thread's index workspace.
     */
    private static int[] runStarts(ConvShape s) {
        int[] runs = Workspace.indices(runCount(s));
        int r = 0;
        for (int oh = 0; oh < s.outH(); oh++)
            for (int ow = 0; ow < s.outW(); ow++)
                for (int ki = 0; ki < s.kH(); ki++)
                    for (int kj = 0; kj < s.kW(); kj++) {
                        int ih = oh * s.strideH() - s.padTop() + ki, iw = ow * s.strideW() - s.padLeft() + kj;
                        boolean inside = ih >= 0 && ih < s.inH() && iw >= 0 && iw < s.inW();
                        runs[r++] = inside ? (ih * s.inW() + iw) * s.channels() : -1;
                    }
        return runs;
    }
}
