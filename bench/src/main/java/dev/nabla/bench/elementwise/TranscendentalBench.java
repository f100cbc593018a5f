package dev.nabla.bench.elementwise;

import dev.nabla.engine.kernels.ElementWise;
import dev.nabla.engine.kernels.Unary;
import dev.nabla.engine.kernels.VectorMath;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.util.SplittableRandom;

/**
 * exp, log and tanh over a 32×784 batch: nabla's {@link VectorMath} (plain vector arithmetic,
 * the same bits interpreted or compiled) against the Vector API's own operators, which C2
 * compiles to Intel's SVML routines and which are the reference for speed; and GELU's forward
 * and backward loops ({@link ElementWise}), built on VectorMath's exp and erf.
 * <pre>java -jar bench/target/benchmarks.jar TranscendentalBench</pre>
 */
public class TranscendentalBench extends ElementWiseBench {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private final float[] x = new float[32 * 784];
    private final float[] y = new float[x.length];
    private final float[] g = new float[x.length];
    /** GELU(x), which GELU's backward reads. */
    private final float[] gelu = new float[x.length];

    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextDouble() * 8 + 1e-3);
            g[i] = (float) rng.nextDouble(-1, 1);
        }
        ElementWise.unary(Unary.GELU, x, 0, gelu, 0, x.length);
    }

    @Benchmark
    public float[] expVectorMath() {
        for (int i = 0; i < x.length; i += S.length()) VectorMath.exp(FloatVector.fromArray(S, x, i)).intoArray(y, i);
        return y;
    }

    @Benchmark
    public float[] expVectorApi() {
        for (int i = 0; i < x.length; i += S.length()) FloatVector.fromArray(S, x, i).lanewise(VectorOperators.EXP).intoArray(y, i);
        return y;
    }

    @Benchmark
    public float[] logVectorMath() {
        for (int i = 0; i < x.length; i += S.length()) VectorMath.log(FloatVector.fromArray(S, x, i)).intoArray(y, i);
        return y;
    }

    @Benchmark
    public float[] logVectorApi() {
        for (int i = 0; i < x.length; i += S.length()) FloatVector.fromArray(S, x, i).lanewise(VectorOperators.LOG).intoArray(y, i);
        return y;
    }

    @Benchmark
    public float[] tanhVectorMath() {
        for (int i = 0; i < x.length; i += S.length()) VectorMath.tanh(FloatVector.fromArray(S, x, i)).intoArray(y, i);
        return y;
    }

    @Benchmark
    public float[] geluForward() {
        ElementWise.unary(Unary.GELU, x, 0, y, 0, x.length);
        return y;
    }

    @Benchmark
    public float[] geluBackward() {
        ElementWise.unaryBackward(Unary.GELU, x, 0, gelu, 0, g, 0, y, 0, x.length);
        return y;
    }

    @Benchmark
    public float[] tanhVectorApi() {
        for (int i = 0; i < x.length; i += S.length()) FloatVector.fromArray(S, x, i).lanewise(VectorOperators.TANH).intoArray(y, i);
        return y;
    }
}
