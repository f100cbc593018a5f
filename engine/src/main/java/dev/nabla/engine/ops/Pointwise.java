package dev.nabla.engine.ops;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Backward;
import dev.nabla.engine.kernels.Backend;
import dev.nabla.engine.kernels.Unary;

/**
 * Runs element-wise kernels over whole tensors, forward and backward: those of {@link Unary}, and
 * those with a constant parameter (pow, clamp, leaky ReLU) given as a kernel call.
 */
final class Pointwise {
    private Pointwise() {}

    /** A kernel y = f(x) over a dense input, writing a dense output of the same shape. */
    interface Kernel {
        void run(Backend be, Tensor x, Tensor y);
    }

    /** A kernel dx = g · f'(x) from the saved dense input. */
    interface BackwardKernel {
        void run(Backend be, Tensor x, Tensor g, Tensor dx);
    }

    /** f(x) through a kernel. */
    static Tensor forward(Tensor x, Kernel kernel) {
        Tensor out = Tensor.zeros(x.backend(), x.shape());
        kernel.run(x.backend(), Dense.of(x), out);
        return out;
    }

    /** The backward of f(x) through a kernel that reads x. */
    static Backward backward(Tensor x, BackwardKernel kernel) {
        Backend be = x.backend();
        return (grad, needs) -> {
            Tensor dx = Tensor.zeros(be, x.shape());
            kernel.run(be, Dense.of(x), Dense.of(grad), dx);
            return new Tensor[] {dx};
        };
    }

    /** op(x). */
    static Tensor forward(Tensor x, Unary op) {
        Tensor in = Dense.of(x);
        Tensor out = Tensor.empty(x.backend(), x.shape());
        x.backend().unary(op, in.storage(), in.offset(), out.storage(), 0, out.size());
        return out;
    }

    /** The backward g · op' of {@code out = op(x)}, reading the saved values the op's derivative needs. */
    static Backward backward(Unary op, Tensor x, Tensor out) {
        Backend be = out.backend();
        return (grad, needs) -> {
            Tensor in = op.backwardReadsInput() ? Dense.of(x) : null;   // read when backward runs: no copy without one
            Tensor g = Dense.of(grad);
            Tensor dx = Tensor.empty(be, out.shape());
            be.unaryBackward(op, in == null ? null : in.storage(), in == null ? 0 : in.offset(),
                    op.backwardReadsOutput() ? out.storage() : null, 0, g.storage(), g.offset(), dx.storage(), 0, dx.size());
            return new Tensor[] {dx};
        };
    }
}
