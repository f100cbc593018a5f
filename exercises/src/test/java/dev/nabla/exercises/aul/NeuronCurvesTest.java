package dev.nabla.exercises.aul;

import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NeuronCurvesTest {

    @Test
    void linspaceIncludesBothEnds() {
        float[] x = NeuronCurves.linspace(-5f, 5f, 100).toArray();
        assertEquals(100, x.length);
        assertEquals(-5f, x[0]);
        assertEquals(5f, x[99]);
        assertEquals(-5f + 10f * 37 / 99, x[37], 1e-6f);
    }

    @Test
    void sigmoidCurvesMatchTheFormula() {
        Tensor x = NeuronCurves.linspace(-5f, 5f, 100);
        float[][] y = new SigmoidNeuron().curves(x);
        float[] xs = x.toArray();
        for (int t = 0; t < NeuronCurves.THETAS.length; t++)
            for (int i = 0; i < xs.length; i++) {
                assertEquals(1 / (1 + Math.exp(-NeuronCurves.THETAS[t] * xs[i])), y[t][i], 1e-6, "θ=" + NeuronCurves.THETAS[t] + " x=" + xs[i]);
            }
    }

    @Test
    void reluCurvesMatchTheFormula() {
        Tensor x = NeuronCurves.linspace(-5f, 5f, 100);
        float[][] y = new ReluNeuron().curves(x);
        assertEquals(25f, y[1][99], 1e-6f);   // relu(5 · 5)
        assertEquals(1f, y[2][99], 1e-6f);    // relu(0.2 · 5)
        for (float[] curve : y) for (int i = 0; i < 50; i++) assertEquals(0f, curve[i]);
    }
}
