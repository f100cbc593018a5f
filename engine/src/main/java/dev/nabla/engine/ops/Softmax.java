package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;

/**
 * softmax and log-softmax over one axis. Both start from the slice's log-sum-exp, computed
 * stably as m + log Σ e^{x_j − m} with m the slice's maximum, so large logits never overflow
 * (the kernel is {@link dev.nabla.engine.kernels.Reduce#softmax}).
 */
public final class Softmax {
    private Softmax() {}

    /** y_i = e^{x_i − lse(x)}, i.e. e^{x_i} / Σ_j e^{x_j} along the axis. */
    public static Tensor softmax(Tensor x, int axis) {
        Tensor out = shifted(x, axis, false);
        // dx = y ⊙ (g − Σ_j g_j y_j): the Jacobian diag(y) − y yᵀ applied to g
        return Autograd.record(out, "softmax", (g, needs) -> {
            Tensor gy = g.mul(out);
            return new Tensor[] {gy.sub(out.mul(gy.sum(true, axis)))};
        }, x);
    }

    /** y_i = x_i − lse(x) along the axis. */
    public static Tensor logSoftmax(Tensor x, int axis) {
        Tensor out = shifted(x, axis, true);
        // dx = g − e^y·Σ_j g_j (e^y is the softmax)
        return Autograd.record(out, "logSoftmax", (g, needs) -> new Tensor[] {g.sub(out.exp().mul(g.sum(true, axis)))}, x);
    }

    /** x − lse(x) along the axis, exponentiated unless {@code log}. */
    private static Tensor shifted(Tensor x, int axis, boolean log) {
        Reductions.Axis ax = new Reductions.Axis(x, Shape.axis("softmax", axis, x.rank()));
        Tensor c = Dense.of(x);
        Tensor out = Tensor.zeros(x.backend(), x.shape());
        x.backend().softmax(c.storage(), c.offset(), ax.outer(), ax.len(), ax.inner(), log, out.storage());
        return out;
    }
}
