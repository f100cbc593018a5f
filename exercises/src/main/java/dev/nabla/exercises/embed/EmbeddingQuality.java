package dev.nabla.exercises.embed;

import java.util.stream.IntStream;

/** How well a low-dimensional embedding keeps the neighbourhoods and classes of the original points. */
public final class EmbeddingQuality {
    private EmbeddingQuality() {}

    /**
     * Trustworthiness as in {@code sklearn.manifold.trustworthiness} (Euclidean):
     * <pre>
     *   T(k) = 1 − 2 / (n k (2n − 3k − 1)) · Σ_i Σ_{j ∈ N_k^emb(i)} max(0, r(i, j) − k)
     * </pre>
     * where r(i, j) is the rank of j among i's neighbours in the original space (1 = nearest) and
     * N_k^emb(i) are i's k nearest neighbours in the embedding. 1 means no embedded neighbour is
     * a stranger in the original space.
     */
    public static double trustworthiness(Points original, Points embedded, int k) {
        int n = original.n();
        if (embedded.n() != n) throw new IllegalArgumentException("trustworthiness: " + n + " original points but " + embedded.n() + " embedded");
        if (k >= n / 2.0) throw new IllegalArgumentException("trustworthiness: k=" + k + " must be below n/2 = " + n / 2.0);
        double penalty = IntStream.range(0, n).parallel().mapToDouble(i -> {
            double[] dist = new double[n];
            for (int j = 0; j < n; j++) dist[j] = j == i ? Double.POSITIVE_INFINITY : original.distance2(i, j);
            double s = 0;
            for (int j : embedded.nearest(i, k)) {
                // rank of j in i's original ordering: 1 + the points strictly nearer (ties broken by index)
                int rank = 1;
                for (int m = 0; m < n; m++) if (dist[m] < dist[j] || (dist[m] == dist[j] && m < j)) rank++;
                if (rank > k) s += rank - k;
            }
            return s;
        }).sum();
        return 1 - penalty * (2.0 / (n * (double) k * (2.0 * n - 3.0 * k - 1.0)));
    }

    /**
     * k-nearest-neighbour class agreement: the mean, over all points, of the fraction of their k
     * nearest neighbours (Euclidean, the point itself excluded) that share their class.
     */
    public static double knnAgreement(Points points, int[] classes, int k) {
        int n = points.n();
        if (classes.length != n) throw new IllegalArgumentException("kNN agreement: " + classes.length + " classes for " + n + " points");
        double same = IntStream.range(0, n).parallel().mapToDouble(i -> {
            int s = 0;
            for (int j : points.nearest(i, k)) if (classes[j] == classes[i]) s++;
            return s;
        }).sum();
        return same / ((double) n * k);
    }
}
