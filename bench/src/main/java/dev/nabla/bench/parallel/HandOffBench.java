package dev.nabla.bench.parallel;

import dev.nabla.engine.kernels.Parallel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The fixed cost of running two tasks on two threads, back to back: nabla's {@link Parallel}
 * (a worker polls for the next call before it parks) against the plain way, one task submitted
 * to a {@code ThreadPoolExecutor} while the caller runs the other and then waits on the
 * {@code Future}. The tasks only count, so the time is the hand-off itself.
 * <pre>java -jar bench/target/benchmarks.jar HandOffBench</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class HandOffBench {
    private final AtomicIntegerArray counts = new AtomicIntegerArray(2);
    private ExecutorService executor;

    @Setup
    public void setup() {
        executor = Executors.newFixedThreadPool(1, r -> {
            Thread t = new Thread(r, "executor-reference");
            t.setDaemon(true);
            return t;
        });
    }

    @TearDown
    public void tearDown() {
        executor.shutdownNow();
    }

    @Benchmark
    public AtomicIntegerArray nabla() {
        Parallel.forEach(2, 2, counts::incrementAndGet);
        return counts;
    }

    @Benchmark
    public AtomicIntegerArray threadPoolExecutor() throws InterruptedException, ExecutionException {
        Future<?> other = executor.submit(() -> counts.incrementAndGet(1));
        counts.incrementAndGet(0);
        other.get();
        return counts;
    }
}
