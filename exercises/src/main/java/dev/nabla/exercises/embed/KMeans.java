package dev.nabla.exercises.embed;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * K-means clustering (Lloyd's algorithm) with k-means++ seeding: the first centre is a uniformly
 * drawn point, each further one a point drawn with probability proportional to its squared distance
 * to the nearest centre chosen so far. Iterates assignment and mean steps until no assignment
 * changes or {@code maxIterations} is reached.
 */
public final class KMeans {

    /** The clustering: cluster of each point, the k centres (k × d, row-major) and the inertia. */
    public record Clustering(int[] labels, double[] centres, double inertia, int iterations) {}

    private final int k, maxIterations;
    private final long seed;

    public KMeans(int k, long seed) {
        this(k, 300, seed);
    }

    public KMeans(int k, int maxIterations, long seed) {
        if (k < 1) throw new IllegalArgumentException("K-means needs k >= 1, got " + k);
        this.k = k;
        this.maxIterations = maxIterations;
        this.seed = seed;
    }

    public Clustering fit(Points x) {
        if (x.n() < k) throw new IllegalArgumentException("K-means with k=" + k + " needs at least k points, got " + x.n());
        int n = x.n(), d = x.d();
        double[] centres = seedPlusPlus(x, new SplittableRandom(seed));
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        int it = 0;
        boolean changed = true;
        while (changed && it < maxIterations) {
            it++;
            changed = assign(x, centres, labels);
            double[] sums = new double[k * d];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                counts[labels[i]]++;
                for (int a = 0; a < d; a++) sums[labels[i] * d + a] += x.get(i, a);
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    // An empty cluster takes the point farthest from its centre.
                    int far = farthest(x, centres, labels);
                    for (int a = 0; a < d; a++) centres[c * d + a] = x.get(far, a);
                    labels[far] = c;
                    changed = true;
                } else {
                    for (int a = 0; a < d; a++) centres[c * d + a] = sums[c * d + a] / counts[c];
                }
            }
        }
        assign(x, centres, labels);
        double inertia = 0;
        for (int i = 0; i < n; i++) inertia += x.distance2(i, centres, labels[i] * d);
        return new Clustering(labels, centres, inertia, it);
    }

    private double[] seedPlusPlus(Points x, SplittableRandom rng) {
        int n = x.n(), d = x.d();
        double[] centres = new double[k * d];
        int first = rng.nextInt(n);
        for (int a = 0; a < d; a++) centres[a] = x.get(first, a);
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) nearest[i] = x.distance2(i, centres, 0);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double v : nearest) total += v;
            double r = rng.nextDouble() * total;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                r -= nearest[i];
                if (r < 0) { pick = i; break; }
            }
            for (int a = 0; a < d; a++) centres[c * d + a] = x.get(pick, a);
            for (int i = 0; i < n; i++) nearest[i] = Math.min(nearest[i], x.distance2(i, centres, c * d));
        }
        return centres;
    }

    /** Assigns each point to its nearest centre; returns whether any assignment changed. */
    private boolean assign(Points x, double[] centres, int[] labels) {
        boolean changed = false;
        for (int i = 0; i < x.n(); i++) {
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double dc = x.distance2(i, centres, c * x.d());
                if (dc < bestD) { bestD = dc; best = c; }
            }
            if (labels[i] != best) { labels[i] = best; changed = true; }
        }
        return changed;
    }

    private static int farthest(Points x, double[] centres, int[] labels) {
        int far = 0;
        double farD = -1;
        for (int i = 0; i < x.n(); i++) {
            double di = x.distance2(i, centres, labels[i] * x.d());
            if (di > farD) { farD = di; far = i; }
        }
        return far;
    }

    /**
     * Cluster purity: each cluster votes for its most frequent class;
     * purity = (Σ_clusters count of that class) / n. 1 means every cluster holds one class.
     */
    public static double purity(int[] clusters, int[] classes) {
        if (clusters.length != classes.length) {
            throw new IllegalArgumentException("purity: " + clusters.length + " cluster labels but " + classes.length + " classes");
        }
        int kc = Arrays.stream(clusters).max().orElse(-1) + 1, kl = Arrays.stream(classes).max().orElse(-1) + 1;
        int[][] table = new int[kc][kl];
        for (int i = 0; i < clusters.length; i++) table[clusters[i]][classes[i]]++;
        long majority = 0;
        for (int[] row : table) majority += Arrays.stream(row).max().orElse(0);
        return (double) majority / clusters.length;
    }
}
