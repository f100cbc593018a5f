package dev.nabla.engine.kernels;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The thread count of the kernels and one shared team of daemon threads that runs their parallel
 * parts. The count comes from the system property {@code nabla.threads}, else the environment
 * variable {@code NABLA_THREADS}, else the number of processors.
 *
 * <p>The team is started once, on first use, and lives for the whole program. Handing work to a
 * thread that sleeps in the kernel costs a wake-up: with a {@code ThreadPoolExecutor}, whose idle
 * threads park, one call of two tasks that only count takes 89 µs on this project's 2-vCPU
 * virtual machine, longer than a whole 32×784·784×100 product. So, as in OpenMP runtimes, a
 * worker that finishes a call keeps polling for the next one for {@link #SPIN_NANOS} before it
 * parks; the kernels of a training step follow each other closely enough that the hand-off is
 * then a memory write seen by a spinning core: 0.39 µs per call (both figures from
 * {@code HandOffBench} in the bench module, bench/RESULTS.md). The workers are daemons: they
 * never keep the JVM alive.
 */
public final class Parallel {
    public static final String PROPERTY = "nabla.threads";
    public static final String ENV = "NABLA_THREADS";

    /** How long an idle worker polls for the next call before it parks. */
    static final long SPIN_NANOS = 200_000;

    private static final int THREADS = configuredThreads();

    private Parallel() {}

    /** The number of threads the kernels use (at least 1). */
    public static int threads() {
        return THREADS;
    }

    /**
     * Runs {@code task.accept(i)} for every i in [0, tasks) on up to {@code threads} threads, the
     * calling thread included, and returns when all are done. The threads claim the next index
     * from a shared counter, so a thread that is slow (or descheduled on a busy machine) simply
     * takes fewer tasks. A call made while the team is busy (from a task, or from a second
     * thread) runs all its tasks on its own thread: nesting would only oversubscribe the cores.
     * An exception thrown by a task is rethrown here.
     */
    public static void forEach(int tasks, int threads, IntConsumer task) {
        int helpers = Math.min(tasks, threads) - 1;
        if (helpers <= 0 || !Team.INSTANCE.busy.compareAndSet(false, true)) {
            for (int i = 0; i < tasks; i++) task.accept(i);
            return;
        }
        try {
            Team.INSTANCE.run(new Job(tasks, task, helpers));
        } finally {
            Team.INSTANCE.busy.set(false);
        }
    }

    /**
     * As {@link #forEach(int, int, IntConsumer)} on {@link #threads()} threads when the call's
     * {@code work} (in the caller's unit, e.g. floats moved) reaches {@code minWork}, and on
     * the calling thread below it, where a hand-off would cost more than it saves.
     */
    public static void forEach(int tasks, long work, long minWork, IntConsumer task) {
        forEach(tasks, work < minWork ? 1 : THREADS, task);
    }

    /** A piece [from, to) of a range of elements. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    /**
     * Up to this many pieces per thread in {@link #forRanges}: the threads claim them as they come
     * free, so one that runs slower (its caches cold for data another core has just written, or
     * its core shared for a moment) takes fewer, instead of the others waiting for its one piece.
     */
    static final int PIECES_PER_THREAD = 4;

    /**
     * Cuts [0, n) into pieces of at least {@code minPerPiece} elements, at most
     * {@link #PIECES_PER_THREAD} per thread, and runs {@code task} on each, on up to
     * {@link #threads()} threads; a range too short for two pieces stays on the calling thread.
     * Every piece but the last starts and ends on a multiple of {@code align}, so a kernel that
     * handles its last {@code n mod align} elements apart (a vector loop's scalar tail) meets the
     * same tail elements whatever the thread count, and gives the same bits.
     */
    public static void forRanges(int n, int align, int minPerPiece, RangeTask task) {
        forRanges(n, align, minPerPiece, THREADS, task);
    }

    /** As {@link #forRanges(int, int, int, RangeTask)}, on at most {@code threads} threads. */
    static void forRanges(int n, int align, int minPerPiece, int threads, RangeTask task) {
        int pieces = threads == 1 ? 1 : Math.min(PIECES_PER_THREAD * threads, n / Math.max(1, minPerPiece));
        if (pieces <= 1) {
            task.run(0, n);
            return;
        }
        int piece = (n / pieces + align - 1) / align * align;
        forEach((n + piece - 1) / piece, Math.min(threads, pieces), t -> task.run(t * piece, Math.min(n, (t + 1) * piece)));
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

    /**
     * One call of {@link #forEach}: its tasks, the next unclaimed index, the seats left for
     * workers (so that a call asking for 2 threads gets no more), and the workers still running.
     */
    private static final class Job {
        final int tasks;
        final IntConsumer task;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger seats;
        final AtomicInteger running = new AtomicInteger();
        volatile Throwable failure;

        Job(int tasks, IntConsumer task, int seats) {
            this.tasks = tasks;
            this.task = task;
            this.seats = new AtomicInteger(seats);
        }

        /** Claims and runs tasks until none is left; records the first failure. */
        void claimAll() {
            try {
                for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) task.accept(i);
            } catch (Throwable t) {
                if (failure == null) failure = t;
                next.set(tasks);     // the others stop claiming
            }
        }

        /** A worker joins if a seat is left; it counts as running before it claims anything. */
        void join() {
            if (seats.getAndDecrement() <= 0) return;
            running.incrementAndGet();
            try {
                claimAll();
            } finally {
                running.decrementAndGet();
            }
        }
    }

    /** The workers and the job they are offered. */
    private static final class Team {
        static final Team INSTANCE = new Team(Math.max(1, THREADS - 1));

        /** Held by the one caller whose job the workers are offered. */
        final AtomicBoolean busy = new AtomicBoolean();
        /** The latest job; a worker runs each job it has not seen yet. */
        volatile Job job;
        private final Worker[] workers;

        // The caller works too, so threads() - 1 workers keep threads() cores busy; at least one,
        // so that a caller asking for 2 threads gets them even when threads() is 1.
        private Team(int size) {
            workers = new Worker[size];
            for (int w = 0; w < size; w++) {
                workers[w] = new Worker(this, w + 1);
                workers[w].start();
            }
        }

        void run(Job j) {
            job = j;
            for (Worker w : workers) {
                if (w.parked) LockSupport.unpark(w);
            }
            j.claimAll();
            // Every index is claimed; wait for the workers still inside a task.
            for (int spins = 0; j.running.get() > 0; spins++) {
                if (spins < 10_000) Thread.onSpinWait();
                else Thread.yield();
            }
            Throwable failure = j.failure;
            if (failure instanceof RuntimeException r) throw r;
            if (failure instanceof Error e) throw e;
            if (failure != null) throw new IllegalStateException(failure);
        }
    }

    /** A team thread: polls for a new job, parks after {@link #SPIN_NANOS} without one. */
    private static final class Worker extends Thread {
        private final Team team;
        /** Set before parking and checked by the caller, so that only sleepers are woken. */
        volatile boolean parked;

        Worker(Team team, int id) {
            super("nabla-kernel-" + id);
            this.team = team;
            setDaemon(true);
        }

        @Override
        public void run() {
            Job seen = null;
            while (true) {
                Job j = awaitNewJob(seen);
                seen = j;
                j.join();
            }
        }

        private Job awaitNewJob(Job seen) {
            long idleSince = System.nanoTime();
            while (true) {
                Job j = team.job;
                if (j != seen) return j;
                if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                    continue;
                }
                // Announce the sleep, then look once more: a caller that published its job
                // before seeing `parked` is caught here; one after it unparks this thread.
                parked = true;
                if (team.job == seen) LockSupport.park(this);
                parked = false;
                idleSince = System.nanoTime();
            }
        }
    }
}
