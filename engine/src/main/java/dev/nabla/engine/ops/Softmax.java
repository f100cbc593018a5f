package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;

/**
 * softmax and log-softmax over one axis. Both start from the slice's log-sum-exp, computed
 * stably as m + log Σ e^{x_j − m} with m the slice's maximum, so large logits never overflow.
 */
public final class Softmax {
    private Softmax() {}

    /** y_i = e^{x_i − lse(x)}, i.e. e^{x_i} / Σ_j e^{x_j} along the axis. */
    public static Tensor softmax(Tensor x, int axis) {
        Tensor out = shifted(x, axis, true);
        // dx_i = y_i (g_i − Σ_j g_j y_j): the Jacobian diag(y) − y yᵀ applied to g
        return Autograd.record(out, "softmax", g -> {
            Tensor gy = g.mul(out);
            return new Tensor[] {gy.sub(out.mul(gy.sum(true, axis)))};
        }, x);
    }

    /** y_i = x_i − lse(x) along the axis. */
    public static Tensor logSoftmax(Tensor x, int axis) {
        Tensor out = shifted(x, axis, false);
        // dx_i = g_i − softmax_i Σ_j g_j, with softmax = e^{y}
        return Autograd.record(out, "logSoftmax", g -> new Tensor[] {g.sub(out.exp().mul(g.sum(true, axis)))}, x);
    }

    /** x − lse(x) along the axis, exponentiated when {@code exp}. The contiguous input is (outer, len, inner). */
    private static Tensor shifted(Tensor x, int axis, boolean exp) {
        int ax = Shape.axis("softmax", axis, x.rank());
        Tensor c = x.contiguous();
        int len = x.dim(ax), inner = 1;
        for (int i = ax + 1; i < x.rank(); i++) inner *= x.dim(i);
        int outer = len == 0 ? 0 : x.size() / (len * inner);
        float[] in = c.data(), o = new float[x.size()];
        for (int p = 0; p < outer; p++) {
            for (int q = 0; q < inner; q++) {
                int at = p * len * inner + q, base = c.offset() + at;
                float m = Float.NEGATIVE_INFINITY;
                for (int r = 0; r < len; r++) m = Math.max(m, in[base + r * inner]);
                double s = 0;
                for (int r = 0; r < len; r++) s += Math.exp(in[base + r * inner] - m);
                double lse = m + Math.log(s); // in double: x − lse cancels when the logits are large
                for (int r = 0; r < len; r++) {
                    double v = in[base + r * inner] - lse;
                    o[at + r * inner] = (float) (exp ? Math.exp(v) : v);
                }
            }
        }
        return Tensor.of(o, x.shape());
    }
}
