package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Reductions over one axis. Each kernel sees its contiguous input as (outer, len, inner) with the
 * reduced axis in the middle, and writes (outer, inner).
 */
public final class Reduce {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private Reduce() {}

    /**
     * out[p, q] = Σ_r x[p, r, q], each sum added in float in the order of r. Where the inner axis
     * is wide (a bias gradient: a row per pixel, a column per channel), a vector of columns keeps
     * its sums in a register across all rows: the same additions in the same order as adding
     * each row to the output in memory, without a store and a reload per row.
     */
    public static void sumAxis(float[] x, int xo, int outer, int len, int inner, float[] out, int oo) {
        for (int p = 0; p < outer; p++) {
            int src = xo + p * len * inner, dst = oo + p * inner;
            if (inner == 1) {
                float s = 0;
                for (int r = 0; r < len; r++) s += x[src + r];
                out[dst] = s;
            } else {
                int q = 0, four = 4 * S.length();
                for (; q + four <= inner; q += four) sumFourColumnVectors(x, src + q, len, inner, out, dst + q);
                for (; q < inner; q += S.length()) sumColumns(x, src + q, len, inner, S.indexInRange(q, inner), out, dst + q);
            }
        }
    }

    /** As {@link #sumColumns} for four whole vectors of columns side by side: four independent chains of additions. */
    private static void sumFourColumnVectors(float[] x, int at, int len, int step, float[] out, int to) {
        int l = S.length();
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        for (int r = 0; r < len; r++, at += step) {
            a0 = a0.add(FloatVector.fromArray(S, x, at));
            a1 = a1.add(FloatVector.fromArray(S, x, at + l));
            a2 = a2.add(FloatVector.fromArray(S, x, at + 2 * l));
            a3 = a3.add(FloatVector.fromArray(S, x, at + 3 * l));
        }
        a0.intoArray(out, to);
        a1.intoArray(out, to + l);
        a2.intoArray(out, to + 2 * l);
        a3.intoArray(out, to + 3 * l);
    }

    /** The sums over len rows (a row every {@code step} floats) of the columns in mask m, from x[at]. */
    private static void sumColumns(float[] x, int at, int len, int step, VectorMask<Float> m, float[] out, int to) {
        FloatVector acc = FloatVector.zero(S);
        for (int r = 0; r < len; r++, at += step) acc = acc.add(FloatVector.fromArray(S, x, at, m));
        acc.intoArray(out, to, m);
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
