package dev.nabla.engine.kernels;

/**
 * Changes the spatial resolution of channels-last images (batch, inH, inW, C): max pooling
 * down, nearest-neighbour upsampling up. Pooling windows are laid out as a convolution's
 * ({@link ConvShape}): window (oh, ow) covers rows oh·sH − padTop .. oh·sH − padTop + kH − 1 and
 * columns likewise, cut to the image.
 */
public final class Resampling {
    private Resampling() {}

    /**
     * out[n, oh, ow, c] = max over the window of x[n, ·, ·, c]; the window geometry, padding
     * included, is a convolution's ({@link ConvShape}), and padded positions are not candidates
     * (as TensorFlow's 'same' max pooling).
     */
    public static void maxPool(ConvShape s, float[] x, int xOff, float[] out) {
        int c = s.channels();
        int[] best = new int[c];
        for (int n = 0, o = 0; n < s.batch(); n++) {
            for (int oh = 0; oh < s.outH(); oh++) {
                for (int ow = 0; ow < s.outW(); ow++, o += c) {
                    firstMaxima(s, x, xOff, n, oh, ow, best);
                    for (int ch = 0; ch < c; ch++) out[o + ch] = x[xOff + best[ch]];
                }
            }
        }
    }

    /**
     * dx[winner] += g for each output, where the winner is the first maximum of its window (found
     * again from x rather than stored): the maximum is locally the identity of its winning input.
     * Overlapping windows add up. Overwrites dx.
     */
    public static void maxPoolBackward(ConvShape s, float[] x, int xOff, float[] g, int gOff, float[] dx) {
        java.util.Arrays.fill(dx, 0, s.batch() * s.inH() * s.inW() * s.channels(), 0f);
        int c = s.channels();
        int[] best = new int[c];
        for (int n = 0, o = gOff; n < s.batch(); n++) {
            for (int oh = 0; oh < s.outH(); oh++) {
                for (int ow = 0; ow < s.outW(); ow++, o += c) {
                    firstMaxima(s, x, xOff, n, oh, ow, best);
                    for (int ch = 0; ch < c; ch++) dx[best[ch]] += g[o + ch];
                }
            }
        }
    }

    /** best[ch] = flat index (from xOff) of the first maximum of channel ch in window (oh, ow) of image n, the image's part only. */
    private static void firstMaxima(ConvShape s, float[] x, int xOff, int n, int oh, int ow, int[] best) {
        int c = s.channels(), inH = s.inH(), inW = s.inW(), image = n * inH * inW * c;
        int top = oh * s.strideH() - s.padTop(), rowFrom = Math.max(top, 0), rowTo = Math.min(top + s.kH(), inH);
        int left = ow * s.strideW() - s.padLeft(), colFrom = Math.max(left, 0), colTo = Math.min(left + s.kW(), inW);
        int first = image + (rowFrom * inW + colFrom) * c;
        for (int ch = 0; ch < c; ch++) best[ch] = first + ch;
        for (int i = rowFrom; i < rowTo; i++) {
            for (int j = colFrom; j < colTo; j++) {
                int at = image + (i * inW + j) * c;
                if (at == first) continue;
                for (int ch = 0; ch < c; ch++) {
                    // branch-free: the later element wins only when strictly greater, so ties keep the first
                    int cand = at + ch, cur = best[ch];
                    best[ch] = x[xOff + cand] > x[xOff + cur] ? cand : cur;
                }
            }
        }
    }

    /** Nearest-neighbour upsampling: out[n, i, j, c] = x[n, i / fH, j / fW, c]. */
    public static void upsampleNearest(float[] x, int xOff, int batch, int inH, int inW, int c, int fH, int fW, float[] out) {
        int outW = inW * fW, o = 0;
        for (int n = 0; n < batch; n++) {
            for (int i = 0; i < inH * fH; i++) {
                int row = xOff + (n * inH + i / fH) * inW * c;
                for (int j = 0; j < outW; j++, o += c) System.arraycopy(x, row + (j / fW) * c, out, o, c);
            }
        }
    }

    /** The adjoint of {@link #upsampleNearest}: dx[n, i, j, c] = Σ over the fH×fW block of g. Overwrites dx. */
    public static void upsampleNearestBackward(float[] g, int gOff, int batch, int inH, int inW, int c, int fH, int fW, float[] dx) {
        java.util.Arrays.fill(dx, 0, batch * inH * inW * c, 0f);
        int outW = inW * fW, o = gOff;
        for (int n = 0; n < batch; n++) {
            for (int i = 0; i < inH * fH; i++) {
                int row = (n * inH + i / fH) * inW * c;
                for (int j = 0; j < outW; j++, o += c) ElementWise.accumulate(g, o, dx, row + (j / fW) * c, c);
            }
        }
    }
}
