package dev.nabla.exercises.aul;

import dev.nabla.engine.Tensor;
import dev.nabla.exercises.Exercise;
import dev.nabla.exercises.Reproduction;
import dev.nabla.exercises.Result;
import dev.nabla.exercises.Target;
import dev.nabla.exercises.plot.LinePlot;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The response of one neuron y = f(θx) over x = linspace(−5, 5, 100) for θ ∈ {1, 5, 0.2},
 * computed with the engine's ops and drawn as three curves on one plot.
 */
abstract class NeuronCurves implements Exercise {
    static final float[] THETAS = {1f, 5f, 0.2f};

    private final String id, source, name;
    private final UnaryOperator<Tensor> activation;

    NeuronCurves(String id, String source, String name, UnaryOperator<Tensor> activation) {
        this.id = id;
        this.source = source;
        this.name = name;
        this.activation = activation;
    }

    @Override public String id() { return id; }
    @Override public String title() { return source + " " + name + " neuron y = " + name.toLowerCase(Locale.ROOT) + "(θx) for θ = 1, 5, 0.2"; }
    @Override public Target target() { return Target.report("curves"); }

    /** x = linspace(−5, 5, 100), as numpy: endpoints included. */
    static Tensor linspace(float from, float to, int count) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) v[i] = from + (to - from) * i / (count - 1);
        return Tensor.of(v, count);
    }

    /** y = f(θx) for each θ. */
    float[][] curves(Tensor x) {
        float[][] y = new float[THETAS.length][];
        for (int t = 0; t < THETAS.length; t++) y[t] = activation.apply(x.mul(THETAS[t])).toArray();
        return y;
    }

    @Override
    public Result run(Reproduction r) {
        Tensor x = linspace(-5f, 5f, 100);
        float[][] y = curves(x);
        var plot = new LinePlot(name + " neuron: y = " + name.toLowerCase(Locale.ROOT) + "(θx)", "x", "y");
        double[] xs = toDouble(x.toArray());
        for (int t = 0; t < THETAS.length; t++) {
            String theta = new BigDecimal(Float.toString(THETAS[t])).stripTrailingZeros().toPlainString();
            plot.series("θ = " + theta, xs, toDouble(y[t]));
            r.say("θ = %-4s y(-5) = %.4f  y(%.4f) = %.4f  y(5) = %.4f",
                    theta, y[t][0], xs[50], y[t][50], y[t][99]);
        }
        plot.write(r.picture("curves"));
        return r.result(Double.NaN);
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }
}
