package dev.nabla.engine.kernels;

/**
 * Changes the spatial resolution of channels-last images (batch, inH, inW, C): max pooling
 * down, nearest-neighbour upsampling up. Pooling uses pH×pW windows moved by (sH, sW) without
 * padding, so window (oh, ow) covers rows oh·sH .. oh·sH + pH − 1 and columns likewise.
 */
public final class Resampling {
    private Resampling() {}

    /** out[n, oh, ow, c] = max over the window of x[n, ·, ·, c]. */
    public static void maxPool(float[] x, int xOff, int batch, int inH, int inW, int c, int pH, int pW, int sH, int sW,
                               int outH, int outW, float[] out) {
        forEachWindow(x, xOff, batch, inH, inW, c, pH, pW, sH, sW, outH, outW, (o, winner) -> out[o] = x[xOff + winner]);
    }

    /**
     * dx[winner] += g for each output, where the winner is the first maximum of its window (found
     * again from x rather than stored): the maximum is locally the identity of its winning input.
     * Overlapping windows add up. Overwrites dx.
     */
    public static void maxPoolBackward(float[] x, int xOff, int batch, int inH, int inW, int c, int pH, int pW, int sH, int sW,
                                       int outH, int outW, float[] g, int gOff, float[] dx) {
        java.util.Arrays.fill(dx, 0, batch * inH * inW * c, 0f);
        forEachWindow(x, xOff, batch, inH, inW, c, pH, pW, sH, sW, outH, outW, (o, winner) -> dx[winner] += g[gOff + o]);
    }

    private interface Winner {
        /** Output element o (flat, channels-last) is taken from input element {@code winner} (flat, from xOff). */
        void accept(int o, int winner);
    }

    /** Visits every output element in order with the flat index of its window's first maximum. */
    private static void forEachWindow(float[] x, int xOff, int batch, int inH, int inW, int c, int pH, int pW, int sH, int sW,
                                      int outH, int outW, Winner task) {
        int[] best = new int[c];
        int o = 0;
        for (int n = 0; n < batch; n++) {
            int image = n * inH * inW * c;
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++, o += c) {
                    int first = image + (oh * sH * inW + ow * sW) * c;
                    for (int ch = 0; ch < c; ch++) best[ch] = first + ch;
                    for (int ki = 0; ki < pH; ki++) {
                        for (int kj = 0; kj < pW; kj++) {
                            int at = image + ((oh * sH + ki) * inW + ow * sW + kj) * c;
                            for (int ch = 0; ch < c; ch++) {
                                if (x[xOff + at + ch] > x[xOff + best[ch]]) best[ch] = at + ch;
                            }
                        }
                    }
                    for (int ch = 0; ch < c; ch++) task.accept(o + ch, best[ch]);
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
