package dev.nabla.optim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Map;

/**
 * RMSprop (Hinton's lecture 6e) as Keras implements it (no momentum, not centered):
 * <pre>
 *   s ← ρ·s + (1 − ρ)·g²
 *   w ← w − lr · g / √(s + ε)
 * </pre>
 * Keras puts ε under the square root (TF's {@code ApplyRMSProp}); PyTorch adds it outside.
 * Defaults: lr 1e-3, ρ 0.9, ε 1e-7.
 */
public final class RMSprop extends Optimizer {
    public static final float DEFAULT_LEARNING_RATE = 1e-3f;
    public static final float DEFAULT_RHO = 0.9f;
    public static final float DEFAULT_EPSILON = 1e-7f;

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private final float rho, epsilon;

    public RMSprop() {
        this(DEFAULT_LEARNING_RATE);
    }

    public RMSprop(float learningRate) {
        this(learningRate, DEFAULT_RHO, DEFAULT_EPSILON);
    }

    public RMSprop(float learningRate, float rho, float epsilon) {
        super(learningRate, 1);
        if (rho < 0 || rho >= 1) throw new IllegalArgumentException("RMSprop: ρ must be in [0, 1), got " + rho);
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override
    protected void hyperparameters(Map<String, Float> c) {
        c.put("rho", rho);
        c.put("epsilon", epsilon);
    }

    @Override
    protected void update(float[] w, int wo, float[] g, int go, float[][] slots, int n) {
        float[] s = slots[0];
        float lr = learningRate(), c = 1 - rho;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector gv = FloatVector.fromArray(S, g, go + i);
            FloatVector sv = FloatVector.fromArray(S, s, i).mul(rho).add(gv.mul(gv).mul(c));
            sv.intoArray(s, i);
            FloatVector.fromArray(S, w, wo + i).sub(gv.mul(lr).div(sv.add(epsilon).sqrt())).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            float gi = g[go + i];
            s[i] = rho * s[i] + c * gi * gi;
            w[wo + i] -= lr * gi / (float) Math.sqrt(s[i] + epsilon);
        }
    }
}
