package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;

import java.util.Arrays;

/**
 * Operations that move values without computing: copy, reshape, permute, transpose, slice,
 * concat, stack, expand. Reshape of a contiguous tensor, permute, transpose and slice return
 * views that share storage; their backward passes apply the inverse movement to the gradient.
 */
public final class ShapeOps {
    private ShapeOps() {}

    /** A contiguous copy of any strided tensor. */
    public static Tensor copy(Tensor x) {
        Tensor out = Dense.copyOf(x);
        // dx = g
        return Autograd.record(out, "copy", (g, needs) -> new Tensor[] {g}, x);
    }

    /** Same elements in a new shape; one dimension may be -1 (inferred). A view when x is contiguous. */
    public static Tensor reshape(Tensor x, int... newShape) {
        int[] shape = inferShape(x, newShape);
        if (Arrays.equals(shape, x.shape())) return x;
        Tensor src = x.contiguous();
        Tensor out = new Tensor(src.storage(), src.offset(), shape, Shape.contiguousStrides(shape));
        int[] inShape = x.shape();
        // dx = g reshaped back
        Autograd.record(out, "reshape", (g, needs) -> new Tensor[] {g.reshape(inShape)}, src);
        return passLogits(x, out);
    }

    /**
     * A reshaped activation output keeps its logits, reshaped alike: always for the element-wise
     * sigmoid, and for softmax when the last axis (the one it normalised) is unchanged.
     */
    private static Tensor passLogits(Tensor x, Tensor out) {
        Tensor.Logits l = x.logits();
        if (l == null || (!l.activation().equals("sigmoid") && (out.rank() == 0 || x.rank() == 0 || out.dim(-1) != x.dim(-1)))) return out;
        return out.withLogits(l.activation(), l.values().reshape(out.shape()));
    }

