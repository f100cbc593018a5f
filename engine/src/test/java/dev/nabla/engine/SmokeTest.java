package dev.nabla.engine;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeTest {
    @Test
    void chainRule() {
        var rng = new SplittableRandom(1);
        Tensor a = Tensor.randn(rng, 3, 4).requiresGrad(true);
        Tensor b = Tensor.randn(rng, 4).requiresGrad(true);
        Tensor w = Tensor.randn(rng, 4, 5).requiresGrad(true);
        GradCheck.float32().check("mlp", in -> in[0].add(in[1]).gelu().matmul(in[2]).sigmoid().softmax(1).log().mean(false, 0), a, b, w);
        Tensor x = Tensor.of(new float[] {1, 2, 3}, 3).requiresGrad(true);
        x.mul(x).sum().backward();
        assertEquals(6f, x.grad().get(2), 1e-6);
    }
}
