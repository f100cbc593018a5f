package dev.nabla.bench.sgemm;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** The naive triple loop on the shapes of {@link SgemmBench} small enough for it (one thread). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class NaiveSgemmBench {
    @Param({"128", "256", "512",
            "32x784x100", "784x32x100tA", "32x100x784tB",
            "32x100x784", "100x32x784tA", "32x784x100tB"})
    public String shape;

    private Product p;

    @Setup
    public void setup() {
        p = Product.parse(shape);
    }

    @Benchmark
    public float[] naive() {
        NaiveSgemm.multiply(p);
        return p.c();
    }
}
