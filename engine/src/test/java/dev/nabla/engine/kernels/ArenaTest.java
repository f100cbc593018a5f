package dev.nabla.engine.kernels;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.ops.Affine;
import dev.nabla.engine.ops.Conv2D;
import dev.nabla.engine.ops.Conv2DTranspose;
import dev.nabla.engine.ops.MaxPool2D;
import dev.nabla.engine.ops.Padding;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArenaTest {
    @Test
    void theNextScopeGetsTheSameArraysBackZeroFilled() {
        Arena arena = new Arena();
        float[] first, second;
        try (var step = arena.open()) {
            first = Tensor.zeros(CpuBackend.INSTANCE, 3, 4).data();
            second = Tensor.zeros(CpuBackend.INSTANCE, 5).data();
            first[7] = 42f;
        }
        try (var step = arena.open()) {
            float[] again = Tensor.zeros(CpuBackend.INSTANCE, 3, 4).data();
            assertSame(first, again, "an array of the same length is lent again");
            assertEquals(0f, again[7], "and handed out zero-filled, as a new array");
            assertSame(second, Tensor.zeros(CpuBackend.INSTANCE, 5).data());
            assertNotSame(first, Tensor.zeros(CpuBackend.INSTANCE, 12).data(), "one array is lent once per scope");
        }
    }

    @Test
    void anUninitializedArrayComesBackAsTheLastStepLeftIt() {
        Arena arena = new Arena();
        float[] first;
        try (var step = arena.open()) {
            first = Tensor.empty(CpuBackend.INSTANCE, 3, 4).data();
            first[7] = 42f;
        }
        try (var step = arena.open()) {
            float[] again = Tensor.empty(CpuBackend.INSTANCE, 3, 4).data();
            assertSame(first, again);
            assertEquals(42f, again[7], "not zero-filled: its kernel overwrites it");
        }
        assertEquals(0f, Tensor.empty(CpuBackend.INSTANCE, 3, 4).data()[7], "without a scope, a new array");
    }

    /**
     * Every op that takes its output uninitialized (conv2d, conv2dTranspose, maxPool2d, affine,
     * the activations; forward and backward) writes all of it: a step whose arrays were left full
     * of NaN by the step before gives the same bits as a step on new arrays.
     */
    @Test
    void opsWriteEveryElementOfTheirUninitializedOutputs() {
        assertSameBitsOnArraysLeftFullOfNaN(ArenaTest::step);
    }

    /**
     * Max pooling whose windows tile the image (2×2, stride 2, over 8×6 pixels and 16 channels)
     * writes its input gradient without zeroing it first: every position still gets written.
     */
    @Test
    void tilingMaxPoolingWritesEveryElementOfItsGradient() {
        assertSameBitsOnArraysLeftFullOfNaN(() -> {
            Tensor x = Tensor.uniform(new SplittableRandom(12), -1, 1, 2, 8, 6, 16).requiresGrad(true);
            MaxPool2D.maxPool2d(x, 2, 2, 2, 2, Padding.VALID).sum().backward();
            return new float[][] {x.grad().toArray()};
        });
    }

    private static void assertSameBitsOnArraysLeftFullOfNaN(Supplier<float[][]> step) {
        float[][] fresh = step.get();
        Arena arena = new Arena();
        try (var s = arena.open()) {
            step.get();
        }
        arena.fillFree(Float.NaN);
        float[][] reused;
        try (var s = arena.open()) {
            reused = step.get();
        }
        for (int i = 0; i < fresh.length; i++) assertArrayEquals(fresh[i], reused[i], "result " + i);
    }

    /** A small convolutional step: its loss and the gradients of its input and parameters. */
    private static float[][] step() {
        SplittableRandom rng = new SplittableRandom(11);
        Tensor x = Tensor.uniform(rng, -1, 1, 2, 7, 7, 3).requiresGrad(true);
        Tensor k1 = Tensor.uniform(rng, -1, 1, 3, 3, 3, 5).requiresGrad(true), b1 = Tensor.uniform(rng, -1, 1, 5).requiresGrad(true);
        Tensor k2 = Tensor.uniform(rng, -1, 1, 3, 3, 2, 5).requiresGrad(true), b2 = Tensor.uniform(rng, -1, 1, 2).requiresGrad(true);
        Tensor w = Tensor.uniform(rng, -1, 1, 7 * 7 * 2, 4).requiresGrad(true), b3 = Tensor.uniform(rng, -1, 1, 4).requiresGrad(true);
        Tensor h = Conv2D.conv2d(x, k1, b1, 1, 1, Padding.SAME).gelu();
        h = MaxPool2D.maxPool2d(h, 2, 2, 2, 2, Padding.SAME);
        h = Conv2DTranspose.conv2dTranspose(h, k2, b2, 2, 2, Padding.SAME, 7, 7).sigmoid();
        Tensor loss = Affine.affine(h.reshape(2, 7 * 7 * 2), w, b3, false).gelu().sum();
        loss.backward();
        return new float[][] {loss.toArray(), x.grad().toArray(), k1.grad().toArray(), b1.grad().toArray(),
                k2.grad().toArray(), b2.grad().toArray(), w.grad().toArray(), b3.grad().toArray()};
    }

    @Test
    void withoutAnOpenScopeAndUnderSuspendArraysAreNew() {
        Arena arena = new Arena();
        float[] lent;
        try (var step = arena.open()) {
            lent = Tensor.zeros(CpuBackend.INSTANCE, 8).data();
        }
        assertNotSame(lent, Tensor.zeros(CpuBackend.INSTANCE, 8).data(), "no scope is open");
        try (var step = arena.open()) {
            try (var outside = Arena.suspend()) {
                assertNotSame(lent, Tensor.zeros(CpuBackend.INSTANCE, 8).data(), "suspended: a buffer that outlives the step");
            }
            assertSame(lent, Tensor.zeros(CpuBackend.INSTANCE, 8).data(), "the arena lends again once the suspension ends");
        }
    }

    @Test
    void anArenaOpensOnceAtATime() {
        Arena arena = new Arena();
        try (var step = arena.open()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, arena::open);
            assertEquals("this arena is already open", e.getMessage());
        }
    }

    @Test
    void aLeafGradientOutlivesTheStepThatMadeIt() {
        Tensor w = Tensor.uniform(new SplittableRandom(3), -1, 1, 4, 3).requiresGrad(true);
        Tensor x = Tensor.uniform(new SplittableRandom(4), -1, 1, 2, 4);
        Arena arena = new Arena();
        float[] expected;
        try (var step = arena.open()) {
            x.matmul(w).sum().backward();
            expected = w.grad().toArray();
        }
        try (var step = arena.open()) {
            Tensor.zeros(CpuBackend.INSTANCE, 2, 3).add(1f);         // the next step reuses the arena's arrays
            Tensor.zeros(CpuBackend.INSTANCE, 4, 3).add(1f);
        }
        assertArrayEquals(expected, w.grad().toArray(), "dL/dW = xᵀ·1 is still there");
        // A second backward without zeroGrad adds into the same buffer.
        x.matmul(w).sum().backward();
        float[] twice = w.grad().toArray();
        for (int i = 0; i < twice.length; i++) assertEquals(2 * expected[i], twice[i]);
    }
}
