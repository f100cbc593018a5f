package dev.nabla.engine.kernels;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelTest {
    @Test
    void runsEveryTaskExactlyOnce() {
        AtomicIntegerArray runs = new AtomicIntegerArray(57);
        Parallel.forEach(57, 2, runs::incrementAndGet);
        for (int i = 0; i < 57; i++) assertEquals(1, runs.get(i), "task " + i);
    }

    @Test
    void rangesCoverEveryElementOnceAndStartOnTheAlignment() {
        for (int threads = 1; threads <= 3; threads++) {
            AtomicIntegerArray hits = new AtomicIntegerArray(1003);
            java.util.List<Integer> starts = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Parallel.forRanges(1003, 8, 100, threads, (from, to) -> {
                starts.add(from);
                for (int i = from; i < to; i++) hits.incrementAndGet(i);
            });
            for (int i = 0; i < 1003; i++) assertEquals(1, hits.get(i), "element " + i + " on " + threads + " threads");
            assertEquals(threads == 1 ? 1 : Math.min(Parallel.PIECES_PER_THREAD * threads, 1003 / 100), starts.size(),
                    "pieces of at least 100 elements, at most " + Parallel.PIECES_PER_THREAD + " per thread");
            for (int from : starts) assertEquals(0, from % 8, "piece start " + from);
        }
        AtomicIntegerArray pieces = new AtomicIntegerArray(1);
        Parallel.forRanges(150, 8, 100, 3, (from, to) -> pieces.incrementAndGet(0));
        assertEquals(1, pieces.get(0), "too short for two pieces of the minimum: one piece");
    }

    @Test
    void twoThreadsRunAtTheSameTime() throws InterruptedException {
        // Each task waits for the other: this returns in time only if they run concurrently.
        CountDownLatch both = new CountDownLatch(2);
        boolean[] met = new boolean[2];
        Thread[] ran = new Thread[2];
        Parallel.forEach(2, 2, i -> {
            both.countDown();
            ran[i] = Thread.currentThread();
            try {
                met[i] = both.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(met[0] && met[1]);
        assertTrue(ran[0] != ran[1]);
        assertTrue(ran[0] == Thread.currentThread() || ran[1] == Thread.currentThread(), "the caller works too");
        assertTrue(ran[0].isDaemon() || ran[1].isDaemon(), "pool threads are daemons");
    }

    @Test
    void aParkedWorkerIsWokenForTheNextCall() throws InterruptedException {
        Parallel.forEach(2, 2, i -> {});
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(Parallel.SPIN_NANOS) + 20);   // the worker parks
        twoThreadsRunAtTheSameTime();
    }

    @Test
    void callsFromTwoThreadsAtOnceEachRunAllTheirTasks() throws InterruptedException {
        AtomicIntegerArray runs = new AtomicIntegerArray(2 * 1000);
        Thread[] callers = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int base = 1000 * t;
            callers[t] = new Thread(() -> {
                for (int call = 0; call < 100; call++) {
                    int first = base + 10 * call;
                    Parallel.forEach(10, 2, i -> runs.incrementAndGet(first + i));
                }
            });
            callers[t].start();
        }
        for (Thread c : callers) c.join();
        for (int i = 0; i < runs.length(); i++) assertEquals(1, runs.get(i), "task " + i);
    }

    @Test
    void nestedCallsRunInline() {
        AtomicIntegerArray runs = new AtomicIntegerArray(4);
        Parallel.forEach(2, 2, i -> Parallel.forEach(2, 2, j -> runs.incrementAndGet(2 * i + j)));
        for (int i = 0; i < 4; i++) assertEquals(1, runs.get(i));
    }

    @Test
    void rethrowsAFailingTask() {
        var e = assertThrows(IllegalStateException.class, () -> Parallel.forEach(3, 2, i -> {
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
