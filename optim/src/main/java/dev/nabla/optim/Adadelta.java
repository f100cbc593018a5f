package dev.nabla.optim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Map;

/**
 * Adadelta (Zeiler 2012) as Keras implements it:
 * <pre>
 *   A ← ρ·A + (1 − ρ)·g²                     accumulated squared gradients
 *   Δ = √(D + ε) / √(A + ε) · g
 *   D ← ρ·D + (1 − ρ)·Δ²                     accumulated squared updates
 *   w ← w − lr·Δ
 * </pre>
 * TF2 Keras defaults to lr 0.001; Keras 2.2 (and the paper) to lr 1.0: see {@link #keras22()}.
 */
public final class Adadelta extends Optimizer {
    public static final float DEFAULT_LEARNING_RATE = 1e-3f;
    public static final float DEFAULT_RHO = 0.95f;
    public static final float DEFAULT_EPSILON = 1e-7f;

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private final float rho, epsilon;

    public Adadelta() {
        this(DEFAULT_LEARNING_RATE);
    }

    public Adadelta(float learningRate) {
        this(learningRate, DEFAULT_RHO, DEFAULT_EPSILON);
    }

    public Adadelta(float learningRate, float rho, float epsilon) {
        super(learningRate, 2);
        if (rho < 0 || rho >= 1) throw new IllegalArgumentException("Adadelta: ρ must be in [0, 1), got " + rho);
        this.rho = rho;
        this.epsilon = epsilon;
    }

    /** Keras 2.2's {@code 'adadelta'}: lr 1.0, ρ 0.95, ε 1e-7. */
    public static Adadelta keras22() {
        return new Adadelta(1.0f, DEFAULT_RHO, DEFAULT_EPSILON);
    }

    @Override
    protected void hyperparameters(Map<String, Float> c) {
        c.put("rho", rho);
        c.put("epsilon", epsilon);
    }

    @Override
    protected void update(float[] w, int wo, float[] g, int go, float[][] slots, int n) {
        float[] a = slots[0], d = slots[1];
        float lr = learningRate(), c = 1 - rho;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector gv = FloatVector.fromArray(S, g, go + i);
            FloatVector av = FloatVector.fromArray(S, a, i).mul(rho).add(gv.mul(gv).mul(c));
            FloatVector dv = FloatVector.fromArray(S, d, i);
            FloatVector delta = dv.add(epsilon).sqrt().div(av.add(epsilon).sqrt()).mul(gv);
            av.intoArray(a, i);
            dv.mul(rho).add(delta.mul(delta).mul(c)).intoArray(d, i);
            FloatVector.fromArray(S, w, wo + i).sub(delta.mul(lr)).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            float gi = g[go + i];
            a[i] = rho * a[i] + c * gi * gi;
            float delta = (float) (Math.sqrt(d[i] + epsilon) / Math.sqrt(a[i] + epsilon)) * gi;
            d[i] = rho * d[i] + c * delta * delta;
            w[wo + i] -= lr * delta;
        }
    }
}
