package dev.nabla.engine.kernels;

/**
 * Every compute kernel the operations call, for one kind of memory. The CPU implementation
 * ({@link CpuBackend}) is the default and the reference that other implementations are tested
 * against; a GPU implementation keeps its {@link Storage} on the device, so that parameters,
 * activations, gradients and workspaces stay there for a whole training step.
 *
 * <p>Kernels are plain functions on storage and offsets, as BLAS is: they know nothing of
 * tensors, shapes beyond their arguments, or autodiff. Every storage argument belongs to this
 * backend. Outputs are overwritten unless a kernel says it accumulates. Matrices are row-major
 * with a leading dimension (the row stride); an n-d operand is given by its storage, offset and
 * per-axis strides (0 along a broadcast axis).
 */
public interface Backend {
    // ------------------------------------------------------------------ memory

    /** Zero-filled storage of {@code length} floats. */
    Storage allocate(int length);

    /**
     * Storage of {@code length} floats for the output of a kernel that writes every element of
     * it; what it holds before that is unspecified. The zero-fill {@link #allocate} does is then
     * a pass over memory for nothing. By default it is {@link #allocate}.
     */
    default Storage allocateUninitialized(int length) {
        return allocate(length);
    }

    /** Storage holding a copy of {@code values}: the host-to-device edge. */
    Storage fromHost(float[] values);

    /** A host copy of {@code length} floats from {@code offset}: the device-to-host edge. */
    float[] toHost(Storage s, int offset, int length);

    /**
     * Scratch storage of at least {@code length} floats for a kernel's intermediate matrix (the
     * lowered im2col matrix and its gradient), reused across calls on the same thread; valid until
     * the calling operation returns, contents undefined on entry.
     */
    Storage workspace(Workspace.Slot slot, int length);

    // ------------------------------------------------------------------ GEMM

    /**
     * Single-precision general matrix multiply, as BLAS's {@code cblas_sgemm(RowMajor, ...)}:
     * {@code C = alpha * op(A) * op(B) + beta * C}, where op(A) is m×k, op(B) is k×n and C is m×n.
     * With {@code transA}, A is stored k×m (so op(A) = Aᵀ); likewise B. When {@code beta == 0}, C
     * is overwritten and its old values (even NaN) are ignored.
     */
    void sgemm(boolean transA, boolean transB, int m, int n, int k,
               float alpha, Storage a, int aOff, int lda,
               Storage b, int bOff, int ldb,
               float beta, Storage c, int cOff, int ldc);

    // ------------------------------------------------------------------ element-wise

    /** out = a (op) b over {@code shape}, a and b strided (0 to broadcast), out contiguous from 0. */
    void binary(ElementWise.BinaryOp op, int[] shape, Storage a, int aOff, int[] aStrides,
                Storage b, int bOff, int[] bStrides, Storage out);

    /** dst = src over {@code shape}, both strided: copies, transposes and broadcasts. */
    void copy(int[] shape, Storage src, int srcOff, int[] srcStrides, Storage dst, int dstOff, int[] dstStrides);

    /** y = op(x) over n elements. */
    void unary(Unary op, Storage x, int xOff, Storage y, int yOff, int n);

    /**
     * dx = g · op'(·) over n elements, from the op's input x and its output y; either may be null
     * where the op's derivative does not read it ({@link Unary#backwardReadsInput},
     * {@link Unary#backwardReadsOutput}).
     */
    void unaryBackward(Unary op, Storage x, int xOff, Storage y, int yOff, Storage g, int gOff, Storage dx, int dxOff, int n);

    /** y = x · c. */
    void scale(Storage x, int xOff, float c, Storage y, int yOff, int n);

    /** y = x^p, and its backward dx = g · p · x^(p−1). */
    void pow(Storage x, int xOff, float p, Storage y, int yOff, int n);

    void powBackward(Storage x, int xOff, float p, Storage g, int gOff, Storage dx, int dxOff, int n);

    /** y = min(max(x, lo), hi), and its backward: g where lo ≤ x ≤ hi, else 0. */
    void clamp(Storage x, int xOff, float lo, float hi, Storage y, int yOff, int n);

    void clampBackward(Storage x, int xOff, float lo, float hi, Storage g, int gOff, Storage dx, int dxOff, int n);

    /** y = x for x > 0, else slope·x; and its backward: g for x > 0, else slope·g. */
    void leakyRelu(Storage x, int xOff, float slope, Storage y, int yOff, int n);

    void leakyReluBackward(Storage x, int xOff, float slope, Storage g, int gOff, Storage dx, int dxOff, int n);

    /** m[r, j] += v[j] for every row r of a rows × n matrix: a bias added to each row. */
    void addToRows(Storage v, int vOff, Storage m, int mOff, int rows, int n);

    // ------------------------------------------------------------------ reductions

