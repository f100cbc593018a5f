package dev.nabla.engine.ops;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.ElementWise;

/** Activation functions with their derivatives, written in terms of the saved input or output. */
public final class Activations {
    private Activations() {}

    public static Tensor sigmoid(Tensor x) {
        Tensor out = Pointwise.map(x, ElementWise::sigmoid);
        // σ'(x) = σ(x)(1 − σ(x)): only the output is needed
        return Autograd.record(out, "sigmoid", g -> new Tensor[] {Pointwise.map(out, g, (y, yo, gg, go, d, dof, n) -> {
            for (int i = 0; i < n; i++) d[dof + i] = gg[go + i] * y[yo + i] * (1f - y[yo + i]);
        })}, x);
    }

    public static Tensor tanh(Tensor x) {
        Tensor out = Pointwise.map(x, (a, ao, y, yo, n) -> ElementWise.unary(ElementWise.UnaryOp.TANH, a, ao, y, yo, n));
        // tanh'(x) = 1 − tanh²(x)
        return Autograd.record(out, "tanh", g -> new Tensor[] {Pointwise.map(out, g, (y, yo, gg, go, d, dof, n) -> {
            for (int i = 0; i < n; i++) d[dof + i] = gg[go + i] * (1f - y[yo + i] * y[yo + i]);
        })}, x);
    }

    public static Tensor relu(Tensor x) {
        Tensor out = Pointwise.map(x, ElementWise::relu);
        // relu'(x) = 1 for x > 0, else 0 (0 at the kink, as Keras and PyTorch)
        return Autograd.record(out, "relu", g -> new Tensor[] {Pointwise.map(out, g, (y, yo, gg, go, d, dof, n) -> {
            for (int i = 0; i < n; i++) d[dof + i] = y[yo + i] > 0f ? gg[go + i] : 0f;
        })}, x);
    }

    /** Exact (erf) GELU, Keras's default. */
    public static Tensor gelu(Tensor x) {
        Tensor out = Pointwise.map(x, ElementWise::gelu);
        return Autograd.record(out, "gelu", g -> new Tensor[] {Pointwise.map(x, g, ElementWise::geluBackward)}, x);
    }

    /** SELU's constants (Klambauer et al. 2017), as in Keras. */
    public static final float SELU_ALPHA = 1.6732632423543772848170429916717f;
    public static final float SELU_SCALE = 1.0507009873554804934193349852946f;

    /** selu(x) = scale · (x if x > 0 else α(eˣ − 1)). */
    public static Tensor selu(Tensor x) {
        Tensor out = Pointwise.map(x, (a, ao, y, yo, n) -> {
            for (int i = 0; i < n; i++) {
                float v = a[ao + i];
                y[yo + i] = SELU_SCALE * (v > 0 ? v : SELU_ALPHA * (float) Math.expm1(v));
            }
        });
        // selu'(x) = scale for x > 0, else scale·α·eˣ = out + scale·α
        return Autograd.record(out, "selu", g -> new Tensor[] {Pointwise.map(x, g, (a, ao, gg, go, d, dof, n) -> {
            for (int i = 0; i < n; i++) {
                float v = a[ao + i];
                d[dof + i] = gg[go + i] * (v > 0 ? SELU_SCALE : SELU_SCALE * SELU_ALPHA * (float) Math.exp(v));
            }
        })}, x);
    }
}
