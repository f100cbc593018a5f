package dev.nabla.engine.ops;

import dev.nabla.engine.GradCheck;
import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class UpSampling2DTest {
    @Test
    void repeatsEveryPixelAsABlock() {
        // 2×2 image, two channels (c0 = 1..4, c1 = 10·c0), factors 2 × 3
        Tensor x = Tensor.of(new float[] {1, 10, 2, 20, 3, 30, 4, 40}, 1, 2, 2, 2);
        Tensor y = UpSampling2D.upSampling2d(x, 2, 3);
        assertArrayEquals(new int[] {1, 4, 6, 2}, y.shape());
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 6; j++) {
                float v = 1 + (i / 2) * 2 + j / 3;
                assertArrayEquals(new float[] {v, 10 * v}, new float[] {y.get(0, i, j, 0), y.get(0, i, j, 1)});
            }
    }

    @Test
    void gradients() {
        var rng = new SplittableRandom(4);
        GradCheck.float32().check("upSampling2d", in -> UpSampling2D.upSampling2d(in[0], 2, 2),
                Tensor.uniform(rng, -1f, 1f, 2, 3, 5, 17).requiresGrad(true));
        GradCheck.float32().check("upSampling2d 3×1", in -> UpSampling2D.upSampling2d(in[0], 3, 1),
                Tensor.uniform(rng, -1f, 1f, 1, 2, 3, 2).requiresGrad(true));
    }
}
