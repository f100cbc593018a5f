package dev.nabla.exercises.embed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TSneTest {

    @Test
    void separatesGaussianBlobs() {
        var blobs = new Blobs(4, 60, 10, 7);
        Points y = new TSne(null).embed(blobs.points);
        assertEquals(240, y.n());
        assertEquals(2, y.d());
        double trust = EmbeddingQuality.trustworthiness(blobs.points, y, 5);
        double agreement = EmbeddingQuality.knnAgreement(y, blobs.classes, 5);
        assertTrue(trust > 0.9, "trustworthiness " + trust);
        assertTrue(agreement > 0.98, "kNN class agreement " + agreement);
        // Clusters of the map recover the blobs.
        var clustering = new KMeans(4, 1).fit(y);
        assertTrue(KMeans.purity(clustering.labels(), blobs.classes) > 0.98);
    }

    @Test
    void rowEntropyMatchesPerplexity() {
        double[] d = {0.5, 1, 1.5, 2, 4, 8, 9, 12, 13, 20};
        double[] p = SparseAffinities.rowConditional(d, Math.log(3));
        double sum = 0, entropy = 0;
        for (double v : p) { sum += v; entropy -= v > 0 ? v * Math.log(v) : 0; }
        assertEquals(1, sum, 1e-12);
        assertEquals(Math.log(3), entropy, 1e-4);
        for (int i = 1; i < p.length; i++) assertTrue(p[i] <= p[i - 1], "nearer neighbours weigh more");
    }

    @Test
    void affinitiesAreSymmetricAndSumToOne() {
        var blobs = new Blobs(2, 20, 3, 3);
        SparseAffinities p = SparseAffinities.of(blobs.points, 6, 2);
        double total = 0;
        for (int i = 0; i < 40; i++)
            for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
                total += p.value[e];
                int j = p.column[e];
                assertEquals(p.value[e], valueAt(p, j, i), 1e-15, "p_ij = p_ji");
            }
        assertEquals(1, total, 1e-12);
    }

    private static double valueAt(SparseAffinities p, int i, int j) {
        for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) if (p.column[e] == j) return p.value[e];
        return 0;
    }
}
