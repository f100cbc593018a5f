package dev.nabla.bench.sgemm;

import dev.nabla.engine.kernels.Sgemm;
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

/**
 * nabla's sgemm on square sizes and on the products of the autoencoder exercises (a batch of 32
 * through dense layers 784→100, 100→784 and 1024→500) with their backward products.
 * Time per product; bench/run-sgemm.sh turns it into GFLOP/s = 2·m·n·k / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 7, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class SgemmBench {
    @Param({"128", "256", "512", "1024", "2048",
            "32x784x100", "784x32x100tA", "32x100x784tB",
            "32x100x784", "100x32x784tA", "32x784x100tB",
            "32x1024x500", "1024x32x500tA", "32x500x1024tB"})
    public String shape;

    @Param({"2"})
    public int threads;

    private Product p;

    @Setup
    public void setup() {
        p = Product.parse(shape);
        System.out.println("# nabla sgemm: " + Sgemm.configuration());
    }

    @Benchmark
    public float[] nabla() {
        Sgemm.sgemm(threads, p.transA(), p.transB(), p.m(), p.n(), p.k(), 1f, p.a(), 0, p.lda(),
                p.b(), 0, p.ldb(), 0f, p.c(), 0, p.n());
        return p.c();
    }
}
