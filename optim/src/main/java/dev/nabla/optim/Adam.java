package dev.nabla.optim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Map;

/**
 * Adam (Kingma and Ba 2014) as Keras implements it, with the bias corrections folded into the
 * step size and ε added to √v ("epsilon hat" of the paper, before section 2.1):
 * <pre>
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   α_t = lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ)
 *   w ← w − α_t · m / (√v + ε)
 * </pre>
 * Defaults are Keras's: lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-7 (PyTorch uses ε 1e-8 on the
 * bias-corrected v̂ instead).
 */
public final class Adam extends Optimizer {
    public static final float DEFAULT_LEARNING_RATE = 1e-3f;
    public static final float DEFAULT_BETA_1 = 0.9f;
    public static final float DEFAULT_BETA_2 = 0.999f;
    public static final float DEFAULT_EPSILON = 1e-7f;

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private final float beta1, beta2, epsilon;
    private float alpha;

    public Adam() {
        this(DEFAULT_LEARNING_RATE);
    }

    public Adam(float learningRate) {
        this(learningRate, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON);
    }

    public Adam(float learningRate, float beta1, float beta2, float epsilon) {
        super(learningRate, 2);
        if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
            throw new IllegalArgumentException("Adam: β₁ and β₂ must be in [0, 1), got " + beta1 + " and " + beta2);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    protected void hyperparameters(Map<String, Float> c) {
        c.put("beta_1", beta1);
        c.put("beta_2", beta2);
        c.put("epsilon", epsilon);
    }

    @Override
    protected void beginStep(long t) {
        alpha = (float) (learningRate() * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
    }

    @Override
    protected void update(float[] w, int wo, float[] g, int go, float[][] slots, int n) {
        float[] m = slots[0], v = slots[1];
        float c1 = 1 - beta1, c2 = 1 - beta2;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector gv = FloatVector.fromArray(S, g, go + i);
            FloatVector mv = FloatVector.fromArray(S, m, i).mul(beta1).add(gv.mul(c1));
            FloatVector vv = FloatVector.fromArray(S, v, i).mul(beta2).add(gv.mul(gv).mul(c2));
            mv.intoArray(m, i);
            vv.intoArray(v, i);
            FloatVector.fromArray(S, w, wo + i).sub(mv.mul(alpha).div(vv.sqrt().add(epsilon))).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            float gi = g[go + i];
            m[i] = beta1 * m[i] + c1 * gi;
            v[i] = beta2 * v[i] + c2 * gi * gi;
            w[wo + i] -= alpha * m[i] / ((float) Math.sqrt(v[i]) + epsilon);
        }
    }
}
