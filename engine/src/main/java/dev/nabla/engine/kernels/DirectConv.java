package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Direct convolution for layers with a few filters, such as an autoencoder's output layer that
 * maps 32 channels to 3 or 1. Lowered to sgemm, such a layer is a product with n = F (forward)
 * or k = F (input gradient) against a register tile 16 or more floats wide, so most of every
 * tile is wasted, and the lowered matrix, kH·kW times the input, is written and read again for
 * a few flops per float. Here no lowered matrix exists.
 *
 * <p>Each image is first copied into a zero-padded buffer xp of hp × wp pixels, the rows and
 * columns its windows reach. In channels-last layout, row ki of window (oh, ow) is then one
 * contiguous run of kW·C floats, starting at ((oh·sH + ki)·wp + ow·sW)·C, and the kernel read
 * filter by filter, kᵀ[f] = K[·, ·, ·, f], is kH runs of kW·C floats in the same order. With w
 * a window and g the gradient of the output:
 * <pre>
 *   y[w, f]          = Σ_ki xp[run(w, ki)] · kᵀ[f][ki]     dot products of runs
 *   dkᵀ[f][ki]      += g[w, f] · xp[run(w, ki)]            scaled runs summed
 *   dxp[run(w, ki)] += g[w, f] · kᵀ[f][ki]                 scaled runs scattered back
 * </pre>
 * The input gradient is then cropped out of dxp (the adjoint of the padding). Images run in
 * parallel; the kernel gradient is summed per image and then over the images in order, so its
 * bits do not depend on the thread count. {@link Im2col} with {@link Sgemm} is the reference
 * these kernels are tested against.
 */
public final class DirectConv {
    /**
     * The most filters a layer may have to be computed here. The forward pass reads each run once
     * per filter, so the saving over sgemm's tiles shrinks as filters are added; it has been
     * measured for 1 and 3 filters (bench/RESULTS-conv.md).
     */
    static final int MAX_FILTERS = 4;

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();

    private DirectConv() {}

    /**
     * Whether a convolution with {@code filters} filters is computed here: few filters, vector
     * code available, and window rows (kW·C floats) at least one vector long.
     */
    public static boolean suits(ConvShape s, int filters) {
        return Sgemm.VECTORS && filters <= MAX_FILTERS && s.kW() * s.channels() >= VL;
    }

    /** y (windows × filters) = conv(x, K), K the (kH·kW·C × filters) kernel matrix. */
    public static void forward(ConvShape s, float[] x, int xOff, float[] k, int kOff, int filters, float[] y, int yOff) {
        Padded p = new Padded(s);
        int size = s.windowSize(), windows = s.outH() * s.outW();
        float[] xp = Workspace.get(Workspace.Slot.COLUMNS, s.batch() * p.image());
        float[] kt = transposed(k, kOff, size, filters, Workspace.get(Workspace.Slot.SCRATCH, filters * size));
        Parallel.forEach(s.batch(), flops(s, filters), Sgemm.PARALLEL_MIN_FLOPS, n -> {
            p.pad(x, xOff, xp, n);
            int at = yOff + n * windows * filters;
            for (int oh = 0; oh < s.outH(); oh++) {
                for (int ow = 0; ow < s.outW(); ow++) {
                    int window = p.window(n, oh, ow);
                    for (int f = 0; f < filters; f++) y[at++] = dot(xp, window, p.row(), kt, f * size, p.seg(), s.kH());
                }
            }
        });
    }

    /** dK (kH·kW·C × filters) = Σ over windows of the window's pixels times g[w, f]; overwrites dk. */
    public static void kernelGradient(ConvShape s, float[] x, int xOff, float[] g, int gOff, int filters, float[] dk, int dkOff) {
        Padded p = new Padded(s);
        int size = s.windowSize(), windows = s.outH() * s.outW(), part = filters * size;
        float[] xp = Workspace.get(Workspace.Slot.COLUMNS, s.batch() * p.image());
        float[] partials = Workspace.get(Workspace.Slot.COLUMN_GRADIENT, s.batch() * part);
        Parallel.forEach(s.batch(), flops(s, filters), Sgemm.PARALLEL_MIN_FLOPS, n -> {
            p.pad(x, xOff, xp, n);
            int dkt = n * part, gw = gOff + n * windows * filters;
            Arrays.fill(partials, dkt, dkt + part, 0f);
            for (int oh = 0; oh < s.outH(); oh++) {
                for (int ow = 0; ow < s.outW(); ow++, gw += filters) {
                    int window = p.window(n, oh, ow);
                    for (int f = 0; f < filters; f++) {
                        addScaledRuns(g[gw + f], xp, window, p.row(), partials, dkt + f * size, p.seg(), p.seg(), s.kH());
                    }
                }
            }
        });
        // Sum the images' dKᵀ in image order, transposing into the kernel's (kH·kW·C × F) layout.
        for (int i = 0; i < size; i++) {
            for (int f = 0; f < filters; f++) {
                float sum = 0f;
                for (int n = 0, at = f * size + i; n < s.batch(); n++, at += part) sum += partials[at];
                dk[dkOff + i * filters + f] = sum;
            }
        }
    }

