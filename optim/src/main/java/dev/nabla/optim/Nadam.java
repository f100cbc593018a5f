package dev.nabla.optim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Map;

/**
 * Nadam (Dozat 2016: Adam with Nesterov momentum) as TF2 Keras's {@code tf.keras.optimizers.Nadam}
 * implements it, with the momentum schedule μ_t = β₁·(1 − ½·0.96^(0.004·t)) and its running
 * product Π_t = μ₁·…·μ_t (Keras's {@code m_cache}):
 * <pre>
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   m̄ = (1 − μ_t)·g / (1 − Π_t) + μ_{t+1}·m / (1 − Π_t·μ_{t+1})
 *   w ← w − lr · m̄ / (√(v / (1 − β₂ᵗ)) + ε)
 * </pre>
 * The first term is the bias-corrected gradient weighted by the current step's momentum, the
 * second the bias-corrected moment looked one step ahead (the Nesterov part). Defaults are
 * Keras's: lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-7.
 */
public final class Nadam extends Optimizer {
    public static final float DEFAULT_LEARNING_RATE = 1e-3f;
    public static final float DEFAULT_BETA_1 = 0.9f;
    public static final float DEFAULT_BETA_2 = 0.999f;
    public static final float DEFAULT_EPSILON = 1e-7f;

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private final float beta1, beta2, epsilon;
    /** Π_t, the product of the momentum schedule up to the last step. */
    private double momentumProduct = 1;
    /** This step's factors of g and of m in m̄, and 1 − β₂ᵗ. */
    private float gradientFactor, momentFactor, secondMomentCorrection;

    public Nadam() {
        this(DEFAULT_LEARNING_RATE);
    }

    public Nadam(float learningRate) {
        this(learningRate, DEFAULT_BETA_1, DEFAULT_BETA_2, DEFAULT_EPSILON);
    }

    public Nadam(float learningRate, float beta1, float beta2, float epsilon) {
        super(learningRate, 2);
        if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
            throw new IllegalArgumentException("Nadam: β₁ and β₂ must be in [0, 1), got " + beta1 + " and " + beta2);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** μ_t = β₁·(1 − ½·0.96^(0.004·t)), Keras's momentum cache decay. */
    private double momentum(long t) {
        return beta1 * (1 - 0.5 * Math.pow(0.96, 0.004 * t));
    }

    @Override
    protected void hyperparameters(Map<String, Float> c) {
        c.put("beta_1", beta1);
        c.put("beta_2", beta2);
        c.put("epsilon", epsilon);
    }

    /** Π_t again, multiplied in the same order as the steps did. */
    @Override
    protected void restored(long iterations) {
        momentumProduct = 1;
        for (long t = 1; t <= iterations; t++) momentumProduct *= momentum(t);
    }

    @Override
    protected void beginStep(long t) {
        double mu = momentum(t), muNext = momentum(t + 1);
        momentumProduct *= mu;
        gradientFactor = (float) ((1 - mu) / (1 - momentumProduct));
        momentFactor = (float) (muNext / (1 - momentumProduct * muNext));
        secondMomentCorrection = (float) (1 - Math.pow(beta2, t));
    }

    @Override
    protected void update(float[] w, int wo, float[] g, int go, float[][] slots, int n) {
        float[] m = slots[0], v = slots[1];
        float c1 = 1 - beta1, c2 = 1 - beta2, lr = learningRate();
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector gv = FloatVector.fromArray(S, g, go + i);
            FloatVector mv = FloatVector.fromArray(S, m, i).mul(beta1).add(gv.mul(c1));
            FloatVector vv = FloatVector.fromArray(S, v, i).mul(beta2).add(gv.mul(gv).mul(c2));
            mv.intoArray(m, i);
            vv.intoArray(v, i);
            FloatVector mBar = gv.mul(gradientFactor).add(mv.mul(momentFactor));
            FloatVector denominator = vv.div(secondMomentCorrection).sqrt().add(epsilon);
            FloatVector.fromArray(S, w, wo + i).sub(mBar.mul(lr).div(denominator)).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            float gi = g[go + i];
            m[i] = beta1 * m[i] + c1 * gi;
            v[i] = beta2 * v[i] + c2 * gi * gi;
            float mBar = gradientFactor * gi + momentFactor * m[i];
            w[wo + i] -= lr * mBar / ((float) Math.sqrt(v[i] / secondMomentCorrection) + epsilon);
        }
    }
}
