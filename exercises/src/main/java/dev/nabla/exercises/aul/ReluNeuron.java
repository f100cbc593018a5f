package dev.nabla.exercises.aul;

import dev.nabla.engine.Tensor;

/** AUL-5 Activity 8: a ReLU neuron, y = relu(θx). */
public final class ReluNeuron extends NeuronCurves {
    public ReluNeuron() {
        super("aul-act8", "AUL-5 Act. 8", "ReLU", Tensor::relu);
    }
}
