package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.kernels.Backend;

/**
 * How operations read their operands: as one contiguous run of values, copied by the backend
 * when the operand is a strided view, with nothing recorded in the graph (the operation records
 * itself against the original operand). {@link Tensor#contiguous()} is the user-facing op.
 */
final class Dense {
    private Dense() {}

    /** x itself when contiguous, else an unrecorded contiguous copy. */
    static Tensor of(Tensor x) {
        return x.isContiguous() ? x : copyOf(x);
    }

    /** An unrecorded contiguous copy of x, whatever its strides. */
    static Tensor copyOf(Tensor x) {
        Tensor out = Tensor.zeros(x.backend(), x.shape());
        x.backend().copy(x.shape(), x.storage(), x.offset(), x.strides(), out.storage(), 0, out.strides());
        return out;
    }

    /** The backend all operands live on; operands on two backends are an error. */
    static Backend backend(String op, Tensor... xs) {
        Backend be = null;
        for (Tensor x : xs) {
            if (x == null) continue;
            if (be == null) be = x.backend();
            else if (x.backend() != be) {
                throw new IllegalArgumentException(op + ": operands live on " + be + " and " + x.backend() + " (shapes " + Shape.str(xs[0].shape())
                        + ", " + Shape.str(x.shape()) + "); move them to one backend with to()");
            }
        }
        return be;
    }
}
