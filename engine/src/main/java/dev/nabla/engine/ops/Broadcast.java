package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.kernels.Backend;
import dev.nabla.engine.kernels.ElementWise.BinaryOp;

import java.util.Arrays;

/** Evaluates binary kernels under NumPy broadcasting, and reduces gradients back to a shape. */
final class Broadcast {
    private Broadcast() {}

    /** out = a (op) b over the broadcast shape; works on any strides, views included. */
    static Tensor binary(String opName, BinaryOp op, Tensor a, Tensor b) {
        Backend be = Dense.backend(opName, a, b);
        int[] shape = Shape.broadcast(opName, a.shape(), b.shape());
        Tensor out = Tensor.zeros(be, shape);
        be.binary(op, shape, a.storage(), a.offset(), stridesIn(a, shape.length), b.storage(), b.offset(), stridesIn(b, shape.length), out.storage());
        return out;
    }

    /**
     * x broadcast to {@code shape} as an unrecorded contiguous copy, for operands that are
     * constants of an op (a loss's weights); {@code what} names them in the error.
     */
    static Tensor constantTo(String opName, String what, Tensor x, int[] shape) {
        int[] target = Shape.broadcast(opName, x.shape(), shape);
        if (!Arrays.equals(target, shape)) {
            throw new IllegalArgumentException(opName + ": " + what + " of shape " + Shape.str(x.shape()) + " do not broadcast to " + Shape.str(shape));
        }
        return Dense.copyOf(new Tensor(x.storage(), x.offset(), shape, stridesIn(x, shape.length)));
    }

    /** The tensor's strides aligned right to {@code rank} axes, 0 along broadcast axes. */
    static int[] stridesIn(Tensor t, int rank) {
        int[] s = new int[rank];
        int[] shape = t.shape(), strides = t.strides();
        for (int i = 0; i < shape.length; i++) {
            s[rank - shape.length + i] = shape[i] == 1 ? 0 : strides[i];
        }
        return s;
    }

    /**
     * Sums a gradient over the axes that broadcasting expanded, giving it {@code shape} back:
     * an input used at many output positions receives the sum of their gradients.
     */
    static Tensor sumTo(Tensor g, int[] shape) {
        int[] gs = g.shape();
        if (Arrays.equals(gs, shape)) return g;
        int lead = gs.length - shape.length;
        int[] axes = new int[gs.length];
        int n = 0;
        for (int i = 0; i < gs.length; i++) {
            if (i < lead || (shape[i - lead] == 1 && gs[i] != 1)) axes[n++] = i;
        }
        Tensor summed = Reductions.sum(g, Arrays.copyOf(axes, n), true);
        return summed.reshape(shape);
    }
}
