package dev.nabla.engine.kernels;

/**
 * The element-wise functions with a kernel of their own, forward and backward. A backward kernel
 * reads whichever saved values its derivative is cheapest from: the output for those whose
 * derivative is a function of it (eˣ' = y, √x' = 1/(2y), σ' = y(1 − y), tanh' = 1 − y², relu' = [y > 0]),
 * both for GELU (whose Φ(x) is y/x), the input for the others.
 */
public enum Unary {
    EXP(Saved.OUTPUT), LOG(Saved.INPUT), ABS(Saved.INPUT), SQRT(Saved.OUTPUT), TANH(Saved.OUTPUT),
    SIGMOID(Saved.OUTPUT), RELU(Saved.OUTPUT), GELU(Saved.BOTH), SELU(Saved.INPUT);

    /** What {@link Backend#unaryBackward} reads besides the gradient: the op's input, its output, or both. */
    private enum Saved { INPUT, OUTPUT, BOTH }

    private final Saved saved;

    Unary(Saved saved) {
        this.saved = saved;
    }

    /** Whether the backward kernel reads the op's input x. */
    public boolean backwardReadsInput() {
        return saved != Saved.OUTPUT;
    }

    /** Whether the backward kernel reads the op's output y. */
    public boolean backwardReadsOutput() {
        return saved != Saved.INPUT;
    }
}
