package dev.nabla.layers;

import dev.nabla.engine.Tensor;

import java.util.SplittableRandom;

/**
 * Keras's weight initialisers, drawn from a seeded generator. For a Dense kernel (in, out),
 * fan_in = in and fan_out = out.
 */
@FunctionalInterface
public interface Initializer {
    Tensor create(SplittableRandom rng, int fanIn, int fanOut, int... shape);

    /** Uniform in [−limit, limit], limit = √(6 / (fan_in + fan_out)) (Glorot and Bengio 2010); Keras's default kernel. */
    Initializer GLOROT_UNIFORM = (rng, in, out, shape) -> {
        float limit = (float) Math.sqrt(6.0 / (in + out));
        return Tensor.uniform(rng, -limit, limit, shape);
    };

    /** Zeros; Keras's default bias. */
    Initializer ZEROS = (rng, in, out, shape) -> Tensor.zeros(shape);

    /** Uniform in [−limit, limit], limit = √(6 / fan_in) (He et al. 2015). */
    Initializer HE_UNIFORM = (rng, in, out, shape) -> {
        float limit = (float) Math.sqrt(6.0 / in);
        return Tensor.uniform(rng, -limit, limit, shape);
    };

    /**
     * Truncated normal with standard deviation √(2 / fan_in) / 0.87962566 (He et al. 2015): values
     * beyond two standard deviations are drawn again, and Keras divides by 0.8796…, the standard
     * deviation of a unit normal truncated at ±2, so that the result has variance 2 / fan_in.
     */
    Initializer HE_NORMAL = (rng, in, out, shape) -> {
        double std = Math.sqrt(2.0 / in) / 0.87962566103423978;
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            double z;
            do {
                z = Tensor.randn(rng, 1).item();
            } while (Math.abs(z) > 2);
            d[i] = (float) (z * std);
        }
        return t;
    };

    /**
     * A (semi-)orthogonal matrix (Saxe et al. 2014), Keras's recurrent-kernel default: the Q of a QR
     * decomposition of a standard normal matrix, with the signs of R's diagonal folded in so that the
     * result is uniformly distributed. Rows = all axes but the last; Gram-Schmidt on the longer side.
     */
    Initializer ORTHOGONAL = (rng, in, out, shape) -> {
        int cols = shape[shape.length - 1], rows = Tensor.zeros(shape).size() / cols;
        boolean tall = rows >= cols;
        int n = tall ? rows : cols, k = tall ? cols : rows;
        float[] g = Tensor.randn(rng, k, n).data(); // k vectors of length n, orthonormalised below
        double[][] q = new double[k][n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) q[j][i] = g[j * n + i];
            double rjj = 0;
            for (int p = 0; p < j; p++) {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += q[p][i] * q[j][i];
                for (int i = 0; i < n; i++) q[j][i] -= dot * q[p][i];
            }
            for (int i = 0; i < n; i++) rjj += q[j][i] * q[j][i];
            double norm = Math.sqrt(rjj);
            for (int i = 0; i < n; i++) q[j][i] /= norm; // Gram-Schmidt's R diagonal is positive: no sign fix needed
        }
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) d[r * cols + c] = (float) (tall ? q[c][r] : q[r][c]);
        }
        return t;
    };
}
