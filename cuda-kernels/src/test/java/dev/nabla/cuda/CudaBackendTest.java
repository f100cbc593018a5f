package dev.nabla.cuda;

import dev.nabla.engine.kernels.HostStorage;
import dev.nabla.engine.kernels.Sgemm;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CudaBackendTest {
    @Test
    void sgemmMatchesTheCpuKernelForAllTransposes() {
        assumeTrue(CudaBackend.isAvailable(), () -> "skipped: " + CudaBackend.unavailableReason());
        int m = 37, n = 53, k = 71, pad = 3;
        SplittableRandom rng = new SplittableRandom(1);
        try (CudaBackend gpu = CudaBackend.create()) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    int lda = (ta ? m : k) + pad, ldb = (tb ? k : n) + pad, ldc = n + pad;
                    float[] a = random(rng, (ta ? k : m) * lda), b = random(rng, (tb ? n : k) * ldb);
                    float[] expected = random(rng, m * ldc), actual = expected.clone();
                    Sgemm.sgemm(1, ta, tb, m, n, k, 0.5f, a, 0, lda, b, 0, ldb, 2f, expected, 0, ldc);
                    gpu.sgemm(ta, tb, m, n, k, 0.5f, new HostStorage(a, gpu), 0, lda, new HostStorage(b, gpu), 0, ldb, 2f, new HostStorage(actual, gpu), 0, ldc);
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(expected[i], actual[i], 1e-4f * k, "transA=" + ta + " transB=" + tb + " at " + i);
                    }
                }
            }
        }
    }

    @Test
    void withoutADeviceCreateSaysWhy() {
        assumeFalse(CudaBackend.isAvailable(), "a CUDA device is present");
        var e = assertThrows(IllegalStateException.class, CudaBackend::create);
        assertTrue(e.getMessage().startsWith("CUDA backend unavailable: "), e.getMessage());
    }

    private static float[] random(SplittableRandom rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) (rng.nextDouble() * 2 - 1);
        return x;
    }
}
