package dev.nabla.exercises.embed;

/**
 * Principal component analysis by the eigen-decomposition of the covariance matrix (cyclic Jacobi
 * rotations: exact for the small dimensions of autoencoder codes).
 */
public final class Pca {
    private Pca() {}

    /** Projects the centred points onto their top {@code components} principal axes: n × components. */
    public static double[] project(Points x, int components) {
        int n = x.n(), d = x.d();
        if (components > d) throw new IllegalArgumentException("PCA: " + components + " components from " + d + "-dimensional points");
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) for (int a = 0; a < d; a++) mean[a] += x.get(i, a);
        for (int a = 0; a < d; a++) mean[a] /= n;
        double[][] cov = new double[d][d];
        double[] row = new double[d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) row[a] = x.get(i, a) - mean[a];
            for (int a = 0; a < d; a++) for (int b = a; b < d; b++) cov[a][b] += row[a] * row[b];
        }
        for (int a = 0; a < d; a++) for (int b = a; b < d; b++) cov[b][a] = cov[a][b] /= Math.max(1, n - 1);
        double[][] vectors = jacobi(cov);
        // Sort axes by decreasing eigenvalue (left on the diagonal of cov by jacobi).
        Integer[] order = new Integer[d];
        for (int a = 0; a < d; a++) order[a] = a;
        java.util.Arrays.sort(order, (p, q) -> Double.compare(cov[q][q], cov[p][p]));
        double[] out = new double[n * components];
        for (int c = 0; c < components; c++) {
            int axis = order[c];
            // Sign convention: the largest-magnitude loading is positive.
            int big = 0;
            for (int a = 1; a < d; a++) if (Math.abs(vectors[a][axis]) > Math.abs(vectors[big][axis])) big = a;
            double sign = Math.signum(vectors[big][axis]) < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int a = 0; a < d; a++) s += (x.get(i, a) - mean[a]) * vectors[a][axis];
                out[i * components + c] = sign * s;
            }
        }
        return out;
    }

    /**
     * Diagonalises the symmetric matrix {@code a} in place by Jacobi rotations; on return its
     * diagonal holds the eigenvalues and the columns of the returned matrix the eigenvectors.
     */
    static double[][] jacobi(double[][] a) {
        int d = a.length;
        double[][] v = new double[d][d];
        for (int i = 0; i < d; i++) v[i][i] = 1;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < d; p++) for (int q = p + 1; q < d; q++) off += a[p][q] * a[p][q];
            if (off < 1e-22) break;
            for (int p = 0; p < d; p++)
                for (int q = p + 1; q < d; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) continue;
                    // Rotation angle that zeroes a[p][q]: tan(2φ) = 2 a_pq / (a_qq − a_pp).
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < d; k++) {
                        double akp = a[k][p], akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < d; k++) {
                        double apk = a[p][k], aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < d; k++) {
                        double vkp = v[k][p], vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
        }
        return v;
    }
}
