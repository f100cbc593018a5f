package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise kernels on flat arrays. Binary kernels take a stride per operand so that one
 * loop serves both the same-shape case (strides 1, 1) and the broadcast of a row or a scalar
 * (stride 0). Transcendental functions come from {@link VectorMath}, which gives the same bits
 * whether the JIT has compiled the caller or not.
 */
public final class ElementWise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector: a unary kernel's pieces on several threads start on multiples of it. */
    public static final int LANES = S.length();
    /**
     * At least this many floats in each piece of a unary kernel split over threads: a
     * hand-off costs about 0.4 µs ({@link Parallel}), a small part of what a transcendental
     * kernel spends on this many floats (exp of 25,088 floats: 14 µs, TranscendentalBench in
     * bench/RESULTS.md).
     */
    public static final int PARALLEL_MIN_FLOATS = 1 << 13;

    private ElementWise() {}

    public enum BinaryOp { ADD, SUB, MUL, DIV }

    /** {@code o[oo + i] = a[ao + i*as] (op) b[bo + i*bs]} for i in [0, n). */
    public static void binary(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
        if (as == 1 && bs == 1) vv(op, a, ao, b, bo, o, oo, n);
        else strided(op, a, ao, as, b, bo, bs, o, oo, n);
    }

    /** One element at a time, with any strides. */
    private static void strided(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) o[oo + i] = a[ao + i * as] + b[bo + i * bs]; }
            case SUB -> { for (int i = 0; i < n; i++) o[oo + i] = a[ao + i * as] - b[bo + i * bs]; }
            case MUL -> { for (int i = 0; i < n; i++) o[oo + i] = a[ao + i * as] * b[bo + i * bs]; }
            case DIV -> { for (int i = 0; i < n; i++) o[oo + i] = a[ao + i * as] / b[bo + i * bs]; }
        }
    }

    /**
     * The unit-stride case, one vector loop per operator, each naming its operator as a constant:
     * the Vector API compiles {@code lanewise(op, …)} to vector instructions only where C2 sees op
     * as a constant, and this method is compiled on its own ({@link Inlining}), so an operator
     * passed in as an argument ran lane by lane through the API's fallback: a product of 401,408
     * floats took 1,024–1,045 µs instead of 50–51, the time of a plain Java loop over the same
     * arrays ({@code BinaryBench} under {@code -XX:UseAVX=2}, AMD Zen 4). The last n mod (vector
     * length) elements are done one by one; IEEE 754 rounds each operation the same way in a lane
     * or alone.
     */
    private static void vv(BinaryOp op, float[] a, int ao, float[] b, int bo, float[] o, int oo, int n) {
        int i = 0, bound = S.loopBound(n), l = S.length();
        switch (op) {
            case ADD -> { for (; i < bound; i += l) FloatVector.fromArray(S, a, ao + i).add(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i); }
            case SUB -> { for (; i < bound; i += l) FloatVector.fromArray(S, a, ao + i).sub(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i); }
            case MUL -> { for (; i < bound; i += l) FloatVector.fromArray(S, a, ao + i).mul(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i); }
            case DIV -> { for (; i < bound; i += l) FloatVector.fromArray(S, a, ao + i).div(FloatVector.fromArray(S, b, bo + i)).intoArray(o, oo + i); }
        }
        strided(op, a, ao + i, 1, b, bo + i, 1, o, oo + i, n - i);
    }

    /** {@code y = x * c}. */
    public static void scale(float[] x, int xo, float c, float[] y, int yo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector.fromArray(S, x, xo + i).mul(c).intoArray(y, yo + i);
        }
        for (; i < n; i++) y[yo + i] = x[xo + i] * c;
    }

    /** {@code y += x} over n elements. */
    public static void accumulate(float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector.fromArray(S, y, yo + i).add(FloatVector.fromArray(S, x, xo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) y[yo + i] += x[xo + i];
    }

    /** {@code y = op(x)} lane-wise; the transcendental ones come from {@link VectorMath}. */
    public static void unary(Unary op, float[] x, int xo, float[] y, int yo, int n) {
        switch (op) {
            case SIGMOID -> sigmoid(x, xo, y, yo, n);
            case RELU -> relu(x, xo, y, yo, n);
            case GELU -> gelu(x, xo, y, yo, n);
            case SELU -> selu(x, xo, y, yo, n);
            default -> lanewise(op, x, xo, y, yo, n);
        }
    }

    /**
     * One loop per function: a loop holding several of {@link VectorMath}'s functions is more code
     * than C2 inlines into one compiled method ({@code NodeCountInliningCutoff}), and a vector
     * handed to a call that is not inlined is boxed on the heap, which allocates on every lane group.
     * The masked last lanes get a method of their own for the same reason.
     */
    private static void lanewise(Unary op, float[] x, int xo, float[] y, int yo, int n) {
        switch (op) {
            case EXP -> exp(x, xo, y, yo, n);
            case LOG -> log(x, xo, y, yo, n);
            case TANH -> tanh(x, xo, y, yo, n);
            case ABS -> abs(x, xo, y, yo, n);
            case SQRT -> sqrt(x, xo, y, yo, n);
            default -> throw new IllegalArgumentException(op + " has no lane-wise form");
        }
    }

    private static void exp(float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) VectorMath.exp(FloatVector.fromArray(S, x, xo + i)).intoArray(y, yo + i);
        if (i < n) expTail(x, xo, y, yo, i, n);
    }

    private static void expTail(float[] x, int xo, float[] y, int yo, int i, int n) {
        var m = S.indexInRange(i, n);
        VectorMath.exp(FloatVector.fromArray(S, x, xo + i, m)).intoArray(y, yo + i, m);
    }

    private static void log(float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) VectorMath.log(FloatVector.fromArray(S, x, xo + i)).intoArray(y, yo + i);
        if (i < n) logTail(x, xo, y, yo, i, n);
    }

    private static void logTail(float[] x, int xo, float[] y, int yo, int i, int n) {
        var m = S.indexInRange(i, n);
        VectorMath.log(FloatVector.fromArray(S, x, xo + i, m)).intoArray(y, yo + i, m);
    }

    private static void tanh(float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) VectorMath.tanh(FloatVector.fromArray(S, x, xo + i)).intoArray(y, yo + i);
        if (i < n) tanhTail(x, xo, y, yo, i, n);
    }

    private static void tanhTail(float[] x, int xo, float[] y, int yo, int i, int n) {
        var m = S.indexInRange(i, n);
        VectorMath.tanh(FloatVector.fromArray(S, x, xo + i, m)).intoArray(y, yo + i, m);
    }

    private static void abs(float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) FloatVector.fromArray(S, x, xo + i).abs().intoArray(y, yo + i);
        for (; i < n; i++) y[yo + i] = Math.abs(x[xo + i]);
    }

    private static void sqrt(float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) FloatVector.fromArray(S, x, xo + i).sqrt().intoArray(y, yo + i);
        for (; i < n; i++) y[yo + i] = (float) Math.sqrt(x[xo + i]);
    }

    /**
     * {@code dx = g · op'}, from the op's input x or output y, whichever the derivative reads
     * ({@link Unary}; the other may be null): e^x' = y, ln' = 1/x, |x|' = sign(x) (0 at 0, as
     * PyTorch), √x' = 1/(2y), tanh' = 1 − y², σ' = y(1 − y), relu' = [y > 0] (0 at the kink, as
     * Keras and PyTorch), and GELU's and SELU's below.
     */
    public static void unaryBackward(Unary op, float[] x, int xo, float[] y, int yo, float[] g, int go, float[] dx, int dxo, int n) {
        switch (op) {
            case EXP -> binary(BinaryOp.MUL, g, go, 1, y, yo, 1, dx, dxo, n);
            case LOG -> binary(BinaryOp.DIV, g, go, 1, x, xo, 1, dx, dxo, n);
            case SQRT -> {
                binary(BinaryOp.DIV, g, go, 1, y, yo, 1, dx, dxo, n);
                scale(dx, dxo, 0.5f, dx, dxo, n);
            }
            case ABS -> { for (int i = 0; i < n; i++) dx[dxo + i] = Math.signum(x[xo + i]) * g[go + i]; }
            case TANH -> tanhBackward(y, yo, g, go, dx, dxo, n);
            case SIGMOID -> sigmoidBackward(y, yo, g, go, dx, dxo, n);
            case RELU -> reluBackward(y, yo, g, go, dx, dxo, n);
            case GELU -> geluBackward(x, xo, y, yo, g, go, dx, dxo, n);
            case SELU -> seluBackward(x, xo, g, go, dx, dxo, n);
        }
    }

    /** dx = g·(1 − y²) from tanh's output y; the lanes and the tail round the same three operations. */
    private static void tanhBackward(float[] y, int yo, float[] g, int go, float[] dx, int dxo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, y, yo + i);
            FloatVector.fromArray(S, g, go + i).mul(FloatVector.broadcast(S, 1f).sub(v.mul(v))).intoArray(dx, dxo + i);
        }
        for (; i < n; i++) dx[dxo + i] = g[go + i] * (1f - y[yo + i] * y[yo + i]);
    }

    /** dx = (g·y)·(1 − y) from the sigmoid's output y. */
    private static void sigmoidBackward(float[] y, int yo, float[] g, int go, float[] dx, int dxo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, y, yo + i);
            FloatVector.fromArray(S, g, go + i).mul(v).mul(FloatVector.broadcast(S, 1f).sub(v)).intoArray(dx, dxo + i);
        }
        for (; i < n; i++) dx[dxo + i] = g[go + i] * y[yo + i] * (1f - y[yo + i]);
    }

    /** dx = g where relu's output y > 0, else 0 (NaN in y gives 0, as the comparison is false). */
    private static void reluBackward(float[] y, int yo, float[] g, int go, float[] dx, int dxo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            var positive = FloatVector.fromArray(S, y, yo + i).compare(VectorOperators.GT, 0f);
            FloatVector.zero(S).blend(FloatVector.fromArray(S, g, go + i), positive).intoArray(dx, dxo + i);
        }
        for (; i < n; i++) dx[dxo + i] = y[yo + i] > 0f ? g[go + i] : 0f;
    }

    /** {@code y = x^p}, and its backward {@code dx = g · p · x^(p−1)}. */
    public static void pow(float[] x, int xo, float p, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] = (float) Math.pow(x[xo + i], p);
    }

    public static void powBackward(float[] x, int xo, float p, float[] g, int go, float[] dx, int dxo, int n) {
        for (int i = 0; i < n; i++) dx[dxo + i] = g[go + i] * p * (float) Math.pow(x[xo + i], p - 1);
    }

    /** {@code y = min(max(x, lo), hi)}; its gradient passes where lo ≤ x ≤ hi and is 0 where x was cut. */
    public static void clamp(float[] x, int xo, float lo, float hi, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] = Math.min(Math.max(x[xo + i], lo), hi);
    }

    public static void clampBackward(float[] x, int xo, float lo, float hi, float[] g, int go, float[] dx, int dxo, int n) {
        for (int i = 0; i < n; i++) dx[dxo + i] = x[xo + i] >= lo && x[xo + i] <= hi ? g[go + i] : 0f;
    }

    /** Leaky ReLU: x for x > 0, else slope·x (Keras's LeakyReLU; the gradient at 0 is the slope's, as TensorFlow's). */
    public static void leakyRelu(float[] x, int xo, float slope, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] > 0 ? x[xo + i] : slope * x[xo + i];
    }

    public static void leakyReluBackward(float[] x, int xo, float slope, float[] g, int go, float[] dx, int dxo, int n) {
        for (int i = 0; i < n; i++) dx[dxo + i] = x[xo + i] > 0 ? g[go + i] : slope * g[go + i];
    }

    /** SELU's constants (Klambauer et al. 2017), as in Keras. */
    public static final float SELU_ALPHA = 1.6732632423543772848170429916717f;
    public static final float SELU_SCALE = 1.0507009873554804934193349852946f;

    /** selu(x) = scale · (x if x > 0 else α(eˣ − 1)). */
    public static void selu(float[] x, int xo, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[xo + i];
            y[yo + i] = SELU_SCALE * (v > 0 ? v : SELU_ALPHA * (float) Math.expm1(v));
        }
    }

    /** selu'(x) = scale for x > 0, else scale·α·eˣ. */
    private static void seluBackward(float[] x, int xo, float[] g, int go, float[] dx, int dxo, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[xo + i];
            dx[dxo + i] = g[go + i] * (v > 0 ? SELU_SCALE : SELU_SCALE * SELU_ALPHA * (float) Math.exp(v));
        }
    }

    /** Logistic sigmoid, 1 / (1 + e^-x). */
    public static void sigmoid(float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            VectorMath.reciprocal(VectorMath.exp(v.neg()).add(1f)).intoArray(y, yo + i);
        }
        for (; i < n; i++) y[yo + i] = (float) (1.0 / (1.0 + Math.exp(-x[xo + i])));
    }

    /** max(x, 0). */
    public static void relu(float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector.fromArray(S, x, xo + i).max(0f).intoArray(y, yo + i);
        }
        for (; i < n; i++) y[yo + i] = Math.max(x[xo + i], 0f);
    }

    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));
    private static final float INV_SQRT_2PI = (float) (1 / Math.sqrt(2 * Math.PI));

    /**
     * Exact GELU, x·Φ(x) = 0.5·x·(1 + erf(x/√2)), Keras's default ({@code approximate=False}).
     * erf comes from {@link VectorMath#erf(FloatVector)}.
     */
    public static void gelu(float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            VectorMath.erf(v.mul(INV_SQRT2)).add(1f).mul(v).mul(0.5f).intoArray(y, yo + i);
        }
        for (; i < n; i++) y[yo + i] = (VectorMath.erf(x[xo + i] * INV_SQRT2) + 1f) * x[xo + i] * 0.5f;   // the vector loop's order
    }

    /** Below this |x|, Φ(x) is ½ in float; y/x would lose its bits there (x·Φ(x) underflows from 2⁻¹²⁶ down). */
    private static final float GELU_TINY = 0x1p-100f;

    /**
     * dGELU/dx = Φ(x) + x·φ(x), with φ(x) = e^{−x²/2}/√(2π) the standard normal density; dx = g ·
     * that. Φ(x) is not computed again: the forward's output is y = x·Φ(x), so Φ(x) = y/x, one
     * division in place of an erf (½ where |x| is below {@link #GELU_TINY}, and at 0).
     */
    public static void geluBackward(float[] x, int xo, float[] y, int yo, float[] g, int go, float[] dx, int dxo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector cdf = FloatVector.fromArray(S, y, yo + i).div(v).blend(0.5f, v.abs().lt(GELU_TINY));
            FloatVector pdf = VectorMath.exp(v.mul(v).mul(-0.5f)).mul(INV_SQRT_2PI);
            cdf.add(v.mul(pdf)).mul(FloatVector.fromArray(S, g, go + i)).intoArray(dx, dxo + i);
        }
        for (; i < n; i++) {
            float v = x[xo + i];
            float cdf = Math.abs(v) < GELU_TINY ? 0.5f : y[yo + i] / v;
            float pdf = (float) Math.exp(-0.5 * v * v) * INV_SQRT_2PI;
            dx[dxo + i] = g[go + i] * (cdf + v * pdf);
        }
    }

}
