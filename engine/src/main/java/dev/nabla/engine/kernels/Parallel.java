package dev.nabla.engine.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The thread count of the kernels and one shared pool of daemon threads that runs their parallel
 * parts. The count comes from the system property {@code nabla.threads}, else the environment
 * variable {@code NABLA_THREADS}, else the number of processors.
 *
 * <p>The pool is created once, on first use, and lives for the whole program, so a parallel kernel
 * call costs a hand-off to already running threads, not the start of new ones. Its threads are
 * daemons: they never keep the JVM alive.
 */
public final class Parallel {
    public static final String PROPERTY = "nabla.threads";
    public static final String ENV = "NABLA_THREADS";

    private static final int THREADS = configuredThreads();

    private Parallel() {}

    /** The number of threads the kernels use (at least 1). */
    public static int threads() {
        return THREADS;
    }

    /**
     * Runs {@code task.accept(i)} for every i in [0, tasks) and returns when all are done. The
     * calling thread runs task 0 itself; the others go to the pool. Called from inside a pool
     * thread, all tasks run on that thread (nesting would only oversubscribe the cores).
     * An exception thrown by a task is rethrown here.
     */
    public static void forEach(int tasks, IntConsumer task) {
        if (tasks <= 1 || Thread.currentThread() instanceof Worker) {
            for (int i = 0; i < tasks; i++) task.accept(i);
            return;
        }
        List<Future<?>> pending = new ArrayList<>(tasks - 1);
        for (int i = 1; i < tasks; i++) {
            int index = i;
            pending.add(Pool.EXECUTOR.submit(() -> task.accept(index)));
        }
        task.accept(0);
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for kernel threads", e);
            }
        }
    }

    static int parseThreads(String value, String source) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // reported below with the offending value
        }
        throw new IllegalArgumentException(source + " must be a positive integer, got '" + value + "'");
    }

    private static int configuredThreads() {
        String property = System.getProperty(PROPERTY);
        if (property != null) return parseThreads(property, "system property " + PROPERTY);
        String env = System.getenv(ENV);
        if (env != null) return parseThreads(env, "environment variable " + ENV);
        return Runtime.getRuntime().availableProcessors();
    }

    /** A pool thread; marked by its class so that nested calls can run inline. */
    private static final class Worker extends Thread {
        Worker(Runnable r, int id) {
            super(r, "nabla-kernel-" + id);
            setDaemon(true);
        }
    }

    /** Holder idiom: the pool starts on the first parallel call, not when the class loads. */
    private static final class Pool {
        // The caller runs one share itself, so threads() - 1 workers keep threads() cores busy;
        // at least one, so that a caller asking for 2 tasks gets 2 threads even when threads() is 1.
        static final ExecutorService EXECUTOR = newPool(Math.max(1, THREADS - 1));

        private static ExecutorService newPool(int size) {
            AtomicInteger ids = new AtomicInteger();
            return Executors.newFixedThreadPool(size, r -> new Worker(r, ids.incrementAndGet()));
        }
    }
}