    /**
     * Reductions over the middle axis of x seen as (outer, len, inner), output (outer, inner):
     * the sum, and the maximum, whose backward routes each g to the first maximal element of its
     * slice (dx overwritten, zero elsewhere).
     */
    void sumAxis(Storage x, int xOff, int outer, int len, int inner, Storage out, int outOff);

    void maxAxis(Storage x, int xOff, int outer, int len, int inner, Storage out);

    void maxAxisBackward(Storage x, int xOff, int outer, int len, int inner, Storage g, int gOff, Storage dx);

    /** softmax (or log-softmax when {@code log}) over the middle axis of x seen as (outer, len, inner). */
    void softmax(Storage x, int xOff, int outer, int len, int inner, boolean log, Storage out);

    // ------------------------------------------------------------------ fused losses

    /**
     * Σ over n elements of w·ℓ, ℓ the sigmoid cross-entropy max(z, 0) − z·y + log(1 + e^−|z|), with
     * one weight per element (dense, from 0), or w = 1 when {@code w} is null.
     */
    double sigmoidCrossEntropySum(Storage z, int zOff, Storage y, int yOff, Storage w, int n);

    /** dz = scale · (σ(z) − y) · w (w = 1 when null). */
    void sigmoidCrossEntropyBackward(Storage z, int zOff, Storage y, int yOff, Storage w, float scale, Storage dz, int n);

    /** −Σ w_row·y·logp over n elements in rows of {@code classes}, one weight per row (w = 1 when null). */
    double softmaxCrossEntropySum(Storage logp, Storage y, int yOff, Storage w, int classes, int n);

    /** dz = scale · w_row · (softmax · Σ_row y − y) per row of {@code classes}, from the log-probabilities. */
    void softmaxCrossEntropyBackward(Storage logp, Storage y, int yOff, Storage w, int rows, int classes, float scale, Storage dz);

    // ------------------------------------------------------------------ convolution, pooling, resampling

    /** The lowered matrix (windows × kH·kW·C) of a channels-last batch. */
    void im2col(ConvShape s, Storage x, int xOff, Storage col);

    /** The adjoint of im2col: every column entry added back to the pixel it came from (dx overwritten). */
    void col2im(ConvShape s, Storage dcol, Storage dx, int dxOff);

    /**
     * Whether this backend computes the convolution {@code s} with {@code filters} filters
     * without a lowered matrix ({@link DirectConv}); then the three kernels below replace
     * im2col + sgemm for it.
     */
    boolean convolvesDirectly(ConvShape s, int filters);

    /** out (windows × filters) = the convolution of x with the (kH·kW·C × filters) kernel matrix k. */
    void directConv(ConvShape s, Storage x, int xOff, Storage k, int kOff, int filters, Storage out, int outOff);

    /** dx = the adjoint of {@link #directConv} in x applied to g (windows × filters); dx overwritten. */
    void directConvInputGradient(ConvShape s, Storage g, int gOff, Storage k, int kOff, int filters, Storage dx, int dxOff);

    /** dk (kH·kW·C × filters) = the adjoint of {@link #directConv} in k applied to g; dk overwritten. */
    void directConvKernelGradient(ConvShape s, Storage x, int xOff, Storage g, int gOff, int filters, Storage dk, int dkOff);

    /**
     * Max pooling over windows laid out as a convolution's (padded positions are not candidates),
     * and its backward: dx overwritten with each g added at the first maximum of its window.
     */
    void maxPool(ConvShape s, Storage x, int xOff, Storage out);

    void maxPoolBackward(ConvShape s, Storage x, int xOff, Storage g, int gOff, Storage dx);

    /** Nearest-neighbour upsampling by (fH, fW), and its adjoint (dx overwritten with block sums). */
    void upsample(Storage x, int xOff, int batch, int inH, int inW, int c, int fH, int fW, Storage out);

    void upsampleBackward(Storage g, int gOff, int batch, int inH, int inW, int c, int fH, int fW, Storage dx);

    // ------------------------------------------------------------------ LSTM

    /**
     * Runs {@code task} over [0, rows) cut into ranges it treats independently: no range reads
     * what another writes. A backend with threads may run the ranges on them, and each range's
     * kernel calls then run on the thread that has its range; by default the whole of [0, rows)
     * runs on the calling thread. An LSTM's recurrence never mixes the rows of a batch, so a
     * range of rows can run all its time steps without waiting for the others.
     */
    default void forIndependentRows(int rows, Parallel.RangeTask task) {
        task.run(0, rows);
    }

    /** One LSTM step's element-wise part for {@code rows} rows; see {@link LstmCell#forward}. */
    void lstmCellForward(int rows, int units, Storage gates, int gOff, Storage cPrev, int cPrevOff,
                         Storage c, Storage tanhC, int cOff, Storage h, int hOff);

    /** Its backward; see {@link LstmCell#backward}. */
    void lstmCellBackward(int rows, int units, Storage gates, int gOff, Storage cPrev, int cPrevOff,
                          Storage tanhC, int cOff, Storage dh, int dhOff, Storage dc, int dcOff, Storage dz, int dzOff);
}
