package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Changes the spatial resolution of channels-last images (batch, inH, inW, C): max pooling
 * down, nearest-neighbour upsampling up. Pooling windows are laid out as a convolution's
 * ({@link ConvShape}): window (oh, ow) covers rows oh·sH − padTop .. oh·sH − padTop + kH − 1 and
 * columns likewise, cut to the image.
 */
public final class Resampling {
    private Resampling() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    /** Below this many floats in the larger image (pooling's input, upsampling's output), a call runs on the calling thread. */
    static final int PARALLEL_MIN_FLOATS = 1 << 15;

    /**
     * out[n, oh, ow, c] = max over the window of x[n, ·, ·, c]; the window geometry, padding
     * included, is a convolution's ({@link ConvShape}), and padded positions are not candidates
     * (as TensorFlow's 'same' max pooling). Images run in parallel; channels a vector at a time
     * where there are whole vectors of them ({@link #windowMaxima}), one at a time otherwise.
     */
    public static void maxPool(ConvShape s, float[] x, int xOff, float[] out) {
        int c = s.channels(), vectorChannels = c / VL * VL, perImage = s.outH() * s.outW() * c;
        Parallel.forEach(s.batch(), (long) s.batch() * s.inH() * s.inW() * c, PARALLEL_MIN_FLOATS, n -> {
            int[] best = vectorChannels < c ? new int[c] : null;     // for the channels past the last whole vector
            for (int oh = 0, o = n * perImage; oh < s.outH(); oh++) {
                for (int ow = 0; ow < s.outW(); ow++, o += c) {
                    Window w = Window.of(s, n, oh, ow);
                    for (int ch = 0; ch < vectorChannels; ch += VL) windowMaxima(w, x, xOff + ch).intoArray(out, o + ch);
                    if (vectorChannels == c) continue;
                    firstMaxima(w, x, xOff, vectorChannels, best);
                    for (int ch = vectorChannels; ch < c; ch++) out[o + ch] = x[xOff + best[ch]];
                }
            }
        });
    }

    /**
     * dx[winner] += g for each output, where the winner is the first maximum of its window (found
     * again from x rather than stored): the maximum is locally the identity of its winning input.
     * Overlapping windows add up. Overwrites dx.
     *
     * <p>Where windows do not overlap (stride at least the pool, as in a 2×2 pool of stride 2),
     * each position of dx belongs to one window at most, so its window writes it outright, g or 0,
     * instead of adding to a dx zeroed first; the zeroing is then left out too where the windows
     * tile the whole image and every channel is in a whole vector (a 28×28 image under a 2×2
     * pool): dx is then written once, where it was zeroed, read and written again.
     */
    public static void maxPoolBackward(ConvShape s, float[] x, int xOff, float[] g, int gOff, float[] dx) {
        int c = s.channels(), vectorChannels = c / VL * VL, perImage = s.outH() * s.outW() * c, image = s.inH() * s.inW() * c;
        boolean disjoint = s.strideH() >= s.kH() && s.strideW() >= s.kW();
        // Windows of the stride's size, from the corner, out·k pixels in all: every pixel in one.
        boolean tiled = s.kH() == s.strideH() && s.kW() == s.strideW() && s.padTop() == 0 && s.padLeft() == 0
                && s.outH() * s.kH() == s.inH() && s.outW() * s.kW() == s.inW() && vectorChannels == c;
        Parallel.forEach(s.batch(), (long) s.batch() * s.inH() * s.inW() * c, PARALLEL_MIN_FLOATS, n -> {
            if (!tiled) java.util.Arrays.fill(dx, n * image, (n + 1) * image, 0f);
            int[] best = vectorChannels < c ? new int[c] : null;     // for the channels past the last whole vector
            for (int oh = 0, o = gOff + n * perImage; oh < s.outH(); oh++) {
                for (int ow = 0; ow < s.outW(); ow++, o += c) {
                    Window w = Window.of(s, n, oh, ow);
                    for (int ch = 0; ch < vectorChannels; ch += VL) routeToMaxima(w, x, xOff + ch, FloatVector.fromArray(S, g, o + ch), dx, ch, disjoint);
                    if (vectorChannels == c) continue;
                    firstMaxima(w, x, xOff, vectorChannels, best);
                    for (int ch = vectorChannels; ch < c; ch++) dx[best[ch]] += g[o + ch];
                }
            }
        });
    }

    /**
     * One pooling window cut to its image: rows [rowFrom, rowTo), columns [colFrom, colTo), and
     * offsets counted from the batch's first float (as dx's, and x's from xOff).
     */
    private record Window(int image, int inW, int c, int rowFrom, int rowTo, int colFrom, int colTo) {
        static Window of(ConvShape s, int n, int oh, int ow) {
            int top = oh * s.strideH() - s.padTop(), left = ow * s.strideW() - s.padLeft();
            return new Window(n * s.inH() * s.inW() * s.channels(), s.inW(), s.channels(),
                    Math.max(top, 0), Math.min(top + s.kH(), s.inH()), Math.max(left, 0), Math.min(left + s.kW(), s.inW()));
        }

        int at(int i, int j) {
            return image + (i * inW + j) * c;
        }
    }

