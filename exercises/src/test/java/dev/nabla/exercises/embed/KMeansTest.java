package dev.nabla.exercises.embed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KMeansTest {

    @Test
    void recoversBlobs() {
        var blobs = new Blobs(5, 40, 5, 11);
        var c = new KMeans(5, 3).fit(blobs.points);
        assertEquals(1.0, KMeans.purity(c.labels(), blobs.classes), 1e-12);
        // Each centre sits near a blob centre: inertia ≈ n · d · σ² = 200 · 5 · 1.
        assertTrue(c.inertia() > 700 && c.inertia() < 1300, "inertia " + c.inertia());
    }

    @Test
    void sameSeedSameClustering() {
        var blobs = new Blobs(3, 30, 4, 2);
        assertEquals(new KMeans(3, 9).fit(blobs.points).inertia(), new KMeans(3, 9).fit(blobs.points).inertia());
    }

    @Test
    void twoPointClustersByHand() {
        // Clusters {0, 1} and {10, 11}: centres 0.5 and 10.5, inertia 4 · 0.25.
        var c = new KMeans(2, 5).fit(new Points(new float[] {0, 1, 10, 11}, 4, 1));
        assertEquals(c.labels()[0], c.labels()[1]);
        assertEquals(c.labels()[2], c.labels()[3]);
        assertEquals(1.0, c.inertia(), 1e-12);
    }

    @Test
    void purityByHand() {
        // cluster 0: classes a a b → 2; cluster 1: b b → 2; cluster 2: a c c → 2 ⇒ 6 / 8.
        int[] clusters = {0, 0, 0, 1, 1, 2, 2, 2};
        int[] classes = {0, 0, 1, 1, 1, 0, 2, 2};
        assertEquals(6.0 / 8, KMeans.purity(clusters, classes), 1e-12);
    }

    @Test
    void rejectsMismatchedLengths() {
        var e = assertThrows(IllegalArgumentException.class, () -> KMeans.purity(new int[3], new int[4]));
        assertTrue(e.getMessage().contains("3 cluster labels but 4 classes"));
    }
}
