package dev.nabla.engine.ops;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.Unary;

/** exp, log, abs, sqrt, pow (constant exponent) and clamp, each with its backward. */
public final class UnaryMath {
    private UnaryMath() {}

    public static Tensor exp(Tensor x) {
        Tensor out = Pointwise.forward(x, Unary.EXP);
        // dx = g·eˣ = g·y: reuse the output
        return Autograd.record(out, "exp", Pointwise.backward(Unary.EXP, x, out), x);
    }

    public static Tensor log(Tensor x) {
        Tensor out = Pointwise.forward(x, Unary.LOG);
        // dx = g / x
        return Autograd.record(out, "log", Pointwise.backward(Unary.LOG, x, out), x);
    }

    public static Tensor abs(Tensor x) {
        Tensor out = Pointwise.forward(x, Unary.ABS);
        // dx = g·sign(x), taken as 0 at 0 (as PyTorch)
        return Autograd.record(out, "abs", Pointwise.backward(Unary.ABS, x, out), x);
    }

    public static Tensor sqrt(Tensor x) {
        Tensor out = Pointwise.forward(x, Unary.SQRT);
        // dx = g / (2√x) = (g / y)·0.5
        return Autograd.record(out, "sqrt", Pointwise.backward(Unary.SQRT, x, out), x);
    }

    /** x^p for a constant exponent p. */
    public static Tensor pow(Tensor x, float p) {
        Tensor out = Pointwise.forward(x, (be, in, y) -> be.pow(in.storage(), in.offset(), p, y.storage(), 0, y.size()));
        // dx = g·p·x^(p−1)
        return Autograd.record(out, "pow", Pointwise.backward(x, (be, in, g, dx) ->
                be.powBackward(in.storage(), in.offset(), p, g.storage(), g.offset(), dx.storage(), 0, dx.size())), x);
    }

    /** min(max(x, lo), hi). */
    public static Tensor clamp(Tensor x, float lo, float hi) {
        if (!(lo <= hi)) throw new IllegalArgumentException("clamp: min " + lo + " is greater than max " + hi);
        Tensor out = Pointwise.forward(x, (be, in, y) -> be.clamp(in.storage(), in.offset(), lo, hi, y.storage(), 0, y.size()));
        // dx = g where lo ≤ x ≤ hi, 0 where x was cut
        return Autograd.record(out, "clamp", Pointwise.backward(x, (be, in, g, dx) ->
                be.clampBackward(in.storage(), in.offset(), lo, hi, g.storage(), g.offset(), dx.storage(), 0, dx.size())), x);
    }
}
