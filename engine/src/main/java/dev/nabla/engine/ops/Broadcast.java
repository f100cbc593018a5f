package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.kernels.ElementWise;
import dev.nabla.engine.kernels.ElementWise.BinaryOp;

import java.util.Arrays;

/** Evaluates binary kernels under NumPy broadcasting, and reduces gradients back to a shape. */
final class Broadcast {
    private Broadcast() {}

    /** out = a (op) b over the broadcast shape; works on any strides, views included. */
    static Tensor binary(String opName, BinaryOp op, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast(opName, a.shape(), b.shape());
        Tensor out = Tensor.zeros(shape);
        float[] o = out.data();
        if (a.isContiguous() && b.isContiguous() && Arrays.equals(a.shape(), b.shape())) {
            ElementWise.binary(op, a.data(), a.offset(), 1, b.data(), b.offset(), 1, o, 0, o.length);
            return out;
        }
        if (o.length == 0) return out;
        int rank = shape.length;
        int[] sa = stridesIn(a, rank), sb = stridesIn(b, rank);
        int inner = rank == 0 ? 1 : shape[rank - 1];
        int innerA = rank == 0 ? 0 : sa[rank - 1], innerB = rank == 0 ? 0 : sb[rank - 1];
        int[] idx = new int[Math.max(rank - 1, 0)];
        int pa = a.offset(), pb = b.offset();
        for (int po = 0; po < o.length; po += inner) {
            ElementWise.binary(op, a.data(), pa, innerA, b.data(), pb, innerB, o, po, inner);
            // Odometer over the outer axes, moving the two input positions with it.
            for (int ax = rank - 2; ax >= 0; ax--) {
                if (++idx[ax] < shape[ax]) {
                    pa += sa[ax];
                    pb += sb[ax];
                    break;
                }
                idx[ax] = 0;
                pa -= sa[ax] * (shape[ax] - 1);
                pb -= sb[ax] * (shape[ax] - 1);
            }
        }
        return out;
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
