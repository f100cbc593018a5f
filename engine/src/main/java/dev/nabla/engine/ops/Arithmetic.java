package dev.nabla.engine.ops;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.ElementWise.BinaryOp;

/**
 * Element-wise add, sub, mul, div with broadcasting, scale and neg. Every backward first forms
 * the gradient at the output's (broadcast) shape, then sums it back to each input's shape.
 */
public final class Arithmetic {
    private Arithmetic() {}

    public static Tensor add(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("add", BinaryOp.ADD, a, b);
        // d(a + b)/da = d(a + b)/db = 1
        return Autograd.record(out, "add", (g, needs) -> new Tensor[] {
                needs[0] ? Broadcast.sumTo(g, a.shape()) : null,
                needs[1] ? Broadcast.sumTo(g, b.shape()) : null}, a, b);
    }

    public static Tensor sub(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("sub", BinaryOp.SUB, a, b);
        // d(a − b)/da = 1, d(a − b)/db = −1
        return Autograd.record(out, "sub", (g, needs) -> new Tensor[] {
                needs[0] ? Broadcast.sumTo(g, a.shape()) : null,
                needs[1] ? Broadcast.sumTo(g.neg(), b.shape()) : null}, a, b);
    }

    public static Tensor mul(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("mul", BinaryOp.MUL, a, b);
        // d(ab)/da = b, d(ab)/db = a
        return Autograd.record(out, "mul", (g, needs) -> new Tensor[] {
                needs[0] ? Broadcast.sumTo(g.mul(b), a.shape()) : null,
                needs[1] ? Broadcast.sumTo(g.mul(a), b.shape()) : null}, a, b);
    }

    public static Tensor div(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("div", BinaryOp.DIV, a, b);
        // d(a/b)/da = 1/b, d(a/b)/db = −a/b² = −out/b
        return Autograd.record(out, "div", (g, needs) -> {
            Tensor gOverB = g.div(b);
            return new Tensor[] {
                    needs[0] ? Broadcast.sumTo(gOverB, a.shape()) : null,
                    needs[1] ? Broadcast.sumTo(gOverB.mul(out).neg(), b.shape()) : null};
        }, a, b);
    }

    /** x · c for a constant c. */
    public static Tensor scale(Tensor x, float c) {
        Tensor in = Dense.of(x);
        Tensor out = Tensor.zeros(x.backend(), x.shape());
        x.backend().scale(in.storage(), in.offset(), c, out.storage(), 0, out.size());
        // d(cx)/dx = c
        return Autograd.record(out, "scale", (g, needs) -> new Tensor[] {g.mul(c)}, x);
    }

    public static Tensor neg(Tensor x) {
        return scale(x, -1f);
    }
}
