package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitializerTest {
    private static double[] meanStdMaxAbs(Tensor t) {
        float[] v = t.toArray();
        double m = 0, s = 0, max = 0;
        for (float x : v) m += x / (double) v.length;
        for (float x : v) {
            s += (x - m) * (x - m) / v.length;
            max = Math.max(max, Math.abs(x));
        }
        return new double[] {m, Math.sqrt(s), max};
    }

    @Test
    void glorotUniformLimit() {
        Tensor w = Initializer.GLOROT_UNIFORM.create(new SplittableRandom(1), 784, 100, 784, 100);
        double limit = Math.sqrt(6.0 / (784 + 100)); // 0.082385
        double[] s = meanStdMaxAbs(w);
        assertTrue(s[2] <= limit && s[2] > 0.99 * limit, "max " + s[2]);
        assertEquals(0, s[0], 0.001);
        assertEquals(limit / Math.sqrt(3), s[1], 0.001); // uniform on [−a, a] has std a/√3
    }

    @Test
    void denseKernelIsGlorotAndSeeded() {
        Dense a, b;
        try (var scope = LayerScope.open(3)) {
            a = new Dense(100);
            a.build(784);
        }
        try (var scope = LayerScope.open(3)) {
            b = new Dense(100);
            b.build(784);
        }
        assertEquals(a.kernel().get(5, 7), b.kernel().get(5, 7));
        assertTrue(meanStdMaxAbs(a.kernel())[2] <= Math.sqrt(6.0 / 884));
    }

    @Test
    void denseTakesOtherInitializersBeforeItIsBuilt() {
        Dense d = new Dense(50).kernelInitializer(Initializer.HE_UNIFORM).biasInitializer((rng, in, out, shape) -> Tensor.full(0.5f, shape));
        d.build(300);
        assertTrue(meanStdMaxAbs(d.kernel())[2] <= Math.sqrt(6.0 / 300));
        assertTrue(meanStdMaxAbs(d.kernel())[2] > Math.sqrt(6.0 / 350), "beyond glorot-uniform's limit");
        assertEquals(0.5f, d.bias().get(7));
        var e = assertThrows(IllegalStateException.class, () -> d.kernelInitializer(Initializer.GLOROT_UNIFORM));
        assertEquals(d.name() + ": kernelInitializer must be set before the layer is built", e.getMessage());
    }

    @Test
    void heUniformAndNormal() {
        double[] u = meanStdMaxAbs(Initializer.HE_UNIFORM.create(new SplittableRandom(2), 300, 50, 300, 50));
        assertTrue(u[2] <= Math.sqrt(6.0 / 300));
        assertEquals(Math.sqrt(2.0 / 300), u[1], 0.002); // limit/√3 = √(2/fan_in)
        double[] n = meanStdMaxAbs(Initializer.HE_NORMAL.create(new SplittableRandom(2), 300, 50, 300, 50));
        assertEquals(Math.sqrt(2.0 / 300), n[1], 0.003);
        assertTrue(n[2] <= 2 * Math.sqrt(2.0 / 300) / 0.87962566103423978 + 1e-6, "truncated at two standard deviations");
    }

    @Test
    void orthogonalHasOrthonormalColumns() {
        for (int[] shape : new int[][] {{40, 10}, {10, 40}}) {
            Tensor q = Initializer.ORTHOGONAL.create(new SplittableRandom(4), shape[0], shape[1], shape);
            boolean tall = shape[0] >= shape[1];
            Tensor gram = tall ? q.transpose().matmul(q) : q.matmul(q.transpose());
            int k = Math.min(shape[0], shape[1]);
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) assertEquals(i == j ? 1 : 0, gram.get(i, j), 1e-5);
        }
    }
}
