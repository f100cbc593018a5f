package dev.nabla.exercises.embed;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The symmetric t-SNE input affinities P in compressed sparse rows: row i holds p_ij for j among
 * i's nearest neighbours (or i among j's), with Σ_ij p_ij = 1.
 */
final class SparseAffinities {
    final int[] rowStart, column;
    final double[] value;

    private SparseAffinities(int[] rowStart, int[] column, double[] value) {
        this.rowStart = rowStart;
        this.column = column;
        this.value = value;
    }

    /**
     * Conditional p_{j|i} over the k nearest neighbours, each row's Gaussian precision β_i found by
     * bisection so that its entropy H = log Σ e^{−β d} + β Σ p d equals log(perplexity)
     * (scikit-learn's {@code _binary_search_perplexity}: 100 steps, tolerance 1e-5, squared
     * distances); then P = (P_cond + P_condᵀ) / Σ.
     */
    static SparseAffinities of(Points x, int k, double perplexity) {
        int n = x.n();
        int[][] neighbours = new int[n][];
        double[][] conditional = new double[n][];
        double target = Math.log(perplexity);
        IntStream.range(0, n).parallel().forEach(i -> {
            int[] nb = x.nearest(i, k);
            double[] d = new double[k];
            for (int m = 0; m < k; m++) d[m] = x.distance2(i, nb[m]);
            double[] pr = rowConditional(d, target);
            // Sort the row by column so that P + Pᵀ can be merged row by row.
            Integer[] order = new Integer[k];
            for (int m = 0; m < k; m++) order[m] = m;
            Arrays.sort(order, (a, b) -> Integer.compare(nb[a], nb[b]));
            neighbours[i] = new int[k];
            conditional[i] = new double[k];
            for (int m = 0; m < k; m++) {
                neighbours[i][m] = nb[order[m]];
                conditional[i][m] = pr[order[m]];
            }
        });
        // Transpose: column j of P_cond lists (i, p_{j|i}) in increasing i.
        int[] tCount = new int[n + 1];
        for (int[] nb : neighbours) for (int j : nb) tCount[j + 1]++;
        for (int j = 0; j < n; j++) tCount[j + 1] += tCount[j];
        int[] tCol = new int[n * k];
        double[] tVal = new double[n * k];
        int[] fill = Arrays.copyOf(tCount, n);
        for (int i = 0; i < n; i++)
            for (int m = 0; m < k; m++) {
                int j = neighbours[i][m], at = fill[j]++;
                tCol[at] = i;
                tVal[at] = conditional[i][m];
            }
        // Merge each row of P_cond with the same row of its transpose.
        int[] rowStart = new int[n + 1];
        int[] col = new int[2 * n * k];
        double[] val = new double[2 * n * k];
        int e = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            int a = 0, b = tCount[i], bEnd = tCount[i + 1];
            int[] ra = neighbours[i];
            while (a < k || b < bEnd) {
                int ca = a < k ? ra[a] : Integer.MAX_VALUE, cb = b < bEnd ? tCol[b] : Integer.MAX_VALUE;
                double v = 0;
                int c = Math.min(ca, cb);
                if (ca == c) v += conditional[i][a++];
                if (cb == c) v += tVal[b++];
                col[e] = c;
                val[e++] = v;
                total += v;
            }
            rowStart[i + 1] = e;
        }
        double[] value = Arrays.copyOf(val, e);
        for (int m = 0; m < e; m++) value[m] /= Math.max(total, Double.MIN_NORMAL);
        return new SparseAffinities(rowStart, Arrays.copyOf(col, e), value);
    }

    /** p_{j|i} ∝ exp(−β d_j) with β set so that the entropy (nats) is {@code target}. */
    static double[] rowConditional(double[] d, double target) {
        double beta = 1, lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY;
        double[] p = new double[d.length];
        for (int step = 0; step < 100; step++) {
            double sum = 0;
            for (int m = 0; m < d.length; m++) sum += p[m] = Math.exp(-d[m] * beta);
            if (sum == 0) sum = 1e-8;
            double weighted = 0;
            for (int m = 0; m < d.length; m++) {
                p[m] /= sum;
                weighted += d[m] * p[m];
            }
            double entropy = Math.log(sum) + beta * weighted;
            double diff = entropy - target;
            if (Math.abs(diff) <= 1e-5) break;
            if (diff > 0) {
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = lo == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + lo) / 2;
            }
        }
        return p;
    }
}
