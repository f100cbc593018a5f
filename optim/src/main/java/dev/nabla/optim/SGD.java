package dev.nabla.optim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum and Nesterov momentum, as Keras's SGD:
 * <pre>
 *   momentum = 0:  w ← w − lr·g
 *   otherwise:     v ← μ·v − lr·g;   w ← w + v            (classic)
 *                                    w ← w + μ·v − lr·g   (Nesterov)
 * </pre>
 */
public final class SGD extends Optimizer {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private final float momentum;
    private final boolean nesterov;

    public SGD(float learningRate) {
        this(learningRate, 0f, false);
    }

    public SGD(float learningRate, float momentum, boolean nesterov) {
        super(learningRate, momentum == 0f ? 0 : 1);
        if (momentum < 0 || momentum >= 1) throw new IllegalArgumentException("SGD: momentum must be in [0, 1), got " + momentum);
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    /** Keras 2.2's {@code 'sgd'}: lr 0.01, no momentum (also the TF2 default). */
    public static SGD keras22() {
        return new SGD(0.01f);
    }

    public float momentum() { return momentum; }

    @Override
    protected void hyperparameters(Map<String, Float> c) {
        c.put("momentum", momentum);
        c.put("nesterov", nesterov ? 1f : 0f);
    }

    @Override
    protected void update(float[] w, int wo, float[] g, int go, float[][] slots, int n) {
        float lr = learningRate();
        int i = 0;
        if (momentum == 0f) {
            for (int bound = S.loopBound(n); i < bound; i += S.length()) {
                FloatVector.fromArray(S, g, go + i).mul(-lr).add(FloatVector.fromArray(S, w, wo + i)).intoArray(w, wo + i);
            }
            for (; i < n; i++) w[wo + i] -= lr * g[go + i];
            return;
        }
        float[] v = slots[0];
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector gv = FloatVector.fromArray(S, g, go + i).mul(-lr);
            FloatVector vv = FloatVector.fromArray(S, v, i).mul(momentum).add(gv);
            vv.intoArray(v, i);
            FloatVector step = nesterov ? vv.mul(momentum).add(gv) : vv;
            FloatVector.fromArray(S, w, wo + i).add(step).intoArray(w, wo + i);
        }
        for (; i < n; i++) {
            float gl = -lr * g[go + i];
            v[i] = momentum * v[i] + gl;
            w[wo + i] += nesterov ? momentum * v[i] + gl : v[i];
        }
    }
}