    /**
     * The maxima of VL channels from {@code x[from..]} over a window, in the scalar kernel's
     * order and with its rule (a later value wins only when strictly greater), so the two give
     * the same bits, NaN included.
     */
    private static FloatVector windowMaxima(Window w, float[] x, int from) {
        int first = from + w.at(w.rowFrom(), w.colFrom());
        FloatVector max = FloatVector.fromArray(S, x, first);
        if (w.rowTo() - w.rowFrom() == 2 && w.colTo() - w.colFrom() == 2) {
            // A whole 2×2 window, the usual pool, written out: the loop below costs more than its four loads.
            int right = w.c(), down = w.inW() * w.c();
            return greater(greater(greater(max, x, first + right), x, first + down), x, first + down + right);
        }
        for (int i = w.rowFrom(); i < w.rowTo(); i++) {
            for (int j = w.colFrom(); j < w.colTo(); j++) max = greater(max, x, from + w.at(i, j));
        }
        return max;
    }

    /** The lanes of x[at..] that are strictly greater than max replace them. */
    private static FloatVector greater(FloatVector max, float[] x, int at) {
        FloatVector v = FloatVector.fromArray(S, x, at);
        return max.blend(v, v.compare(VectorOperators.GT, max));
    }

    /**
     * dx += g at the first maximum of each of VL channels ({@code x[from..]}, {@code dx[ch..]}):
     * the first position that holds the window's maximum, as the scalar kernel finds it. A lane
     * whose maximum is NaN matches nowhere and, as there, goes to the window's first position.
     * For a window that no other overlaps ({@code disjoint}), dx is written, not added to: g at
     * the maximum, 0 elsewhere (g + 0, so that a −0 becomes the +0 of 0 + g, the same bits).
     */
    private static void routeToMaxima(Window w, float[] x, int from, FloatVector g, float[] dx, int ch, boolean disjoint) {
        FloatVector max = windowMaxima(w, x, from), zero = FloatVector.zero(S), plusZero = g.add(0f);
        VectorMask<Float> routed = S.maskAll(false);
        for (int i = w.rowFrom(); i < w.rowTo(); i++) {
            for (int j = w.colFrom(); j < w.colTo(); j++) {
                VectorMask<Float> here = FloatVector.fromArray(S, x, from + w.at(i, j)).eq(max).andNot(routed);
                int d = ch + w.at(i, j);
                if (disjoint) zero.blend(plusZero, here).intoArray(dx, d);
                else FloatVector.fromArray(S, dx, d).add(g, here).intoArray(dx, d);
                routed = routed.or(here);
            }
        }
        if (routed.allTrue()) return;            // every lane found its maximum: no NaN
        int first = ch + w.at(w.rowFrom(), w.colFrom());
        FloatVector.fromArray(S, dx, first).add(g, routed.not()).intoArray(dx, first);
    }

    /**
     * best[ch] = flat index (from xOff) of the first maximum of channel ch in the window, for the
     * channels from {@code fromChannel} on.
     */
    private static void firstMaxima(Window w, float[] x, int xOff, int fromChannel, int[] best) {
        int first = w.at(w.rowFrom(), w.colFrom());
        for (int ch = fromChannel; ch < w.c(); ch++) best[ch] = first + ch;
        for (int i = w.rowFrom(); i < w.rowTo(); i++) {
            for (int j = w.colFrom(); j < w.colTo(); j++) {
                int at = w.at(i, j);
                if (at == first) continue;
                for (int ch = fromChannel; ch < w.c(); ch++) {
                    // branch-free: the later element wins only when strictly greater, so ties keep the first
                    int cand = at + ch, cur = best[ch];
                    best[ch] = x[xOff + cand] > x[xOff + cur] ? cand : cur;
                }
            }
        }
    }

    /** Nearest-neighbour upsampling: out[n, i, j, c] = x[n, i / fH, j / fW, c]. Images run in parallel. */
    public static void upsampleNearest(float[] x, int xOff, int batch, int inH, int inW, int c, int fH, int fW, float[] out) {
        int outW = inW * fW, perImage = inH * fH * outW * c;
        Parallel.forEach(batch, (long) batch * perImage, PARALLEL_MIN_FLOATS, n -> {
            int o = n * perImage;
            for (int i = 0; i < inH * fH; i++) {
                int row = xOff + (n * inH + i / fH) * inW * c;
                for (int j = 0; j < outW; j++, o += c) System.arraycopy(x, row + (j / fW) * c, out, o, c);
            }
        });
    }

    /**
     * The adjoint of {@link #upsampleNearest}: dx[n, i, j, c] = Σ over the fH×fW block of g.
     * Overwrites dx. Images run in parallel; within one, each sum adds its block row by row.
     */
    public static void upsampleNearestBackward(float[] g, int gOff, int batch, int inH, int inW, int c, int fH, int fW, float[] dx) {
        int outW = inW * fW, perImage = inH * fH * outW * c;
        Parallel.forEach(batch, (long) batch * perImage, PARALLEL_MIN_FLOATS, n -> {
            java.util.Arrays.fill(dx, n * inH * inW * c, (n + 1) * inH * inW * c, 0f);
            int o = gOff + n * perImage;
            for (int i = 0; i < inH * fH; i++) {
                int row = (n * inH + i / fH) * inW * c;
                for (int j = 0; j < outW; j++, o += c) ElementWise.accumulate(g, o, dx, row + (j / fW) * c, c);
            }
        });
    }
}
