package dev.nabla.engine.ops;

import dev.nabla.engine.GradCheck;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.kernels.Backend;
import dev.nabla.engine.kernels.CpuBackend;
import dev.nabla.engine.kernels.Parallel;
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

    /** The CPU's kernels, with the batch cut into uneven ranges of rows (1, 7 and the rest), run last first. */
    private static final class UnevenRows extends CpuBackend {
        @Override
        public void forIndependentRows(int rows, Parallel.RangeTask task) {
            int[] cuts = {0, Math.min(rows, 1), Math.min(rows, 8), rows};
            for (int i = cuts.length - 2; i >= 0; i--) {
                if (cuts[i] < cuts[i + 1]) task.run(cuts[i], cuts[i + 1]);
            }
        }
    }

    /** The output and the gradients of x, W, R and b for the output gradient g, all on {@code be}. */
    private static float[][] outputAndGradients(Backend be, Tensor... xwrbg) {
        Tensor[] in = new Tensor[4];
        for (int i = 0; i < 4; i++) in[i] = Tensor.of(xwrbg[i].toArray(), xwrbg[i].shape()).to(be).requiresGrad(true);
        Tensor y = Lstm.lstm(in[0], in[1], in[2], in[3]);
        y.backward(Tensor.of(xwrbg[4].toArray(), xwrbg[4].shape()).to(be));
        return new float[][] {y.toArray(), in[0].grad().toArray(), in[1].grad().toArray(), in[2].grad().toArray(), in[3].grad().toArray()};
    }

    @Test
    void rangesOfRowsGiveTheBitsOfTheWholeBatch() {
        // 37 rows: this machine's threads take ranges of them (forIndependentRows), UnevenRows
        // others; every row's recurrence, forward and backward, must not depend on its range.
        var rng = new SplittableRandom(24);
        int n = 37, steps = 5, features = 6, units = 19;
        Tensor x = random(rng, n, steps, features), w = random(rng, features, 4 * units),
                r = random(rng, units, 4 * units), b = random(rng, 4 * units), g = random(rng, n, steps, units);
        float[][] byThreads = outputAndGradients(CpuBackend.INSTANCE, x, w, r, b, g);
        float[][] uneven = outputAndGradients(new UnevenRows(), x, w, r, b, g);
        for (int i = 0; i < byThreads.length; i++) assertArrayEquals(byThreads[i], uneven[i], "output and gradients, " + i);
        assertArrayEquals(plainLstm(x, w, r, b), byThreads[0], 1e-5f);
    }

    @Test
    void rejectsMismatchedWeights() {
        assertThrows(IllegalArgumentException.class, () -> Lstm.lstm(Tensor.zeros(1, 2, 3), Tensor.zeros(4, 8), Tensor.zeros(2, 8), null));
        assertThrows(IllegalArgumentException.class, () -> Lstm.lstm(Tensor.zeros(1, 2, 3), Tensor.zeros(3, 8), Tensor.zeros(2, 6), null));
        assertThrows(IllegalArgumentException.class, () -> Lstm.lstm(Tensor.zeros(1, 2, 3), Tensor.zeros(3, 8), Tensor.zeros(2, 8), Tensor.zeros(6)));
    }
}
