package dev.nabla.exercises.aul;

import dev.nabla.engine.Tensor;

/** AUL-5 Exercise 18: a sigmoid neuron, y = sigmoid(θx). */
public final class SigmoidNeuron extends NeuronCurves {
    public SigmoidNeuron() {
        super("aul-ex18", "AUL-5 Ex. 18", "Sigmoid", Tensor::sigmoid);
    }
}
