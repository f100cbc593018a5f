package dev.nabla.bench.elementwise;

import dev.nabla.engine.kernels.ElementWise;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The element-wise product of two tensors of a first convolution's activations (32 × 28 × 28 × 16
 * floats) on one thread, as {@code ElementWise.binary} computes every add, subtract, multiply and
 * divide of two same-shape tensors, against the plain Java loop over the same arrays.
 * <pre>java -jar bench/target/benchmarks.jar BinaryBench</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class BinaryBench {
    private final float[] a = new float[32 * 28 * 28 * 16];
    private final float[] b = new float[a.length];
    private final float[] o = new float[a.length];

    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rng.nextDouble(-1, 1);
            b[i] = (float) rng.nextDouble(-1, 1);
        }
    }

    @Benchmark
    public float[] product() {
        ElementWise.binary(ElementWise.BinaryOp.MUL, a, 0, 1, b, 0, 1, o, 0, a.length);
        return o;
    }

    @Benchmark
    public float[] productLoop() {
        for (int i = 0; i < a.length; i++) o[i] = a[i] * b[i];
        return o;
    }
}
