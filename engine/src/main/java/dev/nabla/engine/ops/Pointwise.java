package dev.nabla.engine.ops;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Backward;
import dev.nabla.engine.kernels.Backend;
import dev.nabla.engine.kernels.Unary;

/** Runs the element-wise kernels of {@link Unary} over whole tensors, forward and backward. */
final class Pointwise {
    private Pointwise() {}

    /** op(x). */
    static Tensor forward(Tensor x, Unary op) {
        Tensor in = Dense.of(x);
        Tensor out = Tensor.zeros(x.backend(), x.shape());
        x.backend().unary(op, in.storage(), in.offset(), out.storage(), 0, out.size());
        return out;
    }

    /** The backward g · op' of {@code out = op(x)}, reading the saved value the op's derivative needs. */
    static Backward backward(Unary op, Tensor x, Tensor out) {
        Tensor saved = op.backwardFromOutput() ? out : Dense.of(x);
        Backend be = out.backend();
        return (grad, needs) -> {
            Tensor g = Dense.of(grad);
            Tensor dx = Tensor.zeros(be, out.shape());
            be.unaryBackward(op, saved.storage(), saved.offset(), g.storage(), g.offset(), dx.storage(), 0, dx.size());
            return new Tensor[] {dx};
        };
    }
}
