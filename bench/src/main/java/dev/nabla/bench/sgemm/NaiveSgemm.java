package dev.nabla.bench.sgemm;

/** The textbook triple loop, one dot product per element of C: the baseline that blocking beats. */
final class NaiveSgemm {
    private NaiveSgemm() {}

    static void multiply(Product p) {
        float[] a = p.a(), b = p.b(), c = p.c();
        int lda = p.lda(), ldb = p.ldb();
        for (int i = 0; i < p.m(); i++) {
            for (int j = 0; j < p.n(); j++) {
                float s = 0;
                for (int q = 0; q < p.k(); q++) {
                    float x = p.transA() ? a[q * lda + i] : a[i * lda + q];
                    float y = p.transB() ? b[j * ldb + q] : b[q * ldb + j];
                    s += x * y;
                }
                c[i * p.n() + j] = s;
            }
        }
    }
}
