package dev.nabla.engine.kernels;

/**
 * The micro-kernel where the Vector API is of no use (a preferred vector of fewer than 4 floats,
 * e.g. {@code -XX:MaxVectorSize=8}, or a JVM that does not compile it): a 4 × 4 tile of plain
 * floats, 16 accumulators + 4 values of B + 1 of A. Each value of A and B loaded is used four
 * times, which is what makes blocking pay even without vectors. Alone, with its micro-panels in
 * L1 ({@code MicroKernelBench} with {@code -XX:MaxVectorSize=8}, and with {@code -XX:UseAVX=2}
 * added), it ran at 12 GFLOP/s where the JIT has 32 floating-point registers and 8.7 where it
 * has 16 (AMD Zen 4), 85 % and 60 %
 * of one FMA unit pair's scalar peak. The products are fused, as in the vector kernels, so every
 * kernel adds up the same terms with the same roundings.
 */
final class ScalarKernel4x4 extends MicroKernel {
    static final int MR = 4, NR = 4;

    ScalarKernel4x4() {
        super(MR, NR);
    }

    @Override
    int registers() {
        return MR * NR + NR + 1;
    }

    @Override
    void multiply(int kc, float[] a, int ai, float[] b, int bi, int bRowStride, int columns, float[] tile) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        float c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        float c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0; p < kc; p++, ai += MR, bi += bRowStride) {
            float b0 = b[bi], b1 = b[bi + 1], b2 = b[bi + 2], b3 = b[bi + 3];
            float x = a[ai];
            c00 = Math.fma(x, b0, c00); c01 = Math.fma(x, b1, c01); c02 = Math.fma(x, b2, c02); c03 = Math.fma(x, b3, c03);
            x = a[ai + 1];
            c10 = Math.fma(x, b0, c10); c11 = Math.fma(x, b1, c11); c12 = Math.fma(x, b2, c12); c13 = Math.fma(x, b3, c13);
            x = a[ai + 2];
            c20 = Math.fma(x, b0, c20); c21 = Math.fma(x, b1, c21); c22 = Math.fma(x, b2, c22); c23 = Math.fma(x, b3, c23);
            x = a[ai + 3];
            c30 = Math.fma(x, b0, c30); c31 = Math.fma(x, b1, c31); c32 = Math.fma(x, b2, c32); c33 = Math.fma(x, b3, c33);
        }
        tile[0] = c00;  tile[1] = c01;  tile[2] = c02;  tile[3] = c03;
        tile[4] = c10;  tile[5] = c11;  tile[6] = c12;  tile[7] = c13;
        tile[8] = c20;  tile[9] = c21;  tile[10] = c22; tile[11] = c23;
        tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33;
    }

    @Override
    void multiplyInPlace(int kc, float[] a, int ai, int lda, float[] b, int bi, int bRowStride, float[] tile) {
        int a1 = ai + lda, a2 = a1 + lda, a3 = a2 + lda;
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        float c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        float c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0; p < kc; p++, bi += bRowStride) {
            float b0 = b[bi], b1 = b[bi + 1], b2 = b[bi + 2], b3 = b[bi + 3];
            float x = a[ai + p];
            c00 = Math.fma(x, b0, c00); c01 = Math.fma(x, b1, c01); c02 = Math.fma(x, b2, c02); c03 = Math.fma(x, b3, c03);
            x = a[a1 + p];
            c10 = Math.fma(x, b0, c10); c11 = Math.fma(x, b1, c11); c12 = Math.fma(x, b2, c12); c13 = Math.fma(x, b3, c13);
            x = a[a2 + p];
            c20 = Math.fma(x, b0, c20); c21 = Math.fma(x, b1, c21); c22 = Math.fma(x, b2, c22); c23 = Math.fma(x, b3, c23);
            x = a[a3 + p];
            c30 = Math.fma(x, b0, c30); c31 = Math.fma(x, b1, c31); c32 = Math.fma(x, b2, c32); c33 = Math.fma(x, b3, c33);
        }
        tile[0] = c00;  tile[1] = c01;  tile[2] = c02;  tile[3] = c03;
        tile[4] = c10;  tile[5] = c11;  tile[6] = c12;  tile[7] = c13;
        tile[8] = c20;  tile[9] = c21;  tile[10] = c22; tile[11] = c23;
        tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33;
    }
}
