package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.ElementWise;

import java.util.Arrays;

/**
 * sum, mean and max over axes, with or without keeping the reduced axes as size 1. A reduction
 * over several axes is a chain of single-axis reductions, each recorded with its own backward.
 * The single-axis kernels see the contiguous input as (outer, len, inner) with the reduced axis
 * in the middle.
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

    /** Sum over one axis, kept as size 1. Backward: every summed element receives g. */
    static Tensor sumAxis(Tensor x, int axis) {
        int[] shape = x.shape();
        int len = shape[axis];
        int inner = 1;
        for (int i = axis + 1; i < shape.length; i++) inner *= shape[i];
        int outer = len == 0 ? 0 : x.size() / (len * inner);
        int[] outShape = shape.clone();
        outShape[axis] = 1;
        Tensor c = x.contiguous();
        Tensor out = Tensor.zeros(outShape);
        float[] in = c.data(), o = out.data();
        for (int p = 0; p < outer; p++) {
            int src = c.offset() + p * len * inner, dst = p * inner;
            if (inner == 1) {
                float s = 0;
                for (int r = 0; r < len; r++) s += in[src + r];
                o[dst] = s;
            } else {
                for (int r = 0; r < len; r++) ElementWise.accumulate(in, src + r * inner, o, dst, inner);
            }
        }
        return Autograd.record(out, "sum", g -> new Tensor[] {ShapeOps.expand(g, shape)}, x);
    }

    /** Max over one axis, kept as size 1. Backward: g goes to the remembered argmax only. */
    static Tensor maxAxis(Tensor x, int axis) {
        int[] shape = x.shape();
        int len = shape[axis];
        if (len == 0) throw new IllegalArgumentException("max: axis " + axis + " of shape " + Shape.str(shape) + " is empty");
        int inner = 1;
        for (int i = axis + 1; i < shape.length; i++) inner *= shape[i];
        int outer = x.size() / (len * inner);
        int[] outShape = shape.clone();
        outShape[axis] = 1;
        Tensor c = x.contiguous();
        Tensor out = Tensor.zeros(outShape);
        float[] in = c.data(), o = out.data();
        int[] argmax = new int[o.length]; // flat index into the contiguous input
        for (int p = 0; p < outer; p++) {
            for (int q = 0; q < inner; q++) {
                int base = p * len * inner + q, best = base;
                for (int r = 1; r < len; r++) {
                    int at = base + r * inner;
                    if (in[c.offset() + at] > in[c.offset() + best]) best = at;
                }
                o[p * inner + q] = in[c.offset() + best];
                argmax[p * inner + q] = best;
            }
        }
        return Autograd.record(out, "max", g -> {
            Tensor gc = g.contiguous();
            Tensor dx = Tensor.zeros(shape);
            for (int i = 0; i < argmax.length; i++) dx.data()[argmax[i]] += gc.data()[gc.offset() + i];
            return new Tensor[] {dx};
        }, x);
    }
}
