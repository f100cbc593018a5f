package dev.nabla.engine.kernels;

/**
 * The element-wise functions with a kernel of their own, forward and backward. A backward kernel
 * reads whichever saved value its derivative is cheapest from: the output for those whose
 * derivative is a function of it (eˣ' = y, √x' = 1/(2y), σ' = y(1 − y), tanh' = 1 − y², relu' = [y > 0]),
 * the input for the others.
 */
public enum Unary {
    EXP(true), LOG(false), ABS(false), SQRT(true), TANH(true), SIGMOID(true), RELU(true), GELU(false), SELU(false);

    private final boolean backwardFromOutput;

    Unary(boolean backwardFromOutput) {
        this.backwardFromOutput = backwardFromOutput;
    }

    /** Whether {@link Backend#unaryBackward} takes the op's output (true) or its input (false). */
    public boolean backwardFromOutput() {
        return backwardFromOutput;
    }
}
