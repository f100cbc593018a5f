package dev.nabla.engine;

import dev.nabla.engine.kernels.CpuBackend;
import dev.nabla.engine.ops.Conv2D;
import dev.nabla.engine.ops.MaxPool2D;
import dev.nabla.engine.ops.Padding;
import dev.nabla.engine.ops.SigmoidCrossEntropy;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Operations run on their tensors' backend, so another backend can take a whole training step over. */
class BackendDispatchTest {
    /** A backend of its own kind: the CPU's kernels on storage it owns (and refuses any other). */
    static final class OtherBackend extends CpuBackend {
        @Override
        public String toString() {
            return "other";
        }
    }

    /** conv → relu → max-pool → reshape → matmul → sigmoid cross-entropy, and the gradients of every input. */
    private static float[][] step(Tensor x, Tensor k, Tensor b, Tensor w, Tensor y) {
        Tensor h = MaxPool2D.maxPool2d(Conv2D.conv2d(x, k, b, 1, 1, Padding.SAME).relu(), 2, 2, 2, 2, Padding.VALID);
        Tensor logits = h.reshape(2, -1).matmul(w);
        Tensor loss = SigmoidCrossEntropy.meanFromLogits(logits, y).add(w.square().mean().add(0.5f)).sub(0.25f);
        loss.backward();
        return new float[][] {loss.toArray(), x.grad().toArray(), k.grad().toArray(), b.grad().toArray(), w.grad().toArray()};
    }

    private static Tensor[] inputs(SplittableRandom rng) {
        return new Tensor[] {Tensor.randn(rng, 2, 6, 6, 3), Tensor.randn(rng, 3, 3, 3, 4), Tensor.randn(rng, 4),
                Tensor.randn(rng, 36, 5), Tensor.uniform(rng, 0f, 1f, 2, 5)};
    }

    @Test
    void aTrainingStepRunsOnTheTensorsBackendWithTheSameBits() {
        Tensor[] cpu = inputs(new SplittableRandom(3));
        OtherBackend other = new OtherBackend();
        Tensor[] moved = new Tensor[cpu.length];
        for (int i = 0; i < cpu.length; i++) moved[i] = inputs(new SplittableRandom(3))[i].to(other);
        for (int i = 0; i < 4; i++) {
            cpu[i].requiresGrad(true);
            moved[i].requiresGrad(true);
        }
        float[][] expected = step(cpu[0], cpu[1], cpu[2], cpu[3], cpu[4]);
        float[][] actual = step(moved[0], moved[1], moved[2], moved[3], moved[4]);
        for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], actual[i], "output " + i);
        for (int i = 0; i < 4; i++) assertSame(other, moved[i].grad().backend(), "gradient " + i + " stays on its backend");
    }

    @Test
    void operandsOnTwoBackendsAreRefusedByName() {
        Tensor a = Tensor.ones(2, 3), b = Tensor.ones(2, 3).to(new OtherBackend());
        var e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
        assertEquals("add: operands live on cpu and other (shapes (2, 3), (2, 3)); move them to one backend with to()", e.getMessage());
    }
}
