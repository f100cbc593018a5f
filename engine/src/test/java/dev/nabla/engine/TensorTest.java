package dev.nabla.engine;

import dev.nabla.engine.autograd.GradMode;
import dev.nabla.engine.ops.ShapeOps;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorTest {
    private static Tensor range(int... shape) {
        float[] d = new float[Shape.size(shape)];
        for (int i = 0; i < d.length; i++) d[i] = i;
        return Tensor.of(d, shape);
    }

    @Test
    void viewsShareStorage() {
        Tensor x = range(2, 3);
        Tensor t = x.transpose();
        assertArrayEquals(new int[] {3, 2}, t.shape());
        assertFalse(t.isContiguous());
        assertSame(x.data(), t.data());
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, t.toArray());
        Tensor s = x.slice(1, 1, 3);
        assertArrayEquals(new float[] {1, 2, 4, 5}, s.toArray());
        Tensor r = x.reshape(3, 2);
        assertSame(x.data(), r.data());
        x.set(42f, 1, 2);
        assertEquals(42f, r.get(2, 1));
        assertArrayEquals(new int[] {6}, x.reshape(-1).shape());
    }

    @Test
    void contiguousCopiesOfPermutations() {
        Tensor x = range(2, 3, 4);
        // (1, 0, 2) keeps the last axis: whole rows of 4 move; (2, 0, 1) gathers with stride 12.
        for (int[] order : new int[][] {{1, 0, 2}, {2, 0, 1}}) {
            Tensor p = x.permute(order), c = p.contiguous();
            assertTrue(c.isContiguous());
            float[] expected = new float[24];
            int[] shape = p.shape();
            for (int i = 0, e = 0; i < shape[0]; i++) {
                for (int j = 0; j < shape[1]; j++) {
                    for (int k = 0; k < shape[2]; k++) expected[e++] = p.get(i, j, k);
                }
            }
            assertArrayEquals(expected, c.data(), "permute" + java.util.Arrays.toString(order));
        }
    }

    @Test
    void forwardValues() {
        Tensor x = Tensor.of(new float[] {-2, -0.5f, 0, 1, 3}, 5);
        // Reference values from the exact definitions (erf-GELU computed in double).
        assertArrayEquals(new float[] {-0.04550026f, -0.15426877f, 0f, 0.84134475f, 2.99595031f}, x.gelu().toArray(), 2e-6f);
        assertArrayEquals(new float[] {-1.5201665f, -0.6917582f, 0f, 1.0507010f, 3.1521030f}, x.selu().toArray(), 2e-6f);
        assertArrayEquals(new float[] {0.11920292f, 0.37754067f, 0.5f, 0.7310586f, 0.95257413f}, x.sigmoid().toArray(), 1e-6f);
        assertArrayEquals(new float[] {-0.9640276f, -0.46211716f, 0f, 0.7615942f, 0.9950548f}, x.tanh().toArray(), 1e-6f);
        assertArrayEquals(new float[] {0, 0, 0, 1, 3}, x.relu().toArray());
        Tensor row = Tensor.of(new float[] {1, 2, 3}, 1, 3);
        assertArrayEquals(new float[] {0.09003057f, 0.24472847f, 0.66524096f}, row.softmax(-1).toArray(), 1e-6f);
        assertArrayEquals(new float[] {-2.4076059f, -1.4076059f, -0.4076059f}, row.logSoftmax(-1).toArray(), 1e-6f);
        // softmax is shift-invariant and stable for large logits
        assertArrayEquals(new float[] {0.09003057f, 0.24472847f, 0.66524096f}, row.add(1000f).softmax(-1).toArray(), 1e-6f);
    }

    @Test
    void matmulValues() {
        Tensor a = range(2, 3), b = range(3, 2);
        assertArrayEquals(new float[] {10, 13, 28, 40}, a.matmul(b).toArray());
        assertArrayEquals(new float[] {10, 28, 13, 40}, b.matmul(a, true, true).toArray());
    }

    @Test
    void reductionsValues() {
        Tensor x = range(2, 3);
        assertEquals(15f, x.sum().item());
        assertArrayEquals(new float[] {3, 5, 7}, x.sum(false, 0).toArray());
        assertArrayEquals(new int[] {2, 1}, x.mean(true, 1).shape());
        assertArrayEquals(new float[] {1, 4}, x.mean(false, 1).toArray());
        assertArrayEquals(new float[] {2, 5}, x.max(false, 1).toArray());
    }

    @Test
    void concatAndStack() {
        Tensor a = range(2, 2), b = range(2, 1);
        assertArrayEquals(new float[] {0, 1, 0, 2, 3, 1}, ShapeOps.concat(1, a, b).toArray());
        assertArrayEquals(new int[] {2, 2, 2}, ShapeOps.stack(0, a, a).shape());
    }

    @Test
    void gradientsAccumulateOverUsesAndCalls() {
        Tensor x = Tensor.of(new float[] {1, 2, 3}, 3).requiresGrad(true);
        x.mul(x).sum().backward();
        assertArrayEquals(new float[] {2, 4, 6}, x.grad().toArray());
        x.sum().backward();
        assertArrayEquals(new float[] {3, 5, 7}, x.grad().toArray());
        x.zeroGrad();
        assertNull(x.grad());
    }

    @Test
    void noGradRecordsNothing() {
        Tensor x = Tensor.ones(2).requiresGrad(true);
        try (var s = GradMode.noGrad()) {
            Tensor y = x.mul(3f);
            assertFalse(y.requiresGrad());
            assertTrue(y.isLeaf());
        }
        assertTrue(x.mul(3f).requiresGrad());
    }

    @Test
    void badShapesAreNamed() {
        var e1 = assertThrows(IllegalArgumentException.class, () -> range(2, 3).matmul(range(4, 5)));
        assertTrue(e1.getMessage().contains("matmul") && e1.getMessage().contains("(2, 3)") && e1.getMessage().contains("(4, 5)"), e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> range(2, 3).add(range(4)));
        assertTrue(e2.getMessage().contains("add") && e2.getMessage().contains("(2, 3)") && e2.getMessage().contains("(4)"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> range(2, 3).reshape(4, 2));
        assertTrue(e3.getMessage().contains("reshape") && e3.getMessage().contains("(2, 3)") && e3.getMessage().contains("(4, 2)"), e3.getMessage());
        var e4 = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[5], 2, 3));
        assertTrue(e4.getMessage().contains("(2, 3)"), e4.getMessage());
    }

    @Test
    void nanAfterBackwardIsFoundByName() {
        Tensor w = Tensor.of(new float[] {1, 0, 2}, 3).requiresGrad(true).name("w");
        w.sqrt().sum().backward(); // d√w/dw = 1/(2√w) is infinite at w = 0
        var e = assertThrows(NonFiniteException.class, () -> w.grad().checkFinite("gradient of w"));
        assertTrue(e.getMessage().contains("gradient of w") && e.getMessage().contains("Infinity") && e.getMessage().contains("index 1"), e.getMessage());
        Tensor nan = Tensor.of(new float[] {-1}, 1).log();
        var e2 = assertThrows(NonFiniteException.class, () -> nan.checkFinite("log output"));
        assertTrue(e2.getMessage().contains("NaN"), e2.getMessage());
    }

    @Test
    void backwardNeedsScalarOrGradient() {
        Tensor x = Tensor.ones(2).requiresGrad(true);
        assertThrows(IllegalArgumentException.class, () -> x.mul(2f).backward());
        Tensor y = x.mul(2f);
        y.backward(Tensor.of(new float[] {1, 10}, 2));
        assertArrayEquals(new float[] {2, 20}, x.grad().toArray());
    }
}
