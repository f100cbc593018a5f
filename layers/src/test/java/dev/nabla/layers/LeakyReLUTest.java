package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LeakyReLUTest {
    @Test
    void keepsPositivesAndScalesNegativesByKerasDefaultSlope() {
        Tensor x = Tensor.of(new float[] {-2, -0.5f, 0, 1.5f}, 1, 4).requiresGrad(true);
        Tensor y = new LeakyReLU().call(x, true);
        assertArrayEquals(new float[] {-0.6f, -0.15f, 0, 1.5f}, y.toArray(), 1e-7f);
        y.sum().backward();
        assertArrayEquals(new float[] {0.3f, 0.3f, 0.3f, 1f}, x.grad().toArray());
        assertEquals("leaky_re_lu", new LeakyReLU().name().replaceAll("_\\d+$", ""));
    }

    @Test
    void aNegativeSlopeIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LeakyReLU(-1f));
        assertEquals("LeakyReLU: negative_slope must be a finite number ≥ 0, got -1.0", e.getMessage());
    }
}
