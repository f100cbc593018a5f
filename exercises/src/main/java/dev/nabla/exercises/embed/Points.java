package dev.nabla.exercises.embed;

/**
 * {@code n} points of dimension {@code d}, stored row-major in one array: the layout shared by
 * t-SNE, K-means and the embedding-quality measures.
 */
public record Points(float[] data, int n, int d) {

    public Points {
        if (n < 1 || d < 1) throw new IllegalArgumentException("points need n >= 1 and d >= 1, got n=" + n + ", d=" + d);
        if (data.length != (long) n * d) {
            throw new IllegalArgumentException(n + " points of dimension " + d + " need " + (long) n * d + " values, got " + data.length);
        }
    }

    public float get(int i, int k) {
        return data[i * d + k];
    }

    /** Squared Euclidean distance between points i and j. */
    public double distance2(int i, int j) {
        double s = 0;
        for (int a = i * d, b = j * d, e = a + d; a < e; a++, b++) {
            double t = data[a] - data[b];
            s += t * t;
        }
        return s;
    }

    /** Squared Euclidean distance between point i and {@code centre} (length d, at {@code off}). */
    public double distance2(int i, double[] centre, int off) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            double t = data[i * d + k] - centre[off + k];
            s += t * t;
        }
        return s;
    }

    /**
     * Indices of the {@code k} nearest other points of point i, nearest first (ties by index).
     * Exhaustive search with a bounded max-heap: O(n log k).
     */
    public int[] nearest(int i, int k) {
        if (k >= n) throw new IllegalArgumentException("asked for " + k + " neighbours among " + n + " points");
        int[] heap = new int[k];
        double[] key = new double[k];
        int size = 0;
        for (int j = 0; j < n; j++) {
            if (j == i) continue;
            double dj = distance2(i, j);
            if (size < k) {
                heap[size] = j;
                key[size] = dj;
                siftUp(heap, key, size++);
            } else if (dj < key[0]) {
                heap[0] = j;
                key[0] = dj;
                siftDown(heap, key, k);
            }
        }
        // Pop the max-heap from the back to get ascending order.
        int[] out = new int[k];
        for (int m = k - 1; m >= 0; m--) {
            out[m] = heap[0];
            heap[0] = heap[m];
            key[0] = key[m];
            siftDown(heap, key, m);
        }
        return out;
    }

    private static boolean above(double[] key, int[] idx, int a, int b) {
        return key[a] > key[b] || (key[a] == key[b] && idx[a] > idx[b]);
    }

    private static void siftUp(int[] idx, double[] key, int c) {
        while (c > 0) {
            int p = (c - 1) / 2;
            if (!above(key, idx, c, p)) return;
            swap(idx, key, c, p);
            c = p;
        }
    }

    private static void siftDown(int[] idx, double[] key, int size) {
        int p = 0;
        while (true) {
            int l = 2 * p + 1, r = l + 1, m = p;
            if (l < size && above(key, idx, l, m)) m = l;
            if (r < size && above(key, idx, r, m)) m = r;
            if (m == p) return;
            swap(idx, key, p, m);
            p = m;
        }
    }

    private static void swap(int[] idx, double[] key, int a, int b) {
        int t = idx[a]; idx[a] = idx[b]; idx[b] = t;
        double u = key[a]; key[a] = key[b]; key[b] = u;
    }
}
