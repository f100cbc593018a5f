package dev.nabla.engine.kernels;

import dev.nabla.engine.Shape;
import dev.nabla.engine.profile.Profiler;

/**
 * The default backend: Vector API kernels on Java arrays. It is the reference the other backends
 * are tested against. Each method unwraps its storage and calls the kernel class of its family
 * ({@link Sgemm}, {@link ElementWise}, {@link Reduce}, {@link CrossEntropy}, {@link Im2col}, {@link DirectConv},
 * {@link Resampling}, {@link LstmCell}).
 */
public class CpuBackend implements Backend {
    public static final CpuBackend INSTANCE = new CpuBackend();

    protected CpuBackend() {}

    /** The array behind storage this backend owns; storage of another backend is an error. */
    protected final float[] a(Storage s) {
        if (s instanceof HostStorage h && h.backend() == this) return h.array();
        throw new IllegalArgumentException(this + " was given storage of " + s.backend() + "; move the tensor with to() first");
    }

    @Override
    public String toString() {
        return "cpu";
    }

    // ------------------------------------------------------------------ memory

    @Override
    public Storage allocate(int length) {
        return new HostStorage(Arena.zeros(length), this);
    }

    /** An array of the open arena as an earlier step left it, or a new one. */
    @Override
    public Storage allocateUninitialized(int length) {
        return new HostStorage(Arena.uninitialized(length), this);
    }

    @Override
    public Storage fromHost(float[] values) {
        return new HostStorage(values.clone(), this);
    }

    @Override
    public float[] toHost(Storage s, int offset, int length) {
        return java.util.Arrays.copyOfRange(a(s), offset, offset + length);
    }

    @Override
    public Storage workspace(Workspace.Slot slot, int length) {
        return new HostStorage(Workspace.get(slot, length), this);
    }

