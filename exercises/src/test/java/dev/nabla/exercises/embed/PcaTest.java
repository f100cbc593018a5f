package dev.nabla.exercises.embed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PcaTest {

    @Test
    void findsTheLongAxis() {
        // Points along the direction (3, 4)/5 with small spread across it: the first component
        // is the position along that line, centred.
        float[] x = new float[10];
        for (int i = 0; i < 5; i++) {
            float t = i - 2, s = (i % 2 == 0 ? 0.1f : -0.1f);
            x[2 * i] = 0.6f * t - 0.8f * s + 1;
            x[2 * i + 1] = 0.8f * t + 0.6f * s - 3;
        }
        double[] y = Pca.project(new Points(x, 5, 2), 2);
        double sign = Math.signum(y[2 * 4]);  // PCA fixes an axis only up to its sign
        for (int i = 0; i < 5; i++) assertEquals(i - 2, sign * y[2 * i], 1e-5);
    }

    @Test
    void jacobiDiagonalises() {
        double[][] a = {{4, 1, 2}, {1, 3, 0}, {2, 0, 5}};
        double[][] v = Pca.jacobi(a);
        double trace = a[0][0] + a[1][1] + a[2][2];
        assertEquals(12, trace, 1e-9);
        assertEquals(0, a[0][1], 1e-9);
        // Columns of v are orthonormal.
        for (int p = 0; p < 3; p++)
            for (int q = 0; q < 3; q++) {
                double dot = 0;
                for (int k = 0; k < 3; k++) dot += v[k][p] * v[k][q];
                assertEquals(p == q ? 1 : 0, dot, 1e-9);
            }
    }
}
