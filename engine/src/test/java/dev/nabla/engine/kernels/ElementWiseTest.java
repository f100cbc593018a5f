package dev.nabla.engine.kernels;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ElementWiseTest {
    /**
     * The vector loops of tanh's, the sigmoid's and relu's backward round the same operations in
     * the same order as their scalar tails: every lane matches the scalar formula bit for bit,
     * relu's with 0 for NaN and for y = 0 and −0.
     */
    @Test
    void backwardFromTheOutputMatchesTheScalarFormula() {
        var rng = new SplittableRandom(31);
        int n = 5 * ElementWise.LANES + 3;
        float[] y = new float[n + 1], g = new float[n + 2];
        for (int i = 0; i < y.length; i++) y[i] = (float) rng.nextDouble(-1, 1);
        for (int i = 0; i < g.length; i++) g[i] = (float) rng.nextDouble(-4, 4);
        y[2] = Float.NaN;
        y[3] = 0f;
        y[4] = -0f;
        float[] dx = new float[n + 3];
        for (Unary op : new Unary[] {Unary.TANH, Unary.SIGMOID, Unary.RELU}) {
            ElementWise.unaryBackward(op, null, 0, y, 1, g, 2, dx, 3, n);
            for (int i = 0; i < n; i++) {
                float s = y[1 + i], gi = g[2 + i];
                float expected = switch (op) {
                    case TANH -> gi * (1f - s * s);
                    case SIGMOID -> gi * s * (1f - s);
                    default -> s > 0f ? gi : 0f;
                };
                assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(dx[3 + i]), op + " at " + i);
            }
        }
    }

    /**
     * GELU's backward takes Φ(x) from the forward's output as y/x: it matches Φ(x) computed from
     * erf, g·(½(1 + erf(x/√2)) + x·φ(x)), to 4·10⁻⁷·|g| (the forward's rounding), is exactly ½g at
     * 0 and where x is too small for y/x, and NaN for NaN; vector lanes and the tail alike.
     */
    @Test
    void geluBackwardReadsPhiFromTheOutput() {
        var rng = new SplittableRandom(37);
        int n = 9 * ElementWise.LANES + 5;
        float[] x = new float[n], y = new float[n], g = new float[n], dx = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextDouble(-7, 7);
            g[i] = (float) rng.nextDouble(-2, 2);
        }
        x[1] = 0f;
        x[2] = -0f;
        x[3] = 1e-35f;
        x[4] = -1e-35f;
        x[5] = Float.NaN;
        x[n - 1] = 0f;                                  // in the scalar tail
        ElementWise.unary(Unary.GELU, x, 0, y, 0, n);
        ElementWise.unaryBackward(Unary.GELU, x, 0, y, 0, g, 0, dx, 0, n);
        for (int i = 0; i < n; i++) {
            double v = x[i], phi = Math.exp(-v * v / 2) / Math.sqrt(2 * Math.PI);
            double expected = g[i] * (0.5 * (1 + VectorMath.erf((float) (v / Math.sqrt(2)))) + v * phi);
            if (i >= 1 && i <= 4 || i == n - 1) assertEquals(0.5f * g[i], dx[i], "x = " + x[i]);
            else if (i == 5) assertEquals(Float.NaN, dx[i]);
            else assertEquals(expected, dx[i], 4e-7 * Math.abs(g[i]), "x = " + x[i]);
        }
    }

    /** The vector loops of the four operators and their one-by-one tail give the scalar operation's bits. */
    @Test
    void binaryOperatorsMatchTheScalarOperation() {
        var rng = new SplittableRandom(32);
        int n = 5 * ElementWise.LANES + 3;
        float[] a = new float[n + 1], b = new float[n + 2], o = new float[n + 3];
        for (int i = 0; i < a.length; i++) a[i] = (float) rng.nextDouble(-4, 4);
        for (int i = 0; i < b.length; i++) b[i] = (float) rng.nextDouble(0.5, 4);
        for (ElementWise.BinaryOp op : ElementWise.BinaryOp.values()) {
            ElementWise.binary(op, a, 1, 1, b, 2, 1, o, 3, n);
            for (int i = 0; i < n; i++) {
                float x = a[1 + i], y = b[2 + i];
                float expected = switch (op) {
                    case ADD -> x + y;
                    case SUB -> x - y;
                    case MUL -> x * y;
                    case DIV -> x / y;
                };
                assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(o[3 + i]), op + " at " + i);
            }
        }
    }
}