    // ------------------------------------------------------------------ GEMM

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, Storage a, int aOff, int lda,
                      Storage b, int bOff, int ldb, float beta, Storage c, int cOff, int ldc) {
        boolean timed = Profiler.active();
        long start = timed ? System.nanoTime() : 0;
        Sgemm.sgemm(transA, transB, m, n, k, alpha, a(a), aOff, lda, a(b), bOff, ldb, beta, a(c), cOff, ldc);
        if (timed) Profiler.kernel("sgemm", start, 2L * m * n * k);
    }

    // ------------------------------------------------------------------ element-wise

    @Override
    public void binary(ElementWise.BinaryOp op, int[] shape, Storage a, int aOff, int[] aStrides,
                       Storage b, int bOff, int[] bStrides, Storage out) {
        float[] x = a(a), y = a(b), o = a(out);
        int n = Shape.size(shape);
        if (n == 0) return;
        if (shape.length == 0 || (Shape.isContiguous(shape, aStrides) && Shape.isContiguous(shape, bStrides))) {
            int step = shape.length == 0 ? 0 : 1;
            ElementWise.binary(op, x, aOff, step, y, bOff, step, o, 0, shape.length == 0 ? 1 : n);
            return;
        }
        RowWalk.walk(shape, new int[][] {aStrides, bStrides, Shape.contiguousStrides(shape)}, new int[] {aOff, bOff, 0}, (pos, step, len) ->
                ElementWise.binary(op, x, pos[0], step[0], y, pos[1], step[1], o, pos[2], len));
    }

    @Override
    public void copy(int[] shape, Storage src, int srcOff, int[] srcStrides, Storage dst, int dstOff, int[] dstStrides) {
        float[] from = a(src), to = a(dst);
        int n = Shape.size(shape);
        if (n == 0) return;
        if (shape.length == 0 || (Shape.isContiguous(shape, srcStrides) && Shape.isContiguous(shape, dstStrides))) {
            System.arraycopy(from, srcOff, to, dstOff, n);
            return;
        }
        RowWalk.walk(shape, new int[][] {srcStrides, dstStrides}, new int[] {srcOff, dstOff}, (pos, step, len) -> {
            if (step[0] == 1 && step[1] == 1) {     // rows contiguous on both sides: a permutation of outer axes
                System.arraycopy(from, pos[0], to, pos[1], len);
            } else {
                for (int j = 0; j < len; j++) to[pos[1] + j * step[1]] = from[pos[0] + j * step[0]];
            }
        });
    }

    @Override
    public void unary(Unary op, Storage x, int xOff, Storage y, int yOff, int n) {
        float[] xs = a(x), ys = a(y);
        Parallel.forRanges(n, ElementWise.LANES, ElementWise.PARALLEL_MIN_FLOATS,
                (from, to) -> ElementWise.unary(op, xs, xOff + from, ys, yOff + from, to - from));
    }

    @Override
    public void unaryBackward(Unary op, Storage x, int xOff, Storage y, int yOff, Storage g, int gOff, Storage dx, int dxOff, int n) {
        float[] xs = x == null ? null : a(x), ys = y == null ? null : a(y), gs = a(g), dxs = a(dx);
        Parallel.forRanges(n, ElementWise.LANES, ElementWise.PARALLEL_MIN_FLOATS,
                (from, to) -> ElementWise.unaryBackward(op, xs, xOff + from, ys, yOff + from, gs, gOff + from, dxs, dxOff + from, to - from));
    }

    @Override
    public void scale(Storage x, int xOff, float c, Storage y, int yOff, int n) {
        ElementWise.scale(a(x), xOff, c, a(y), yOff, n);
    }

    @Override
    public void pow(Storage x, int xOff, float p, Storage y, int yOff, int n) {
        ElementWise.pow(a(x), xOff, p, a(y), yOff, n);
    }

    @Override
    public void powBackward(Storage x, int xOff, float p, Storage g, int gOff, Storage dx, int dxOff, int n) {
        ElementWise.powBackward(a(x), xOff, p, a(g), gOff, a(dx), dxOff, n);
    }

    @Override
    public void clamp(Storage x, int xOff, float lo, float hi, Storage y, int yOff, int n) {
        ElementWise.clamp(a(x), xOff, lo, hi, a(y), yOff, n);
    }

    @Override
    public void clampBackward(Storage x, int xOff, float lo, float hi, Storage g, int gOff, Storage dx, int dxOff, int n) {
        ElementWise.clampBackward(a(x), xOff, lo, hi, a(g), gOff, a(dx), dxOff, n);
    }

    @Override
    public void leakyRelu(Storage x, int xOff, float slope, Storage y, int yOff, int n) {
        ElementWise.leakyRelu(a(x), xOff, slope, a(y), yOff, n);
    }

    @Override
    public void leakyReluBackward(Storage x, int xOff, float slope, Storage g, int gOff, Storage dx, int dxOff, int n) {
        ElementWise.leakyReluBackward(a(x), xOff, slope, a(g), gOff, a(dx), dxOff, n);
    }

    @Override
    public void addToRows(Storage v, int vOff, Storage m, int mOff, int rows, int n) {
        float[] vs = a(v), ms = a(m);
        Parallel.forRanges(rows, 1, Math.max(1, ElementWise.PARALLEL_MIN_FLOATS / Math.max(1, n)), (from, to) -> {
            for (int r = from; r < to; r++) ElementWise.accumulate(vs, vOff, ms, mOff + r * n, n);
        });
    }

    // ------------------------------------------------------------------ reductions

    @Override
    public void sumAxis(Storage x, int xOff, int outer, int len, int inner, Storage out, int outOff) {
        Reduce.sumAxis(a(x), xOff, outer, len, inner, a(out), outOff);
    }

    @Override
    public void maxAxis(Storage x, int xOff, int outer, int len, int inner, Storage out) {
        Reduce.maxAxis(a(x), xOff, outer, len, inner, a(out));
    }

    @Override
    public void maxAxisBackward(Storage x, int xOff, int outer, int len, int inner, Storage g, int gOff, Storage dx) {
        Reduce.maxAxisBackward(a(x), xOff, outer, len, inner, a(g), gOff, a(dx));
    }

    @Override
    public void softmax(Storage x, int xOff, int outer, int len, int inner, boolean log, Storage out) {
        Reduce.softmax(a(x), xOff, outer, len, inner, log, a(out));
    }

    // ------------------------------------------------------------------ fused losses

    @Override
    public double sigmoidCrossEntropySum(Storage z, int zOff, Storage y, int yOff, Storage w, int n) {
        return CrossEntropy.sigmoidSum(a(z), zOff, a(y), yOff, w == null ? null : a(w), n);
    }

    @Override
    public void sigmoidCrossEntropyBackward(Storage z, int zOff, Storage y, int yOff, Storage w, float scale, Storage dz, int n) {
        CrossEntropy.sigmoidBackward(a(z), zOff, a(y), yOff, w == null ? null : a(w), scale, a(dz), n);
    }

    @Override
    public double softmaxCrossEntropySum(Storage logp, Storage y, int yOff, Storage w, int classes, int n) {
        return CrossEntropy.softmaxSum(a(logp), a(y), yOff, w == null ? null : a(w), classes, n);
    }

    @Override
    public void softmaxCrossEntropyBackward(Storage logp, Storage y, int yOff, Storage w, int rows, int classes, float scale, Storage dz) {
        CrossEntropy.softmaxBackward(a(logp), a(y), yOff, w == null ? null : a(w), rows, classes, scale, a(dz));
    }

    // ------------------------------------------------------------------ convolution, pooling, resampling

    @Override
    public void im2col(ConvShape s, Storage x, int xOff, Storage col) {
        Im2col.im2col(s, a(x), xOff, a(col));
    }

    @Override
    public void col2im(ConvShape s, Storage dcol, Storage dx, int dxOff) {
        Im2col.col2im(s, a(dcol), a(dx), dxOff);
    }

    @Override
    public boolean convolvesDirectly(ConvShape s, int filters) {
        return DirectConv.suits(s, filters);
    }

    @Override
    public void directConv(ConvShape s, Storage x, int xOff, Storage k, int kOff, int filters, Storage out, int outOff) {
        DirectConv.forward(s, a(x), xOff, a(k), kOff, filters, a(out), outOff);
    }

    @Override
    public void directConvInputGradient(ConvShape s, Storage g, int gOff, Storage k, int kOff, int filters, Storage dx, int dxOff) {
        DirectConv.inputGradient(s, a(g), gOff, a(k), kOff, filters, a(dx), dxOff);
    }

    @Override
    public void directConvKernelGradient(ConvShape s, Storage x, int xOff, Storage g, int gOff, int filters, Storage dk, int dkOff) {
        DirectConv.kernelGradient(s, a(x), xOff, a(g), gOff, filters, a(dk), dkOff);
    }

    @Override
    public void maxPool(ConvShape s, Storage x, int xOff, Storage out) {
        Resampling.maxPool(s, a(x), xOff, a(out));
    }

    @Override
    public void maxPoolBackward(ConvShape s, Storage x, int xOff, Storage g, int gOff, Storage dx) {
        Resampling.maxPoolBackward(s, a(x), xOff, a(g), gOff, a(dx));
    }

    @Override
    public void upsample(Storage x, int xOff, int batch, int inH, int inW, int c, int fH, int fW, Storage out) {
        Resampling.upsampleNearest(a(x), xOff, batch, inH, inW, c, fH, fW, a(out));
    }

    @Override
    public void upsampleBackward(Storage g, int gOff, int batch, int inH, int inW, int c, int fH, int fW, Storage dx) {
        Resampling.upsampleNearestBackward(a(g), gOff, batch, inH, inW, c, fH, fW, a(dx));
    }

    // ------------------------------------------------------------------ LSTM cell

    /**
     * Rows a range of {@link #forIndependentRows} keeps at least: fewer would leave most of the
     * micro-kernel's 5- or 8-row register tile empty in each time step's product.
     */
    static final int MIN_INDEPENDENT_ROWS = 8;

    /** One range of rows per thread, each of at least {@link #MIN_INDEPENDENT_ROWS} rows. */
    @Override
    public void forIndependentRows(int rows, Parallel.RangeTask task) {
        int ranges = Math.max(1, Math.min(Parallel.threads(), rows / MIN_INDEPENDENT_ROWS));
        Parallel.forEach(ranges, ranges, i -> task.run(rows * i / ranges, rows * (i + 1) / ranges));
    }

    @Override
    public void lstmCellForward(int rows, int units, Storage gates, int gOff, Storage cPrev, int cPrevOff,
                                Storage c, Storage tanhC, int cOff, Storage h, int hOff) {
        LstmCell.forward(rows, units, a(gates), gOff, a(cPrev), cPrevOff, a(c), a(tanhC), cOff, a(h), hOff);
    }

    @Override
    public void lstmCellBackward(int rows, int units, Storage gates, int gOff, Storage cPrev, int cPrevOff,
                                 Storage tanhC, int cOff, Storage dh, int dhOff, Storage dc, int dcOff, Storage dz, int dzOff) {
        LstmCell.backward(rows, units, a(gates), gOff, a(cPrev), cPrevOff, a(tanhC), cOff, a(dh), dhOff, a(dc), dcOff, a(dz), dzOff);
    }
}
