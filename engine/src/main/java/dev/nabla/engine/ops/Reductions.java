package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;

import java.util.Arrays;

/**
 * sum, mean and max over axes, with or without keeping the reduced axes as size 1. A reduction
 * over several axes is a chain of single-axis reductions, each recorded with its own backward.
 * The single-axis kernels see the contiguous input as (outer, len, inner) with the reduced axis
 * in the middle ({@link Axis}).
 */
public final class Reductions {
    private Reductions() {}

    /** Sum over {@code axes} (all axes when null or empty). */
    public static Tensor sum(Tensor x, int[] axes, boolean keepDims) {
        return reduce("sum", x, axes, keepDims, false);
    }

    public static Tensor mean(Tensor x, int[] axes, boolean keepDims) {
        Tensor s = sum(x, axes, keepDims);
        return s.mul((float) s.size() / x.size());
    }

    /** Maximum over {@code axes}; the gradient goes to the first maximal element of each slice. */
    public static Tensor max(Tensor x, int[] axes, boolean keepDims) {
        return reduce("max", x, axes, keepDims, true);
    }

    private static Tensor reduce(String op, Tensor x, int[] axes, boolean keepDims, boolean max) {
        int rank = x.rank();
        boolean[] reduced = new boolean[rank];
        if (axes == null || axes.length == 0) {
            Arrays.fill(reduced, true);
        } else {
            for (int a : axes) {
                int ax = Shape.axis(op, a, rank);
                if (reduced[ax]) throw new IllegalArgumentException(op + ": axis " + a + " given twice");
                reduced[ax] = true;
            }
        }
        Tensor t = x;
        for (int ax = 0; ax < rank; ax++) {
            if (reduced[ax]) t = max ? maxAxis(t, ax) : sumAxis(t, ax);
        }
        if (keepDims) return t;
        int[] kept = new int[rank];
        int n = 0;
        for (int ax = 0; ax < rank; ax++) if (!reduced[ax]) kept[n++] = x.dim(ax);
        return t.reshape(Arrays.copyOf(kept, n));
    }

    /** Sum over one axis, kept as size 1. */
    static Tensor sumAxis(Tensor x, int axis) {
        Axis ax = new Axis(x, axis);
        Tensor c = Dense.of(x);
        Tensor out = Tensor.zeros(x.backend(), ax.reducedShape());
        x.backend().sumAxis(c.storage(), c.offset(), ax.outer, ax.len, ax.inner, out.storage(), 0);
        int[] shape = x.shape();
        // dx = g expanded along the axis: every summed element receives g
        return Autograd.record(out, "sum", (g, needs) -> new Tensor[] {ShapeOps.expand(g, shape)}, x);
    }

    /** Max over one axis, kept as size 1. */
    static Tensor maxAxis(Tensor x, int axis) {
        Axis ax = new Axis(x, axis);
        if (ax.len == 0) throw new IllegalArgumentException("max: axis " + axis + " of shape " + Shape.str(x.shape()) + " is empty");
        Tensor c = Dense.of(x);
        Tensor out = Tensor.zeros(x.backend(), ax.reducedShape());
        x.backend().maxAxis(c.storage(), c.offset(), ax.outer, ax.len, ax.inner, out.storage());
        // dx = g at the first maximal element of each slice, 0 elsewhere
        return Autograd.record(out, "max", (grad, needs) -> {
            Tensor g = Dense.of(grad), dx = Tensor.zeros(x.backend(), x.shape());
            x.backend().maxAxisBackward(c.storage(), c.offset(), ax.outer, ax.len, ax.inner, g.storage(), g.offset(), dx.storage());
            return new Tensor[] {dx};
        }, x);
    }

    /** A contiguous tensor seen as (outer, len, inner) around one axis. */
    record Axis(int[] shape, int axis, int outer, int len, int inner) {
        Axis(Tensor x, int axis) {
            this(x.shape(), axis, outer(x.shape(), axis), x.dim(axis), inner(x.shape(), axis));
        }

        private static int inner(int[] shape, int axis) {
            int inner = 1;
            for (int i = axis + 1; i < shape.length; i++) inner *= shape[i];
            return inner;
        }

        private static int outer(int[] shape, int axis) {
            int outer = 1;
            for (int i = 0; i < axis; i++) outer *= shape[i];
            return outer;
        }

        /** The shape with this axis kept as size 1. */
        int[] reducedShape() {
            int[] s = shape.clone();
            s[axis] = 1;
            return s;
        }
    }
}
