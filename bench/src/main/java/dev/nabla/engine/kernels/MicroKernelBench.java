package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * The ceiling of sgemm on one core, in GFLOP/s (the {@code flop} counter, per nanosecond):
 * {@code fmaPeak}, a register-only loop of independent vector FMAs, the most the core does
 * through the Vector API at the JVM's vector width; and {@code microKernel}, the micro-kernel
 * this machine was given ({@link MicroKernel#choose}) on a KC-deep packed A and B that sit in
 * L1, {@code microKernelInPlace}, the same tile reading A's MR rows in place, and
 * {@code microKernelTwoPanels}, the loop for a bottom tile of few rows. The micro-kernel's figure against the peak says whether its tile stays in registers: a
 * spilled accumulator costs a load and a store on every k and shows as a large gap. Run with
 * {@code -jvmArgsAppend -XX:UseAVX=2} (or {@code -XX:MaxVectorSize=16}) to measure a narrower
 * machine's kernel. This class sits in the engine's package to reach the package-private kernel.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class MicroKernelBench {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Multiply-adds per iteration of the peak loop: 12 independent chains cover FMA latency × units. */
    private static final int CHAINS = 12, PEAK_ITERATIONS = 1 << 16;
    /** Real rows of the bottom tile in {@code microKernelTwoPanels}: a batch of 32 leaves 2 under AVX2. */
    private static final int EDGE_ROWS = 2;

    private final MicroKernel kernel = Sgemm.KERNEL;
    private float[] a, b, b2, tile;
    private float multiplier;

    /** Floating-point operations done, reported by JMH per unit of time: GFLOP/s. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Flops {
        public long flop;

        @Setup(Level.Iteration)
        public void reset() {
            flop = 0;
        }
    }

    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(1);
        a = random(rng, kernel.mr * Sgemm.KC);
        b = random(rng, Sgemm.KC * kernel.nr);
        b2 = random(rng, 2 * Sgemm.KC * kernel.nr);
        tile = new float[2 * kernel.mr * kernel.nr];
        multiplier = 0.999f;
        System.out.println("# nabla sgemm: " + Sgemm.configuration());
    }

    @Benchmark
    public float[] microKernel(Flops f) {
        kernel.multiply(Sgemm.KC, a, 0, b, 0, kernel.nr, kernel.nr, tile);
        f.flop += 2L * kernel.mr * kernel.nr * Sgemm.KC;
        return tile;
    }

    /** The same tile with A read in place ({@link MicroKernel#multiplyInPlace}): MR rows of KC floats. */
    @Benchmark
    public float[] microKernelInPlace(Flops f) {
        kernel.multiplyInPlace(Sgemm.KC, a, 0, Sgemm.KC, b, 0, kernel.nr, tile);
        f.flop += 2L * kernel.mr * kernel.nr * Sgemm.KC;
        return tile;
    }

    /**
     * A bottom tile of {@link #EDGE_ROWS} real rows against two micro-panels, as sgemm computes
     * it, counting only those rows' work: with {@link MicroKernel#multiplyTwoPanels} where the
     * kernel has that loop (AVX2's and SSE's 5-row tile: {@code -jvmArgsAppend -XX:UseAVX=2}),
     * else with the full tile once per panel, which counts 2/MR of {@code microKernel}'s figure
     * (at AVX-512, 28.2 GFLOP/s on the 2 of 8 rows: {@code MicroKernelBench.microKernelTwoPanels -f 1 -wi 1 -i 2 -w 1 -r 1}).
     */
    @Benchmark
    public float[] microKernelTwoPanels(Flops f) {
        int panel = kernel.nr * Sgemm.KC;
        if (kernel.fewRows() >= EDGE_ROWS) {
            kernel.multiplyTwoPanels(Sgemm.KC, a, 0, b2, 0, panel, kernel.nr, tile);
        } else {
            kernel.multiply(Sgemm.KC, a, 0, b2, 0, kernel.nr, kernel.nr, tile);
            kernel.multiply(Sgemm.KC, a, 0, b2, panel, kernel.nr, kernel.nr, tile);
        }
        f.flop += 2L * EDGE_ROWS * 2 * kernel.nr * Sgemm.KC;
        return tile;
    }

    @Benchmark
    public float fmaPeak(Flops f) {
        FloatVector y = FloatVector.broadcast(S, multiplier), x = FloatVector.broadcast(S, 1e-3f);
        FloatVector c0 = x, c1 = x, c2 = x, c3 = x, c4 = x, c5 = x, c6 = x, c7 = x, c8 = x, c9 = x, c10 = x, c11 = x;
        for (int i = 0; i < PEAK_ITERATIONS; i++) {
            c0 = c0.fma(y, x); c1 = c1.fma(y, x); c2 = c2.fma(y, x); c3 = c3.fma(y, x);
            c4 = c4.fma(y, x); c5 = c5.fma(y, x); c6 = c6.fma(y, x); c7 = c7.fma(y, x);
            c8 = c8.fma(y, x); c9 = c9.fma(y, x); c10 = c10.fma(y, x); c11 = c11.fma(y, x);
        }
        f.flop += 2L * CHAINS * S.length() * PEAK_ITERATIONS;
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11).lane(0);
    }

    private static float[] random(SplittableRandom rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) (rng.nextDouble() * 2 - 1);
        return x;
    }
}
