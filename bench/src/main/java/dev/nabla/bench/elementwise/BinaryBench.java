package dev.nabla.bench.elementwise;

import dev.nabla.engine.kernels.ElementWise;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.util.SplittableRandom;

/**
 * The element-wise product of two tensors of a first convolution's activations (32 × 28 × 28 × 16
 * floats) on one thread, as {@code ElementWise.binary} computes every add, subtract, multiply and
 * divide of two same-shape tensors, against the plain Java loop over the same arrays.
 * <pre>java -jar bench/target/benchmarks.jar BinaryBench</pre>
 */
public class BinaryBench extends ElementWiseBench {
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
