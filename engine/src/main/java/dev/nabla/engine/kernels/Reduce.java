package dev.nabla.engine.kernels;

/**
 * Reductions over one axis. Each kernel sees its contiguous input as (outer, len, inner) with the
 * reduced axis in the middle, and writes (outer, inner).
 */
public final class Reduce {
    private Reduce() {}

    /** out[p, q] = Σ_r x[p, r, q]. */
    public static void sumAxis(float[] x, int xo, int outer, int len, int inner, float[] out, int oo) {
        java.util.Arrays.fill(out, oo, oo + outer * inner, 0f);
        for (int p = 0; p < outer; p++) {
            int src = xo + p * len * inner, dst = oo + p * inner;
            if (inner == 1) {
                float s = 0;
                for (int r = 0; r < len; r++) s += x[src + r];
                out[dst] = s;
            } else {
                for (int r = 0; r < len; r++) ElementWise.accumulate(x, src + r * inner, out, dst, inner);
            }
        }
    }

    /** out[p, q] = max_r x[p, r, q]. */
    public static void maxAxis(float[] x, int xo, int outer, int len, int inner, float[] out) {
        for (int p = 0; p < outer; p++) {
            for (int q = 0; q < inner; q++) out[p * inner + q] = x[xo + argmax(x, xo, p, len, inner, q)];
        }
    }

    /** dx[p, argmax, q] = g[p, q], zero elsewhere: the maximum is the identity of its winner. */
    public static void maxAxisBackward(float[] x, int xo, int outer, int len, int inner, float[] g, int go, float[] dx) {
        java.util.Arrays.fill(dx, 0, outer * len * inner, 0f);
        for (int p = 0; p < outer; p++) {
            for (int q = 0; q < inner; q++) dx[argmax(x, xo, p, len, inner, q)] += g[go + p * inner + q];
        }
    }

    /** Flat index (from xo) of the first maximal element of slice (p, ·, q). */
    private static int argmax(float[] x, int xo, int p, int len, int inner, int q) {
        int base = p * len * inner + q, best = base;
        for (int r = 1; r < len; r++) {
            int at = base + r * inner;
            if (x[xo + at] > x[xo + best]) best = at;
        }
        return best;
    }

    /**
     * y = x − lse(x) along the middle axis, exponentiated unless {@code log}: softmax or log-softmax.
     * The log-sum-exp is m + log Σ e^{x_j − m} with m the slice's maximum, so large logits never
     * overflow; it is formed in double, since x − lse cancels when the logits are large.
     */
    public static void softmax(float[] x, int xo, int outer, int len, int inner, boolean log, float[] out) {
        for (int p = 0; p < outer; p++) {
            for (int q = 0; q < inner; q++) {
                int at = p * len * inner + q, base = xo + at;
                float m = Float.NEGATIVE_INFINITY;
                for (int r = 0; r < len; r++) m = Math.max(m, x[base + r * inner]);
                double s = 0;
                for (int r = 0; r < len; r++) s += Math.exp(x[base + r * inner] - m);
                double lse = m + Math.log(s);
                for (int r = 0; r < len; r++) {
                    double v = x[base + r * inner] - lse;
                    out[at + r * inner] = (float) (log ? v : Math.exp(v));
                }
            }
        }
    }
}
