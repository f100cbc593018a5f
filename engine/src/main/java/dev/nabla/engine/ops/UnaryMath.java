package dev.nabla.engine.ops;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.ElementWise;

/** exp, log, abs, sqrt, pow (constant exponent) and clamp, each with its backward. */
public final class UnaryMath {
    private UnaryMath() {}

    public static Tensor exp(Tensor x) {
        Tensor out = Pointwise.map(x, (a, ao, y, yo, n) -> ElementWise.unary(ElementWise.UnaryOp.EXP, a, ao, y, yo, n));
        // d(e^x)/dx = e^x: reuse the output
        return Autograd.record(out, "exp", g -> new Tensor[] {g.mul(out)}, x);
    }

    public static Tensor log(Tensor x) {
        Tensor out = Pointwise.map(x, (a, ao, y, yo, n) -> ElementWise.unary(ElementWise.UnaryOp.LOG, a, ao, y, yo, n));
        // d(ln x)/dx = 1/x
        return Autograd.record(out, "log", g -> new Tensor[] {g.div(x)}, x);
    }

    public static Tensor abs(Tensor x) {
        Tensor out = Pointwise.map(x, (a, ao, y, yo, n) -> ElementWise.unary(ElementWise.UnaryOp.ABS, a, ao, y, yo, n));
        // d|x|/dx = sign(x), taken as 0 at 0 (as PyTorch)
        return Autograd.record(out, "abs", g -> new Tensor[] {Pointwise.map(x, g, (a, ao, gg, go, d, dof, n) -> {
            for (int i = 0; i < n; i++) d[dof + i] = Math.signum(a[ao + i]) * gg[go + i];
        })}, x);
    }

    public static Tensor sqrt(Tensor x) {
        Tensor out = Pointwise.map(x, (a, ao, y, yo, n) -> ElementWise.unary(ElementWise.UnaryOp.SQRT, a, ao, y, yo, n));
        // d√x/dx = 1 / (2√x)
        return Autograd.record(out, "sqrt", g -> new Tensor[] {g.div(out).mul(0.5f)}, x);
    }

    /** x^p for a constant exponent p. */
    public static Tensor pow(Tensor x, float p) {
        Tensor out = Pointwise.map(x, (a, ao, y, yo, n) -> {
            for (int i = 0; i < n; i++) y[yo + i] = (float) Math.pow(a[ao + i], p);
        });
        // d(x^p)/dx = p x^(p-1)
        return Autograd.record(out, "pow", g -> new Tensor[] {Pointwise.map(x, g, (a, ao, gg, go, d, dof, n) -> {
            for (int i = 0; i < n; i++) d[dof + i] = gg[go + i] * p * (float) Math.pow(a[ao + i], p - 1);
        })}, x);
    }

    /** min(max(x, lo), hi); the gradient passes where lo ≤ x ≤ hi and is 0 where x was cut. */
    public static Tensor clamp(Tensor x, float lo, float hi) {
        if (!(lo <= hi)) throw new IllegalArgumentException("clamp: min " + lo + " is greater than max " + hi);
        Tensor out = Pointwise.map(x, (a, ao, y, yo, n) -> {
            for (int i = 0; i < n; i++) y[yo + i] = Math.min(Math.max(a[ao + i], lo), hi);
        });
        return Autograd.record(out, "clamp", g -> new Tensor[] {Pointwise.map(x, g, (a, ao, gg, go, d, dof, n) -> {
            for (int i = 0; i < n; i++) d[dof + i] = a[ao + i] >= lo && a[ao + i] <= hi ? gg[go + i] : 0f;
        })}, x);
    }
}
