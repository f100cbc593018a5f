package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;

/**
 * softmax and log-softmax over one axis, computed stably (the slice's maximum is subtracted
 * first). The contiguous input is seen as (outer, len, inner) with the axis in the middle.
 */
public final class Softmax {
    private Softmax() {}

    /** y_i = e^{x_i} / Σ_j e^{x_j} along the axis. */
    public static Tensor softmax(Tensor x, int axis) {
        Layout l = new Layout(x, axis);
        Tensor out = Tensor.zeros(x.shape());
        l.forEachSlice((in, base) -> {
            float m = Float.NEGATIVE_INFINITY;
            for (int r = 0; r < l.len; r++) m = Math.max(m, in[base + r * l.inner]);
            double s = 0;
            for (int r = 0; r < l.len; r++) s += Math.exp(in[base + r * l.inner] - m);
            return new float[] {m, (float) s};
        }, (in, base, outBase, ms) -> {
            for (int r = 0; r < l.len; r++) out.data()[outBase + r * l.inner] = (float) (Math.exp(in[base + r * l.inner] - ms[0]) / ms[1]);
        });
        // dx_i = y_i (g_i − Σ_j g_j y_j): the Jacobian diag(y) − y yᵀ applied to g
        return Autograd.record(out, "softmax", g -> {
            Tensor gy = g.mul(out);
            return new Tensor[] {gy.sub(out.mul(gy.sum(true, axis)))};
        }, x);
    }

    /** y_i = x_i − log Σ_j e^{x_j} along the axis. */
    public static Tensor logSoftmax(Tensor x, int axis) {
        Layout l = new Layout(x, axis);
        Tensor out = Tensor.zeros(x.shape());
        l.forEachSlice((in, base) -> {
            float m = Float.NEGATIVE_INFINITY;
            for (int r = 0; r < l.len; r++) m = Math.max(m, in[base + r * l.inner]);
            double s = 0;
            for (int r = 0; r < l.len; r++) s += Math.exp(in[base + r * l.inner] - m);
            return new float[] {m + (float) Math.log(s)};
        }, (in, base, outBase, lse) -> {
            for (int r = 0; r < l.len; r++) out.data()[outBase + r * l.inner] = in[base + r * l.inner] - lse[0];
        });
        // dx_i = g_i − softmax_i Σ_j g_j, with softmax = e^{y}
        return Autograd.record(out, "logSoftmax", g -> new Tensor[] {g.sub(out.exp().mul(g.sum(true, axis)))}, x);
    }

    /** The (outer, len, inner) view of a contiguous input around one axis. */
    private static final class Layout {
        final Tensor c;
        final int len, inner, outer;

        Layout(Tensor x, int axis) {
            int ax = Shape.axis("softmax", axis, x.rank());
            c = x.contiguous();
            len = x.dim(ax);
            int in = 1;
            for (int i = ax + 1; i < x.rank(); i++) in *= x.dim(i);
            inner = in;
            outer = len == 0 ? 0 : x.size() / (len * inner);
        }

        interface Stats { float[] of(float[] in, int base); }
        interface Write { void to(float[] in, int base, int outBase, float[] stats); }

        void forEachSlice(Stats stats, Write write) {
            for (int p = 0; p < outer; p++) {
                for (int q = 0; q < inner; q++) {
                    int outBase = p * len * inner + q;
                    int base = c.offset() + outBase;
                    write.to(c.data(), base, outBase, stats.of(c.data(), base));
                }
            }
        }
    }
}
