package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;
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
 * The input gradient is then cropped out of dxp (the adjoint of the padding).
 *
 * <p>Images run in parallel. The kernel gradient is summed per image and then over the images
 * in order, and a dot product's lanes are added in an order the code fixes
 * ({@link VectorMath#sumLanesPairwise}), so the bits depend neither on the thread count nor on
 * whether the JIT has compiled the loop. {@link Im2col} with {@link Sgemm} is the reference these
 * kernels are tested against.
 */
public final class DirectConv {
    /**
     * The most filters a layer may have to be computed here: the kernels hold four filters in
     * registers at once. With more, sgemm's tiles waste less; the direct kernels have been
     * measured for 1 and 3 filters (bench/RESULTS-conv.md).
     */
    static final int MAX_FILTERS = 4;

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    /** Floats in a 64-byte cache line, the line size of current x86 and Arm server cores. */
    private static final int CACHE_LINE_FLOATS = 16;

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
        float[] kt = kernelRows(k, kOff, size, filters);
        Parallel.forEach(s.batch(), flops(s, filters), Sgemm.PARALLEL_MIN_FLOPS, n -> {
            p.pad(x, xOff, xp, n);
            int at = yOff + n * windows * filters;
            for (int oh = 0; oh < s.outH(); oh++) {
                for (int ow = 0; ow < s.outW(); ow++, at += filters) {
                    int window = p.window(n, oh, ow);
                    if (filters == 1) y[at] = dot(xp, window, p.row(), kt, p.seg(), s.kH());
                    else dot4(xp, window, p.row(), kt, size, p.seg(), s.kH(), y, at, filters);
                }
            }
        });
    }

    /** dK (kH·kW·C × filters) = Σ over windows of the window's pixels times g[w, f]; overwrites dk. */
    public static void kernelGradient(ConvShape s, float[] x, int xOff, float[] g, int gOff, int filters, float[] dk, int dkOff) {
        Padded p = new Padded(s);
        int size = s.windowSize(), windows = s.outH() * s.outW(), part = partialStride(rows(filters) * size);
        float[] xp = Workspace.get(Workspace.Slot.COLUMNS, s.batch() * p.image());
        float[] partials = Workspace.get(Workspace.Slot.COLUMN_GRADIENT, s.batch() * part);
        float[] g4 = filters == 1 ? null : fourFilters(g, gOff, s.windows(), filters, Workspace.get(Workspace.Slot.SCRATCH, s.windows() * MAX_FILTERS));
        Parallel.forEach(s.batch(), flops(s, filters), Sgemm.PARALLEL_MIN_FLOPS, n -> {
            p.pad(x, xOff, xp, n);
            int dkt = n * part;
            Arrays.fill(partials, dkt, dkt + part, 0f);
            for (int oh = 0; oh < s.outH(); oh++) {
                int first = n * windows + oh * s.outW(), step = s.strideW() * s.channels();
                for (int ki = 0; ki < s.kH(); ki++) {
                    int run = p.window(n, oh, 0) + ki * p.row();
                    if (filters == 1) sumRow1(g, gOff + first, xp, run, step, s.outW(), partials, dkt + ki * p.seg(), p.seg());
                    else sumRow4(g4, first * MAX_FILTERS, xp, run, step, s.outW(), partials, dkt + ki * p.seg(), size, p.seg());
                }
            }
        });
        // dKᵀ = the images' partials summed in image order (into SCRATCH: g4 is done with), then
        // transposed into the kernel's (kH·kW·C × F) layout.
        float[] dkt = Workspace.get(Workspace.Slot.SCRATCH, part);
        Reduce.sumAxis(partials, 0, 1, s.batch(), part, dkt, 0);
        transpose(dkt, 0, filters, size, dk, dkOff);
    }

    /** dx = the adjoint of {@link #forward} in x applied to g (windows × filters); overwrites dx. */
    public static void inputGradient(ConvShape s, float[] g, int gOff, float[] k, int kOff, int filters, float[] dx, int dxOff) {
        Padded p = new Padded(s);
        int size = s.windowSize(), windows = s.outH() * s.outW();
        float[] dxp = Workspace.get(Workspace.Slot.COLUMNS, s.batch() * p.image());
        float[] kt = kernelRows(k, kOff, size, filters);
        Parallel.forEach(s.batch(), flops(s, filters), Sgemm.PARALLEL_MIN_FLOPS, n -> {
            Arrays.fill(dxp, n * p.image(), (n + 1) * p.image(), 0f);
            int gw = gOff + n * windows * filters;
            for (int oh = 0; oh < s.outH(); oh++) {
                for (int ow = 0; ow < s.outW(); ow++, gw += filters) {
                    int window = p.window(n, oh, ow);
                    if (filters == 1) scatter1(g[gw], kt, dxp, window, p.row(), p.seg(), s.kH());
                    else scatter4(g, gw, filters, kt, size, dxp, window, p.row(), p.seg(), s.kH());
                }
            }
            p.crop(dxp, dx, dxOff, n);
        });
    }

    // One filter: one dot product, or one scaled run, per window row, and one dKᵀ run per output
    // row. Two to four filters: four at once, with kᵀ and g padded by zero filters, so that each
    // run of the image is read once.

    /** Σ over {@code runs} runs of {@code seg} floats of a (runs {@code row} apart) · b (runs contiguous). */
    private static float dot(float[] a, int at, int row, float[] b, int seg, int runs) {
        FloatVector acc = FloatVector.zero(S);
        float tail = 0f;
        int bound = S.loopBound(seg);
        for (int r = 0, bt = 0; r < runs; r++, at += row, bt += seg) {
            int j = 0;
            for (; j < bound; j += VL) acc = FloatVector.fromArray(S, a, at + j).fma(FloatVector.fromArray(S, b, bt + j), acc);
            for (; j < seg; j++) tail += a[at + j] * b[bt + j];
        }
        return VectorMath.sumLanesPairwise(acc) + tail;
    }

    /** {@link #dot} against the four filters of b (rows {@code size} apart), the first {@code filters} stored to y. */
    private static void dot4(float[] a, int at, int row, float[] b, int size, int seg, int runs, float[] y, int yAt, int filters) {
        FloatVector acc0 = FloatVector.zero(S), acc1 = acc0, acc2 = acc0, acc3 = acc0;
        float t0 = 0f, t1 = 0f, t2 = 0f, t3 = 0f;
        int bound = S.loopBound(seg);
        for (int r = 0, bt = 0; r < runs; r++, at += row, bt += seg) {
            int j = 0;
            for (; j < bound; j += VL) {
                FloatVector x = FloatVector.fromArray(S, a, at + j);
                acc0 = x.fma(FloatVector.fromArray(S, b, bt + j), acc0);
                acc1 = x.fma(FloatVector.fromArray(S, b, size + bt + j), acc1);
                acc2 = x.fma(FloatVector.fromArray(S, b, 2 * size + bt + j), acc2);
                acc3 = x.fma(FloatVector.fromArray(S, b, 3 * size + bt + j), acc3);
            }
            for (; j < seg; j++) {
                float x = a[at + j];
                t0 += x * b[bt + j];
                t1 += x * b[size + bt + j];
                t2 += x * b[2 * size + bt + j];
                t3 += x * b[3 * size + bt + j];
            }
        }
        y[yAt] = VectorMath.sumLanesPairwise(acc0) + t0;
        if (filters > 1) y[yAt + 1] = VectorMath.sumLanesPairwise(acc1) + t1;
        if (filters > 2) y[yAt + 2] = VectorMath.sumLanesPairwise(acc2) + t2;
        if (filters > 3) y[yAt + 3] = VectorMath.sumLanesPairwise(acc3) + t3;
    }

    /** The runs of d ({@code row} apart) += scale · the runs of b (contiguous, {@code seg} floats each). */
    private static void scatter1(float scale, float[] b, float[] d, int to, int row, int seg, int runs) {
        FloatVector sv = FloatVector.broadcast(S, scale);
        int bound = S.loopBound(seg);
        for (int r = 0, bt = 0; r < runs; r++, to += row, bt += seg) {
            int j = 0;
            for (; j < bound; j += VL) {
                FloatVector.fromArray(S, b, bt + j).fma(sv, FloatVector.fromArray(S, d, to + j)).intoArray(d, to + j);
            }
            for (; j < seg; j++) d[to + j] += scale * b[bt + j];
        }
    }

    /**
     * d (one run of {@code seg} floats) += Σ over {@code count} windows along an output row of
     * g[w] · their run in a ({@code step} apart): the run of dKᵀ is held in registers while the
     * windows pass, instead of being loaded and stored once per window.
     */
    private static void sumRow1(float[] g, int gw, float[] a, int at, int step, int count, float[] d, int dt, int seg) {
        int bound = S.loopBound(seg), j = 0;
        for (; j < bound; j += VL) {
            FloatVector acc = FloatVector.fromArray(S, d, dt + j);
            for (int w = 0, from = at + j; w < count; w++, from += step) {
                acc = FloatVector.fromArray(S, a, from).fma(FloatVector.broadcast(S, g[gw + w]), acc);
            }
            acc.intoArray(d, dt + j);
        }
        for (; j < seg; j++) {
            for (int w = 0, from = at + j; w < count; w++, from += step) d[dt + j] += a[from] * g[gw + w];
        }
    }

    /** {@link #sumRow1} for the four filter rows of d ({@code size} apart), g4 holding four filters per window. */
    private static void sumRow4(float[] g4, int gw, float[] a, int at, int step, int count, float[] d, int dt, int size, int seg) {
        int bound = S.loopBound(seg), j = 0;
        for (; j < bound; j += VL) {
            FloatVector acc0 = FloatVector.fromArray(S, d, dt + j), acc1 = FloatVector.fromArray(S, d, dt + size + j);
            FloatVector acc2 = FloatVector.fromArray(S, d, dt + 2 * size + j), acc3 = FloatVector.fromArray(S, d, dt + 3 * size + j);
            for (int w = 0, from = at + j, gi = gw; w < count; w++, from += step, gi += MAX_FILTERS) {
                FloatVector x = FloatVector.fromArray(S, a, from);
                acc0 = x.fma(FloatVector.broadcast(S, g4[gi]), acc0);
                acc1 = x.fma(FloatVector.broadcast(S, g4[gi + 1]), acc1);
                acc2 = x.fma(FloatVector.broadcast(S, g4[gi + 2]), acc2);
                acc3 = x.fma(FloatVector.broadcast(S, g4[gi + 3]), acc3);
            }
            acc0.intoArray(d, dt + j);
            acc1.intoArray(d, dt + size + j);
            acc2.intoArray(d, dt + 2 * size + j);
            acc3.intoArray(d, dt + 3 * size + j);
        }
        for (; j < seg; j++) {
            for (int w = 0, from = at + j, gi = gw; w < count; w++, from += step, gi += MAX_FILTERS) {
                for (int f = 0; f < MAX_FILTERS; f++) d[dt + f * size + j] += a[from] * g4[gi + f];
            }
        }
    }

    /** {@link #scatter1} of Σ over four filters of g[w, f] · kᵀ[f] (rows {@code size} apart), f ≥ filters counting as 0. */
    private static void scatter4(float[] g, int gw, int filters, float[] b, int size, float[] d, int to, int row, int seg, int runs) {
        float g0 = g[gw], g1 = filters > 1 ? g[gw + 1] : 0f, g2 = filters > 2 ? g[gw + 2] : 0f, g3 = filters > 3 ? g[gw + 3] : 0f;
        FloatVector v0 = FloatVector.broadcast(S, g0), v1 = FloatVector.broadcast(S, g1);
        FloatVector v2 = FloatVector.broadcast(S, g2), v3 = FloatVector.broadcast(S, g3);
        int bound = S.loopBound(seg);
        for (int r = 0, bt = 0; r < runs; r++, to += row, bt += seg) {
            int j = 0;
            for (; j < bound; j += VL) {
                FloatVector acc = FloatVector.fromArray(S, d, to + j);
                acc = FloatVector.fromArray(S, b, bt + j).fma(v0, acc);
                acc = FloatVector.fromArray(S, b, size + bt + j).fma(v1, acc);
                acc = FloatVector.fromArray(S, b, 2 * size + bt + j).fma(v2, acc);
                acc = FloatVector.fromArray(S, b, 3 * size + bt + j).fma(v3, acc);
                acc.intoArray(d, to + j);
            }
            for (; j < seg; j++) {
                d[to + j] += g0 * b[bt + j] + g1 * b[size + bt + j] + g2 * b[2 * size + bt + j] + g3 * b[3 * size + bt + j];
            }
        }
    }

    /**
     * Floats from one image's partial dKᵀ to the next: the partial rounded up to whole cache
     * lines, plus one line, so that threads summing neighbouring images never write the same line.
     */
    private static int partialStride(int floats) {
        return (floats + CACHE_LINE_FLOATS - 1) / CACHE_LINE_FLOATS * CACHE_LINE_FLOATS + CACHE_LINE_FLOATS;
    }

    /** Filter rows the kernels work on: 1 for one filter, else four (the missing ones zero). */
    private static int rows(int filters) {
        return filters == 1 ? 1 : MAX_FILTERS;
    }

    /** g (windows × filters) with zero filters appended up to four per window, into {@code into}. */
    private static float[] fourFilters(float[] g, int gOff, int windows, int filters, float[] into) {
        for (int w = 0; w < windows; w++)
            for (int f = 0; f < MAX_FILTERS; f++) into[w * MAX_FILTERS + f] = f < filters ? g[gOff + w * filters + f] : 0f;
        return into;
    }

    /** kᵀ, rows(filters) × size, of the (size × filters) kernel matrix k, zero past the last filter, in SCRATCH. */
    private static float[] kernelRows(float[] k, int kOff, int size, int filters) {
        float[] kt = Workspace.get(Workspace.Slot.SCRATCH, rows(filters) * size);
        transpose(k, kOff, size, filters, kt, 0);
        Arrays.fill(kt, filters * size, rows(filters) * size, 0f);
        return kt;
    }

    /** t (cols × rows, from tOff) = the transpose of a (rows × cols, from aOff). */
    private static void transpose(float[] a, int aOff, int rows, int cols, float[] t, int tOff) {
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) t[tOff + c * rows + r] = a[aOff + r * cols + c];
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
