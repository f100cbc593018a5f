package dev.nabla.engine.kernels;

/** Kernels on the rows of a row-major (rows × n) matrix, e.g. adding a bias and its gradient. */
public final class Rows {
    private Rows() {}

    /** m[r, j] += v[j] for every row r. */
    public static void addToEach(float[] v, int vOff, float[] m, int mOff, int rows, int n) {
        for (int r = 0; r < rows; r++) ElementWise.accumulate(v, vOff, m, mOff + r * n, n);
    }

    /** sums[j] = Σ_r m[r, j]. */
    public static float[] sum(float[] m, int mOff, int rows, int n) {
        float[] sums = new float[n];
        for (int r = 0; r < rows; r++) ElementWise.accumulate(m, mOff + r * n, sums, 0, n);
        return sums;
    }
}
