package dev.nabla.engine.ops;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.Unary;

/** Activation functions; each derivative is written in terms of the saved input or output (see {@link Unary}). */
public final class Activations {
    private Activations() {}

    public static Tensor sigmoid(Tensor x) {
        Tensor out = Pointwise.forward(x, Unary.SIGMOID);
        // dx = g·σ(x)(1 − σ(x)) = g·y(1 − y): only the output is needed
        return Autograd.record(out, "sigmoid", Pointwise.backward(Unary.SIGMOID, x, out), x);
    }

    public static Tensor tanh(Tensor x) {
        Tensor out = Pointwise.forward(x, Unary.TANH);
        // dx = g·(1 − tanh²(x)) = g·(1 − y²)
        return Autograd.record(out, "tanh", Pointwise.backward(Unary.TANH, x, out), x);
    }

    public static Tensor relu(Tensor x) {
        Tensor out = Pointwise.forward(x, Unary.RELU);
        // dx = g where y > 0, else 0 (0 at the kink, as Keras and PyTorch)
        return Autograd.record(out, "relu", Pointwise.backward(Unary.RELU, x, out), x);
    }

    /** x for x > 0, else slope·x. */
    public static Tensor leakyRelu(Tensor x, float slope) {
        Tensor out = Pointwise.forward(x, (be, in, y) -> be.leakyRelu(in.storage(), in.offset(), slope, y.storage(), 0, y.size()));
        // dx = g for x > 0, else slope·g
        return Autograd.record(out, "leakyRelu", Pointwise.backward(x, (be, in, g, dx) ->
                be.leakyReluBackward(in.storage(), in.offset(), slope, g.storage(), g.offset(), dx.storage(), 0, dx.size())), x);
    }

    /** Exact (erf) GELU, Keras's default. */
    public static Tensor gelu(Tensor x) {
        Tensor out = Pointwise.forward(x, Unary.GELU);
        // dx = g·(Φ(x) + x·φ(x)), Φ and φ the standard normal CDF and density
        return Autograd.record(out, "gelu", Pointwise.backward(Unary.GELU, x, out), x);
    }

    /** selu(x) = scale · (x if x > 0 else α(eˣ − 1)), with Keras's constants. */
    public static Tensor selu(Tensor x) {
        Tensor out = Pointwise.forward(x, Unary.SELU);
        // dx = g·scale for x > 0, else g·scale·α·eˣ
        return Autograd.record(out, "selu", Pointwise.backward(Unary.SELU, x, out), x);
    }
}