    /** dx = the adjoint of {@link #forward} in x applied to g (windows × filters); overwrites dx. */
    public static void inputGradient(ConvShape s, float[] g, int gOff, float[] k, int kOff, int filters, float[] dx, int dxOff) {
        Padded p = new Padded(s);
        int size = s.windowSize(), windows = s.outH() * s.outW();
        float[] dxp = Workspace.get(Workspace.Slot.COLUMNS, s.batch() * p.image());
        float[] kt = transposed(k, kOff, size, filters, Workspace.get(Workspace.Slot.SCRATCH, filters * size));
        Parallel.forEach(s.batch(), flops(s, filters), Sgemm.PARALLEL_MIN_FLOPS, n -> {
            Arrays.fill(dxp, n * p.image(), (n + 1) * p.image(), 0f);
            int gw = gOff + n * windows * filters;
            for (int oh = 0; oh < s.outH(); oh++) {
                for (int ow = 0; ow < s.outW(); ow++, gw += filters) {
                    int window = p.window(n, oh, ow);
                    for (int f = 0; f < filters; f++) {
                        addScaledRuns(g[gw + f], kt, f * size, p.seg(), dxp, window, p.row(), p.seg(), s.kH());
                    }
                }
            }
            p.crop(dxp, dx, dxOff, n);
        });
    }

    /** Σ over {@code runs} runs of {@code seg} floats of a (runs {@code row} apart) · b (runs contiguous). */
    private static float dot(float[] a, int at, int row, float[] b, int bt, int seg, int runs) {
        FloatVector acc = FloatVector.zero(S);
        float tail = 0f;
        int bound = S.loopBound(seg);
        for (int r = 0; r < runs; r++, at += row, bt += seg) {
            int j = 0;
            for (; j < bound; j += VL) acc = FloatVector.fromArray(S, a, at + j).fma(FloatVector.fromArray(S, b, bt + j), acc);
            for (; j < seg; j++) tail += a[at + j] * b[bt + j];
        }
        return acc.reduceLanes(VectorOperators.ADD) + tail;
    }

    /** dst runs += scale · src runs, over {@code runs} runs of {@code seg} floats with their own strides. */
    private static void addScaledRuns(float scale, float[] src, int from, int srcRow, float[] dst, int to, int dstRow, int seg, int runs) {
        FloatVector sv = FloatVector.broadcast(S, scale);
        int bound = S.loopBound(seg);
        for (int r = 0; r < runs; r++, from += srcRow, to += dstRow) {
            int j = 0;
            for (; j < bound; j += VL) {
                FloatVector.fromArray(S, src, from + j).fma(sv, FloatVector.fromArray(S, dst, to + j)).intoArray(dst, to + j);
            }
            for (; j < seg; j++) dst[to + j] += scale * src[from + j];
        }
    }

    /** kᵀ (filters × size) of the (size × filters) kernel matrix k, into {@code into}. */
    private static float[] transposed(float[] k, int kOff, int size, int filters, float[] into) {
        for (int i = 0; i < size; i++)
            for (int f = 0; f < filters; f++) into[f * size + i] = k[kOff + i * filters + f];
        return into;
    }

    private static long flops(ConvShape s, int filters) {
        return 2L * s.windows() * s.windowSize() * filters;
    }

    /** The zero-padded copy of each image that the windows read: hp × wp pixels of C channels. */
    private static final class Padded {
        private final ConvShape s;
        private final int hp, wp;
        /** Image columns the windows reach: all of them unless a stride leaves the last ones out. */
        private final int cols;

        Padded(ConvShape s) {
            this.s = s;
            this.hp = (s.outH() - 1) * s.strideH() + s.kH();
            this.wp = (s.outW() - 1) * s.strideW() + s.kW();
            this.cols = Math.min(s.inW(), wp - s.padLeft());
        }

        int image() {
            return hp * wp * s.channels();
        }

        /** Floats from one padded row to the next. */
        int row() {
            return wp * s.channels();
        }

        /** Floats in one row of a window. */
        int seg() {
            return s.kW() * s.channels();
        }

        /** Where window (oh, ow) of image n starts in the padded batch. */
        int window(int n, int oh, int ow) {
            return n * image() + (oh * s.strideH() * wp + ow * s.strideW()) * s.channels();
        }

        /** xp[n] = image n of x placed at (padTop, padLeft) in zeros. */
        void pad(float[] x, int xOff, float[] xp, int n) {
            int c = s.channels(), to = n * image();
            Arrays.fill(xp, to, to + image(), 0f);
            int rows = Math.min(s.inH(), hp - s.padTop());
            for (int ih = 0, from = xOff + n * s.inH() * s.inW() * c; ih < rows; ih++, from += s.inW() * c) {
                System.arraycopy(x, from, xp, to + (ih + s.padTop()) * row() + s.padLeft() * c, cols * c);
            }
        }

        /** dx[n] = the image part of dxp[n], the adjoint of {@link #pad}: pixels no window reads get 0. */
        void crop(float[] dxp, float[] dx, int dxOff, int n) {
            int c = s.channels(), rowFloats = s.inW() * c;
            for (int ih = 0, to = dxOff + n * s.inH() * rowFloats; ih < s.inH(); ih++, to += rowFloats) {
                int ph = ih + s.padTop();
                int copied = ph < hp ? cols * c : 0;
                if (copied > 0) System.arraycopy(dxp, n * image() + ph * row() + s.padLeft() * c, dx, to, copied);
                Arrays.fill(dx, to + copied, to + rowFloats, 0f);
            }
        }
    }
}
