package dev.nabla.engine.ops;

import dev.nabla.engine.GradCheck;
import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LstmTest {
    private static Tensor random(SplittableRandom rng, int... shape) {
        return Tensor.uniform(rng, -1f, 1f, shape).requiresGrad(true);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** One sample, one step at a time, in double, straight from the Keras equations (gates i, f, c, o). */
    static float[] plainLstm(Tensor x, Tensor w, Tensor r, Tensor b) {
        int n = x.dim(0), steps = x.dim(1), f = x.dim(2), u = r.dim(0);
        float[] out = new float[n * steps * u];
        for (int s = 0; s < n; s++) {
            double[] h = new double[u], c = new double[u];
            for (int t = 0; t < steps; t++) {
                double[] z = new double[4 * u];
                for (int j = 0; j < 4 * u; j++) {
                    z[j] = b == null ? 0 : b.get(j);
                    for (int k = 0; k < f; k++) z[j] += x.get(s, t, k) * w.get(k, j);
                    for (int k = 0; k < u; k++) z[j] += h[k] * r.get(k, j);
                }
                for (int j = 0; j < u; j++) {
                    double in = sigmoid(z[j]), forget = sigmoid(z[u + j]), cand = Math.tanh(z[2 * u + j]), o = sigmoid(z[3 * u + j]);
                    c[j] = forget * c[j] + in * cand;
                    h[j] = o * Math.tanh(c[j]);
                    out[(s * steps + t) * u + j] = (float) h[j];
                }
            }
        }
        return out;
    }

    @Test
    void forwardMatchesThePlainRecurrence() {
        var rng = new SplittableRandom(21);
        Tensor x = random(rng, 3, 6, 7), w = random(rng, 7, 4 * 17), r = random(rng, 17, 4 * 17), b = random(rng, 4 * 17);
        Tensor y = Lstm.lstm(x, w, r, b);
        assertArrayEquals(new int[] {3, 6, 17}, y.shape());
        assertArrayEquals(plainLstm(x, w, r, b), y.toArray(), 1e-5f);
        assertArrayEquals(plainLstm(x, w, r, null), Lstm.lstm(x, w, r, null).toArray(), 1e-5f);
    }

    @Test
    void gradientsThroughTime() {
        var rng = new SplittableRandom(22);
        GradCheck.float32().check("lstm", in -> Lstm.lstm(in[0], in[1], in[2], in[3]),
                random(rng, 2, 5, 3), random(rng, 3, 4 * 5), random(rng, 5, 4 * 5), random(rng, 4 * 5));
    }

    @Test
    void gradientOfTheLastStepOnly() {
        // Only h_T reaches the loss: all earlier gradient flows through the recurrence.
        var rng = new SplittableRandom(23);
        GradCheck.float32().check("lstm last step", in -> Lstm.lstm(in[0], in[1], in[2], null).slice(1, 3, 4),
                random(rng, 2, 4, 3), random(rng, 3, 4 * 17), random(rng, 17, 4 * 17));
    }

    @Test
    void rejectsMismatchedWeights() {
        assertThrows(IllegalArgumentException.class, () -> Lstm.lstm(Tensor.zeros(1, 2, 3), Tensor.zeros(4, 8), Tensor.zeros(2, 8), null));
        assertThrows(IllegalArgumentException.class, () -> Lstm.lstm(Tensor.zeros(1, 2, 3), Tensor.zeros(3, 8), Tensor.zeros(2, 6), null));
        assertThrows(IllegalArgumentException.class, () -> Lstm.lstm(Tensor.zeros(1, 2, 3), Tensor.zeros(3, 8), Tensor.zeros(2, 8), Tensor.zeros(6)));
    }
}