    private static int[] inferShape(Tensor x, int[] newShape) {
        int[] shape = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException("reshape: more than one -1 in " + Shape.str(newShape));
                infer = i;
            } else {
                if (shape[i] < 0) throw new IllegalArgumentException("reshape: negative dimension in " + Shape.str(newShape));
                known *= shape[i];
            }
        }
        if (infer >= 0 && known != 0 && x.size() % known == 0) shape[infer] = (int) (x.size() / known);
        if ((infer >= 0 && shape[infer] == -1) || Shape.size(shape) != x.size()) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Shape.str(x.shape()) + " (" + x.size()
                    + " elements) to " + Shape.str(newShape));
        }
        return shape;
    }

    /** Reorders axes: output axis i is input axis {@code axes[i]}. A view. */
    public static Tensor permute(Tensor x, int... axes) {
        int rank = x.rank();
        if (axes.length != rank) {
            throw new IllegalArgumentException("permute: " + Arrays.toString(axes) + " does not list the " + rank + " axes of " + Shape.str(x.shape()));
        }
        int[] shape = x.shape(), strides = x.strides();
        int[] newShape = new int[rank], newStrides = new int[rank], inverse = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int a = Shape.axis("permute", axes[i], rank);
            if (seen[a]) throw new IllegalArgumentException("permute: axis " + axes[i] + " repeated in " + Arrays.toString(axes));
            seen[a] = true;
            newShape[i] = shape[a];
            newStrides[i] = strides[a];
            inverse[a] = i;
        }
        Tensor out = new Tensor(x.storage(), x.offset(), newShape, newStrides);
        // dx = g permuted by the inverse permutation
        return Autograd.record(out, "permute", (g, needs) -> new Tensor[] {permute(g, inverse)}, x);
    }

    /** Swaps two axes. A view. */
    public static Tensor transpose(Tensor x, int a, int b) {
        int rank = x.rank();
        if (rank < 2) throw new IllegalArgumentException("transpose: needs rank 2 or more, shape is " + Shape.str(x.shape()));
        int[] axes = new int[rank];
        for (int i = 0; i < rank; i++) axes[i] = i;
        int i = Shape.axis("transpose", a, rank), j = Shape.axis("transpose", b, rank);
        axes[i] = j;
        axes[j] = i;
        return permute(x, axes);
    }

    /** Elements {@code start..end-1} along {@code axis}. A view; backward scatters g into zeros. */
    public static Tensor slice(Tensor x, int axis, int start, int end) {
        int[] shape = x.shape(), strides = x.strides();
        int ax = Shape.axis("slice", axis, shape.length);
        if (start < 0 || end > shape[ax] || start > end) {
            throw new IllegalArgumentException("slice: [" + start + ", " + end + ") out of range for axis " + axis + " of shape " + Shape.str(shape));
        }
        int[] newShape = shape.clone();
        newShape[ax] = end - start;
        Tensor out = new Tensor(x.storage(), x.offset() + start * strides[ax], newShape, strides);
        // dx = g in the sliced range, 0 elsewhere
        return Autograd.record(out, "slice", (g, needs) -> {
            Tensor dx = Tensor.zeros(x.backend(), shape);
            copyInto(g, dx.slice(ax, start, end));
            return new Tensor[] {dx};
        }, x);
    }

    /** Joins tensors along an existing axis; all other dimensions must agree. */
    public static Tensor concat(int axis, Tensor... xs) {
        if (xs.length == 0) throw new IllegalArgumentException("concat: no tensors");
        int[] shape = xs[0].shape();
        int ax = Shape.axis("concat", axis, shape.length);
        int total = 0;
        for (Tensor t : xs) {
            int[] s = t.shape();
            boolean ok = s.length == shape.length;
            for (int i = 0; ok && i < s.length; i++) ok = i == ax || s[i] == shape[i];
            if (!ok) throw new IllegalArgumentException("concat: shapes " + Shape.str(shape) + " and " + Shape.str(s) + " differ outside axis " + axis);
            total += s[ax];
        }
        int[] outShape = shape.clone();
        outShape[ax] = total;
        Tensor out = Tensor.zeros(Dense.backend("concat", xs), outShape);
        int[] starts = new int[xs.length];
        for (int i = 0, at = 0; i < xs.length; i++) {
            starts[i] = at;
            copyInto(xs[i], out.slice(ax, at, at + xs[i].dim(ax)));
            at += xs[i].dim(ax);
        }
        // dx_i = g's slice for x_i along the axis
        return Autograd.record(out, "concat", (g, needs) -> {
            Tensor[] grads = new Tensor[xs.length];
            for (int i = 0; i < xs.length; i++) {
                if (needs[i]) grads[i] = Dense.of(g.slice(ax, starts[i], starts[i] + xs[i].dim(ax)));
            }
            return grads;
        }, xs);
    }

    /** Joins same-shape tensors along a new axis. */
    public static Tensor stack(int axis, Tensor... xs) {
        if (xs.length == 0) throw new IllegalArgumentException("stack: no tensors");
        int rank = xs[0].rank() + 1;
        int ax = Shape.axis("stack", axis, rank);
        Tensor[] expanded = new Tensor[xs.length];
        for (int i = 0; i < xs.length; i++) {
            if (!Arrays.equals(xs[i].shape(), xs[0].shape())) {
                throw new IllegalArgumentException("stack: shapes " + Shape.str(xs[0].shape()) + " and " + Shape.str(xs[i].shape()) + " differ");
            }
            int[] s = new int[rank];
            for (int j = 0, k = 0; j < rank; j++) s[j] = j == ax ? 1 : xs[i].dim(k++);
            expanded[i] = xs[i].reshape(s);
        }
        return concat(ax, expanded);
    }

    /** Broadcasts x to {@code shape} as a contiguous copy. Backward: sum back to x's shape. */
    public static Tensor expand(Tensor x, int[] shape) {
        int[] target = Shape.broadcast("expand", x.shape(), shape);
        if (!Arrays.equals(target, shape)) {
            throw new IllegalArgumentException("expand: " + Shape.str(x.shape()) + " does not broadcast to " + Shape.str(shape));
        }
        Tensor out = Dense.copyOf(new Tensor(x.storage(), x.offset(), shape, Broadcast.stridesIn(x, shape.length)));
        int[] inShape = x.shape();
        // dx = g summed over the broadcast axes
        return Autograd.record(out, "expand", (g, needs) -> new Tensor[] {Broadcast.sumTo(g, inShape)}, x);
    }

    /** Copies src's elements into dst, a view of the same shape; either may be strided. */
    private static void copyInto(Tensor src, Tensor dst) {
        src.backend().copy(src.shape(), src.storage(), src.offset(), src.strides(), dst.storage(), dst.offset(), dst.strides());
    }
}
