package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, log, tanh and erf on float vectors, built from additions, multiplications, fused
 * multiply-adds, divisions and bit operations only, after Cephes's {@code expf}, {@code logf} and
 * {@code tanhf} (S. Moshier), within two units in the last place, and Eigen's float erf, within
 * six ({@code VectorMathTest}).
 *
 * <p>Why not {@code lanewise(VectorOperators.EXP)}: HotSpot computes the Vector API's
 * transcendental operators with one implementation while a method is interpreted and another
 * (Intel's SVML) once C2 has compiled it, and the two disagree in the last bit for some values.
 * When the compiler kicks in depends on timing, so two runs with the same
 * seed trained to different losses. Every operation used here is correctly rounded by IEEE 754,
 * so interpreter and compiled code agree bit for bit, and so do two runs.
 */
public final class VectorMath {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());

    static {
        Inlining.installed();       // before any caller of these functions is compiled
    }

    private VectorMath() {}

    private static final float LOG2E = 1.44269504088896341f;
    /** ln 2 split in two (Cody and Waite): C1 has few mantissa bits, so n·C1 is exact. */
    private static final float LN2_HI = 0.693359375f, LN2_LO = -2.12194440e-4f;
    /** Adding 1.5·2^23 rounds a float of magnitude below 2^22 to the nearest integer. */
    private static final float ROUND = 12582912f;
    private static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);

    /**
     * e^x. Write x = n·ln 2 + r with n an integer and |r| ≤ ln 2 / 2; then e^x = 2^n · e^r, with
     * e^r from a degree-7 polynomial and 2^n built in the exponent bits, as (2·e^r) · 2^(n−1) so
     * that n = 128 (x up to ln of the largest float) still has an exponent field. Results below
     * 2^−125 (x < −86.6) are flushed to zero, as in Cephes. NaN stays NaN, −∞ gives 0, +∞ gives +∞.
     */
    public static FloatVector exp(FloatVector x) {
        // Beyond these bounds e^x is 0 or ∞ in float; −87.33 keeps n ≥ −126 (2^(n−1) ≥ 0).
        // A compare and a blend each, not max and min, which keep Java's rules for NaN and −0
        // (Math.max) at a cost of several instructions each; the same bits. TranscendentalBench
        // under -XX:UseAVX=2: exp 15.2 → 13.8 µs, GELU forward 27.0 → 24.1; without the flag (512
        // bits) the exp loop alone measured slower (8.7 → 11.5 µs), tanh and GELU, built on it,
        // faster (15.6 → 13.4, 17.4 → 15.0). AMD Zen 4; at 512 bits two runs of each build.
        FloatVector xc = x.blend(-87.33f, x.lt(-87.33f));
        xc = xc.blend(89f, xc.compare(VectorOperators.GT, 89f));
        FloatVector t = xc.fma(LOG2E, ROUND);              // ROUND + round(x / ln 2)
        FloatVector n = t.sub(ROUND);
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), xc);
        r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector er = expPolynomial(r).fma(r.mul(r), r).add(1f);   // e^r = 1 + r + r²·p(r)
        // The integer n sits in the low mantissa bits of t = 1.5·2^23 + n; n − 1 + 127 is the
        // biased exponent of 2^(n−1), which is 0, i.e. the float 0, for n = −126.
        FloatVector powerOfTwo = t.reinterpretAsInts().sub(ROUND_BITS - 126).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return er.add(er).mul(powerOfTwo);
    }

    private static FloatVector expPolynomial(FloatVector r) {
        return r.fma(1.9875691500e-4f, 1.3981999507e-3f)
                .fma(r, FloatVector.broadcast(S, 8.3334519073e-3f))
                .fma(r, FloatVector.broadcast(S, 4.1665795894e-2f))
                .fma(r, FloatVector.broadcast(S, 1.6666665459e-1f))
                .fma(r, FloatVector.broadcast(S, 5.0000001201e-1f));
    }

    private static final float SQRT_HALF = 0.707106781186547524f;
    private static final float TWO_POW_23 = 8388608f, LN_TWO_POW_23 = (float) (23 * Math.log(2));

    /**
     * Natural logarithm. Write x = 2^e · m with m in [√½, √2); then log x = e·ln 2 + log m, with
     * log m from a polynomial in m − 1. Subnormal x is first scaled by 2^23. log 0 = −∞; log of a
     * negative number or NaN is NaN; log ∞ = ∞. (Split into small methods so that the JIT inlines
     * each: a vector passed to a method that is not inlined is boxed on the heap.)
     */
    public static FloatVector log(FloatVector x) {
        var subnormal = x.lt(Float.MIN_NORMAL);
        FloatVector y = logOfNormal(x.blend(x.mul(TWO_POW_23), subnormal));
        y = y.sub(FloatVector.zero(S).blend(LN_TWO_POW_23, subnormal));
        // The special values: 0 → −∞, negative or NaN → NaN, +∞ → +∞.
        y = y.blend(Float.NEGATIVE_INFINITY, x.eq(0f));
        y = y.blend(Float.NaN, x.lt(0f).or(x.compare(VectorOperators.NE, x)));  // NaN ≠ NaN
        return y.blend(Float.POSITIVE_INFINITY, x.eq(Float.POSITIVE_INFINITY));
    }

    /** log x for a positive normal x. */
    private static FloatVector logOfNormal(FloatVector x) {
        IntVector bits = x.reinterpretAsInts();
        // x = 2^e · m with m in [0.5, 1); then m < √½ moves up to [1, √2) with e one lower.
        IntVector e = bits.lanewise(VectorOperators.LSHR, 23).sub(126);
        FloatVector m = bits.and(0x007FFFFF).or(0x3F000000).reinterpretAsFloats();
        var low = m.lt(SQRT_HALF);
        FloatVector ef = e.add(ROUND_BITS).reinterpretAsFloats().sub(ROUND)      // (float) e, as in exp
                .sub(FloatVector.zero(S).blend(1f, low));
        FloatVector f = m.add(m.blend(0f, low.not())).sub(1f);                  // m − 1, or 2m − 1
        FloatVector z = f.mul(f);
        FloatVector y = logPolynomial(f).mul(f).mul(z);
        y = ef.fma(FloatVector.broadcast(S, LN2_LO), y);
        y = z.fma(FloatVector.broadcast(S, -0.5f), y);
        return f.add(y).add(ef.mul(LN2_HI));                                   // f − f²/2 + f³·p(f) + e·ln 2
    }

    private static FloatVector logPolynomial(FloatVector f) {
        return f.fma(7.0376836292e-2f, -1.1514610310e-1f)
                .fma(f, FloatVector.broadcast(S, 1.1676998740e-1f))
                .fma(f, FloatVector.broadcast(S, -1.2420140846e-1f))
                .fma(f, FloatVector.broadcast(S, 1.4249322787e-1f))
                .fma(f, FloatVector.broadcast(S, -1.6668057665e-1f))
                .fma(f, FloatVector.broadcast(S, 2.0000714765e-1f))
                .fma(f, FloatVector.broadcast(S, -2.4999993993e-1f))
                .fma(f, FloatVector.broadcast(S, 3.3333331174e-1f));
    }

    /**
     * Hyperbolic tangent. For |x| ≥ 0.625, tanh|x| = 1 − 2 / (e^{2|x|} + 1), which has no
     * cancellation there; below, an odd polynomial x + x³·p(x²), where the first form would lose
     * the low bits of a small result. NaN stays NaN.
     */
    public static FloatVector tanh(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector large = FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(exp(ax.add(ax)).add(1f)));
        FloatVector s = x.mul(x);
        FloatVector p = s.fma(-5.70498872745e-3f, 2.06390887954e-2f)
                .fma(s, FloatVector.broadcast(S, -5.37397155531e-2f))
                .fma(s, FloatVector.broadcast(S, 1.33314422036e-1f))
                .fma(s, FloatVector.broadcast(S, -3.33332819422e-1f));
        FloatVector small = p.mul(s).fma(x, x);
        FloatVector signedLarge = large.blend(large.neg(), x.lt(0f));
        return small.blend(signedLarge, ax.compare(VectorOperators.GE, 0.625f));
    }

    /** Inputs are clamped to ±3.8325, Eigen's bound: beyond it erf is within 2⁻²⁴ (an ulp below 1) of ±1. */
    private static final float ERF_SATURATES = 3.832506856900711f;
    /** Odd numerator x·p(x²), coefficients from x¹ up. */
    private static final float E1 = -1.60960333262415e-02f, E3 = -2.95459980854025e-03f, E5 = -7.34990630326855e-04f,
            E7 = -5.69250639462346e-05f, E9 = -2.10102402082508e-06f, E11 = 2.77068142495902e-08f,
            E13 = -2.72614225801306e-10f;
    /** Even denominator q(x²), coefficients from x⁰ up. */
    private static final float F0 = -1.42647390514189e-02f, F2 = -7.37332916720468e-03f, F4 = -1.68282697438203e-03f,
            F6 = -2.13374055278905e-04f, F8 = -1.45660718464996e-05f;

    /**
     * The error function, erf(x) = x·p(x²) / q(x²) with x clamped to ±3.8325: the rational
     * minimax form of Eigen's and XLA's float erf, which TensorFlow's GELU computes with on a
     * CPU. Within 6 units in the last place of erf ({@code VectorMathTest}), relative error
     * included near 0. No exponential: eleven fused multiply-adds and one division. NaN stays NaN.
     */
    public static FloatVector erf(FloatVector x) {
        FloatVector xc = x.blend(-ERF_SATURATES, x.lt(-ERF_SATURATES));
        xc = xc.blend(ERF_SATURATES, xc.compare(VectorOperators.GT, ERF_SATURATES));
        FloatVector x2 = xc.mul(xc);
        FloatVector p = x2.fma(E13, E11).fma(x2, FloatVector.broadcast(S, E9)).fma(x2, FloatVector.broadcast(S, E7))
                .fma(x2, FloatVector.broadcast(S, E5)).fma(x2, FloatVector.broadcast(S, E3))
                .fma(x2, FloatVector.broadcast(S, E1)).mul(xc);
        FloatVector q = x2.fma(F8, F6).fma(x2, FloatVector.broadcast(S, F4)).fma(x2, FloatVector.broadcast(S, F2))
                .fma(x2, FloatVector.broadcast(S, F0));
        return p.div(q);
    }

    /** erf of one float, the same operations as {@link #erf(FloatVector)} and so the same bits. */
    public static float erf(float x) {
        float xc = x < -ERF_SATURATES ? -ERF_SATURATES : x > ERF_SATURATES ? ERF_SATURATES : x;
        float x2 = xc * xc;
        float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(x2, E13, E11), x2, E9), x2, E7), x2, E5), x2, E3), x2, E1) * xc;
        float q = Math.fma(Math.fma(Math.fma(Math.fma(x2, F8, F6), x2, F4), x2, F2), x2, F0);
        return p / q;
    }

    /** 1 / v. */
    public static FloatVector reciprocal(FloatVector v) {
        return FloatVector.broadcast(S, 1f).div(v);
    }

    /** For {@link #sumLanesPairwise}: lane i takes lane i + h (mod the length), for h = length/2, length/4, ..., 1. */
    private static final VectorShuffle<Float>[] HALVES = halves();

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] halves() {
        int steps = Integer.numberOfTrailingZeros(S.length());
        VectorShuffle<Float>[] h = new VectorShuffle[steps];
        for (int i = 0, half = S.length() / 2; i < steps; i++, half /= 2) {
            int by = half;
            h[i] = VectorShuffle.fromOp(S, lane -> (lane + by) % S.length());
        }
        return h;
    }

    /**
     * The sum of the lanes of a vector of the preferred species, added pairwise: the upper half
     * onto the lower, then again, log₂(length) vector adds. The order is fixed by this code, so
     * the bits are the same compiled or not, as with {@link #sumLanes}, in a few instructions.
     */
    public static float sumLanesPairwise(FloatVector v) {
        for (VectorShuffle<Float> half : HALVES) v = v.add(v.rearrange(half));
        return v.lane(0);
    }

    /** The sum of the lanes, added in lane order (unlike {@code reduceLanes}, whose order may change with compilation). */
    public static float sumLanes(FloatVector v) {
        float sum = 0f;
        for (int l = 0; l < v.length(); l++) sum += v.lane(l);
        return sum;
    }
}
