package dev.nabla.exercises.embed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EmbeddingQualityTest {

    @Test
    void identityEmbeddingIsFullyTrustworthy() {
        var blobs = new Blobs(3, 10, 2, 1);
        assertEquals(1.0, EmbeddingQuality.trustworthiness(blobs.points, blobs.points, 3), 1e-12);
    }

    /**
     * Points at 0, 1, 3, 6, 10, 15 on a line; the embedding swaps the first and the last. By hand,
     * k = 1, r = original rank of the embedded nearest neighbour:
     * point 0 (now at 15) → point 4, r = 4, penalty 3; point 1 → point 5 (now at 0), r = 5,
     * penalty 4; point 5 (now at 0) → point 1, r = 4, penalty 3; the others keep their nearest.
     * T = 1 − 10 · 2 / (6 · 1 · (12 − 3 − 1)) = 1 − 20/48 (the same as sklearn's formula gives).
     */
    @Test
    void trustworthinessByHand() {
        var line = new Points(new float[] {0, 1, 3, 6, 10, 15}, 6, 1);
        var swapped = new Points(new float[] {15, 1, 3, 6, 10, 0}, 6, 1);
        assertEquals(1 - 20.0 / 48, EmbeddingQuality.trustworthiness(line, swapped, 1), 1e-12);
    }

    @Test
    void knnAgreementByHand() {
        // Points 0, 1, 10, 11 with classes a, a, b, a: nearest of 0 is 1 (same), of 1 is 0 (same),
        // of 10 is 11 (different), of 11 is 10 (different) → 2 / 4.
        var p = new Points(new float[] {0, 1, 10, 11}, 4, 1);
        assertEquals(0.5, EmbeddingQuality.knnAgreement(p, new int[] {0, 0, 1, 0}, 1), 1e-12);
    }

    @Test
    void nearestOrdersByDistanceThenIndex() {
        var p = new Points(new float[] {0, 2, -2, 1, 5}, 5, 1);
        assertArrayEquals(new int[] {3, 1, 2}, p.nearest(0, 3));
    }
}
