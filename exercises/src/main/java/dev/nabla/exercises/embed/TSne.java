package dev.nabla.exercises.embed;

import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Barnes–Hut t-SNE to two dimensions, with scikit-learn's defaults ({@code TSNE(n_components=2)}
 * of scikit-learn 1.2+): perplexity 30, early exaggeration 12 for the first 250 of 1000
 * iterations, learning rate "auto" = max(n / 12 / 4, 50), angle θ = 0.5, PCA initialisation scaled
 * to a standard deviation of 1e-4, momentum 0.5 then 0.8, and the delta-bar-delta gains
 * (+0.2 / ×0.8, at least 0.01).
 *
 * <p>The steps:
 * <ol>
 *   <li>affinities: for each point, its 3·perplexity nearest neighbours; a Gaussian over squared
 *       distances whose precision is found by bisection so the row's entropy is log(perplexity);
 *       P = (P + Pᵀ) / sum;</li>
 *   <li>gradient of KL(P‖Q) for the Student-t kernel q_ij ∝ 1 / (1 + |y_i − y_j|²):
 *       ∂C/∂y_i = 4 [Σ_j p_ij q_ij Z (y_i − y_j) − Σ_j q_ij² Z² (y_i − y_j) / Z], the attractive
 *       sum over the sparse neighbours, the repulsive one by the {@link QuadTree}.</li>
 * </ol>
 * scikit-learn also stops early when the gradient norm falls below 1e-7 or after 300 iterations
 * without progress; this implementation always runs all iterations.
 */
public final class TSne {
    private static final int EXPLORATION_ITERATIONS = 250;

    private final double perplexity, earlyExaggeration, theta;
    private final int iterations;
    private final PrintStream log;

    /** scikit-learn's defaults; progress every 50 iterations goes to {@code log} (null: silent). */
    public TSne(PrintStream log) {
        this(30, 12, 1000, 0.5, log);
    }

    public TSne(double perplexity, double earlyExaggeration, int iterations, double theta, PrintStream log) {
        if (!(perplexity > 0)) throw new IllegalArgumentException("t-SNE perplexity must be positive, got " + perplexity);
        if (iterations <= EXPLORATION_ITERATIONS) throw new IllegalArgumentException("t-SNE needs more than " + EXPLORATION_ITERATIONS + " iterations, got " + iterations);
        this.perplexity = perplexity;
        this.earlyExaggeration = earlyExaggeration;
        this.iterations = iterations;
        this.theta = theta;
        this.log = log;
    }

    /** The 2-D embedding of {@code x}: n × 2 row-major. */
    public Points embed(Points x) {
        int n = x.n();
        int k = Math.min(n - 1, (int) (3 * perplexity + 1));
        if (k < 1) throw new IllegalArgumentException("t-SNE needs at least 2 points, got " + n);
        SparseAffinities p = SparseAffinities.of(x, k, perplexity);
        double[] y = Pca.project(x, 2);
        double std = 0, mean = 0;
        for (int i = 0; i < n; i++) mean += y[2 * i];
        mean /= n;
        for (int i = 0; i < n; i++) std += (y[2 * i] - mean) * (y[2 * i] - mean);
        std = Math.sqrt(std / n);
        for (int i = 0; i < y.length; i++) y[i] = y[i] / (std > 0 ? std : 1) * 1e-4;

        double learningRate = Math.max(n / earlyExaggeration / 4, 50);
        double[] update = new double[2 * n], gains = new double[2 * n], grad = new double[2 * n];
        java.util.Arrays.fill(gains, 1);
        for (int it = 0; it < iterations; it++) {
            boolean exploring = it < EXPLORATION_ITERATIONS;
            double exaggeration = exploring ? earlyExaggeration : 1, momentum = exploring ? 0.5 : 0.8;
            boolean report = log != null && ((it + 1) % 50 == 0 || it == iterations - 1);
            double kl = gradient(p, y, n, exaggeration, grad, report);
            for (int i = 0; i < 2 * n; i++) {
                gains[i] = update[i] * grad[i] < 0 ? gains[i] + 0.2 : gains[i] * 0.8;
                gains[i] = Math.max(gains[i], 0.01);
                update[i] = momentum * update[i] - learningRate * gains[i] * grad[i];
                y[i] += update[i];
            }
            if (report) {
                double norm = 0;
                for (double g : grad) norm += g * g;
                log.printf(Locale.ROOT, "[t-SNE] Iteration %d: KL divergence = %.4f, gradient norm = %.7f%n", it + 1, kl, Math.sqrt(norm));
            }
        }
        float[] out = new float[2 * n];
        for (int i = 0; i < out.length; i++) out[i] = (float) y[i];
        return new Points(out, n, 2);
    }

    /**
     * Writes ∂C/∂y into {@code grad} for affinities P·exaggeration; returns KL(P‖Q) (with the
     * exaggerated P, as scikit-learn reports it) when {@code withError}, else NaN.
     */
    private double gradient(SparseAffinities p, double[] y, int n, double exaggeration, double[] grad, boolean withError) {
        var tree = new QuadTree(y, n);
        double[] sumQ = new double[n];
        double[] attract = new double[2 * n];
        IntStream.range(0, n).parallel().forEach(i -> {
            int[] stack = tree.newStack();
            double[] force = new double[2];
            sumQ[i] = tree.repulsion(y[2 * i], y[2 * i + 1], theta, force, stack);
            grad[2 * i] = force[0];
            grad[2 * i + 1] = force[1];
            double ax = 0, ay = 0;
            for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
                int j = p.column[e];
                double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                double m = p.value[e] * exaggeration / (1 + dx * dx + dy * dy);
                ax += m * dx;
                ay += m * dy;
            }
            attract[2 * i] = ax;
            attract[2 * i + 1] = ay;
        });
        double z = 0;
        for (double s : sumQ) z += s;
        for (int i = 0; i < 2 * n; i++) grad[i] = 4 * (attract[i] - grad[i] / z);
        if (!withError) return Double.NaN;
        double kl = 0;
        for (int i = 0; i < n; i++)
            for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
                int j = p.column[e];
                double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                double pij = p.value[e] * exaggeration, qij = 1 / (1 + dx * dx + dy * dy) / z;
                kl += pij * Math.log(Math.max(pij, Float.MIN_NORMAL) / Math.max(qij, Float.MIN_NORMAL));
            }
        return kl;
    }
}
