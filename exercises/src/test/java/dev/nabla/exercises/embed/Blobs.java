package dev.nabla.exercises.embed;

import java.util.SplittableRandom;

/** Well-separated Gaussian blobs for tests: {@code clusters} centres on the axes at distance 10. */
final class Blobs {
    final Points points;
    final int[] classes;

    Blobs(int clusters, int perCluster, int d, long seed) {
        var rng = new SplittableRandom(seed);
        int n = clusters * perCluster;
        float[] x = new float[n * d];
        classes = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % clusters;
            classes[i] = c;
            for (int a = 0; a < d; a++) x[i * d + a] = (float) (rng.nextGaussian() + (a == c % d ? 10 * (c < d ? 1 : -1) : 0));
        }
        points = new Points(x, n, d);
    }
}
