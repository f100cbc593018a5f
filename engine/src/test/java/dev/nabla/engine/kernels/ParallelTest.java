package dev.nabla.engine.kernels;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelTest {
    @Test
    void runsEveryTaskOnceAndTheFirstOnTheCaller() {
        AtomicIntegerArray runs = new AtomicIntegerArray(5);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Thread[] first = new Thread[1];
        Parallel.forEach(5, i -> {
            runs.incrementAndGet(i);
            threads.add(Thread.currentThread());
            if (i == 0) first[0] = Thread.currentThread();
        });
        for (int i = 0; i < 5; i++) assertEquals(1, runs.get(i), "task " + i);
        assertSame(Thread.currentThread(), first[0]);
        assertTrue(threads.size() >= 2, "tasks ran on " + threads);
        assertTrue(threads.stream().filter(t -> t != Thread.currentThread()).allMatch(Thread::isDaemon));
    }

    @Test
    void nestedCallsRunInline() {
        AtomicIntegerArray runs = new AtomicIntegerArray(4);
        Parallel.forEach(2, i -> Parallel.forEach(2, j -> runs.incrementAndGet(2 * i + j)));
        for (int i = 0; i < 4; i++) assertEquals(1, runs.get(i));
    }

    @Test
    void rethrowsAFailingTask() {
        var e = assertThrows(IllegalStateException.class, () -> Parallel.forEach(3, i -> {
            if (i == 2) throw new IllegalStateException("task 2 failed");
        }));
        assertEquals("task 2 failed", e.getMessage());
    }

    @Test
    void threadCountMustBePositive() {
        assertEquals(3, Parallel.parseThreads(" 3 ", "x"));
        var e = assertThrows(IllegalArgumentException.class, () -> Parallel.parseThreads("0", "system property nabla.threads"));
        assertEquals("system property nabla.threads must be a positive integer, got '0'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Parallel.parseThreads("two", "NABLA_THREADS"));
        assertTrue(Parallel.threads() >= 1);
    }
}
