package dev.nabla.engine.kernels;

import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

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
