package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.kernels.Backend;
import dev.nabla.engine.kernels.ConvShape;
import dev.nabla.engine.kernels.Storage;
import dev.nabla.engine.kernels.Workspace;

/**
 * The three products of a lowered convolution, shared by {@link Conv2D} and its adjoint
 * {@link Conv2DTranspose}. With X the (windows × kH·kW·C) im2col matrix of the input and K the
 * (kH·kW·C × F) kernel matrix, the convolution is Y = X·K, so
 * dX = G·Kᵀ (scattered back by col2im) and dK = Xᵀ·G. A layer with only a few filters wastes
 * most of sgemm's register tiles on these products; where the backend says so
 * ({@link Backend#convolvesDirectly}) it computes all three without the lowered matrix.
 */
final class Convolution {
    private Convolution() {}

    /**
     * out (windows × filters) = im2col(x) · K. Returns the lowered matrix im2col(x) when
     * {@code keepLowered} asks for it and one was built, for {@link #kernelGradient} to read
     * instead of lowering x again; else null (it then lives in the shared workspace, or, on the
     * direct path, was never built).
     */
    static Storage convolve(Backend be, ConvShape s, Tensor x, Tensor k, int filters, Storage out, int outOff, boolean keepLowered) {
        if (be.convolvesDirectly(s, filters)) {
            be.directConv(s, x.storage(), x.offset(), k.storage(), k.offset(), filters, out, outOff);
            return null;
        }
        int size = s.windows() * s.windowSize();
        // A kept matrix is an ordinary allocation: inside a training step the step's arena lends it
        // and takes it back when the step ends, after the backward pass that reads it.
        Storage col = keepLowered ? be.allocateUninitialized(size) : be.workspace(Workspace.Slot.COLUMNS, size);
        be.im2col(s, x.storage(), x.offset(), col);
        be.sgemm(false, false, s.windows(), filters, s.windowSize(), 1f, col, 0, s.windowSize(),
                k.storage(), k.offset(), filters, 0f, out, outOff, filters);
        return keepLowered ? col : null;
    }

    /** dx = col2im(g · Kᵀ), the adjoint of {@link #convolve} in its input; g is (windows × filters). */
    static void convolveAdjoint(Backend be, ConvShape s, Tensor g, Tensor k, int filters, Storage dx, int dxOff) {
        if (be.convolvesDirectly(s, filters)) {
            be.directConvInputGradient(s, g.storage(), g.offset(), k.storage(), k.offset(), filters, dx, dxOff);
            return;
        }
        Storage dcol = be.workspace(Workspace.Slot.COLUMN_GRADIENT, s.windows() * s.windowSize());
        be.sgemm(false, true, s.windows(), s.windowSize(), filters, 1f, g.storage(), g.offset(), filters,
                k.storage(), k.offset(), filters, 0f, dcol, 0, s.windowSize());
        be.col2im(s, dcol, dx, dxOff);
    }

    /**
     * dK (windowSize × filters) = im2col(x)ᵀ · g, the adjoint of {@link #convolve} in its kernel,
     * from {@code lowered} = im2col(x) where the forward product kept it (else null: lowered here).
     * Computed as its transpose gᵀ · im2col(x) (filters × windowSize) and then transposed: with
     * few filters, that puts the short side of the product in the rows of C, where sgemm's blocks
     * of at most 32 rows read the lowered matrix in place instead of packing it. Both orders give
     * the same bits (each element sums the same products in the same order).
     */
    static void kernelGradient(Backend be, ConvShape s, Tensor x, Storage lowered, Tensor g, int filters, Storage dk) {
        if (be.convolvesDirectly(s, filters)) {
            be.directConvKernelGradient(s, x.storage(), x.offset(), g.storage(), g.offset(), filters, dk, 0);
            return;
        }
        int size = s.windowSize();
        Storage col = lowered;
        if (col == null) {
            col = be.workspace(Workspace.Slot.COLUMNS, s.windows() * size);
            be.im2col(s, x.storage(), x.offset(), col);
        }
        Storage dkT = be.workspace(Workspace.Slot.COLUMN_GRADIENT, filters * size);
        be.sgemm(true, false, filters, size, s.windows(), 1f, g.storage(), g.offset(), filters,
                col, 0, size, 0f, dkT, 0, size);
        be.copy(new int[] {size, filters}, dkT, 0, new int[] {1, size}, dk, 0, new int[] {filters, 1});
    }

    /** Adds bias (F) to every row of out (rows × F). */
    static void addBias(Backend be, Storage out, int rows, Tensor bias) {
        Tensor b = Dense.of(bias);
        be.addToRows(b.storage(), b.offset(), out, 0, rows, b.size());
    }

    /** db = Σ over rows of g (rows × F): a bias added to every row receives every row's gradient. */
    static Tensor biasGradient(Backend be, Tensor g, int filters) {
        Tensor db = Tensor.empty(be, filters);
        be.sumAxis(g.storage(), g.offset(), 1, g.size() / filters, filters, db.storage(), 0);
        return db;
    }

    /** Checks an image batch (N, H, W, C), a kernel of rank 4 and an optional bias of length {@code filters}. */
    static void checkShapes(String op, Tensor x, Tensor kernel, Tensor bias, int channelAxis, int filterAxis) {
        if (x.rank() != 4) throw new IllegalArgumentException(op + ": input must be (batch, height, width, channels), got " + Shape.str(x.shape()));
        if (kernel.rank() != 4) throw new IllegalArgumentException(op + ": kernel must have rank 4, got " + Shape.str(kernel.shape()));
        if (kernel.dim(channelAxis) != x.dim(3)) {
            throw new IllegalArgumentException(op + ": kernel " + Shape.str(kernel.shape()) + " expects " + kernel.dim(channelAxis)
                    + " input channels, input " + Shape.str(x.shape()) + " has " + x.dim(3));
        }
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != kernel.dim(filterAxis))) {
            throw new IllegalArgumentException(op + ": bias must be (" + kernel.dim(filterAxis) + "), got " + Shape.str(bias.shape()));
        }
    }

    static void checkStrides(String op, int strideH, int strideW) {
        if (strideH <= 0 || strideW <= 0) throw new IllegalArgumentException(op + ": strides must be positive, got " + strideH + "×" + strideW);
    }
}
