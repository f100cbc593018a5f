package dev.nabla.bench.conv;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.ops.Lstm;
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
 * One forward and backward pass (through time) of an LSTM with 100 units over 28 steps of 28
 * features, batch 32: the first layer of the recurrent autoencoder, Fashion-MNIST rows as steps.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 7, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class LstmBench {
    static final int BATCH = 32, STEPS = 28, FEATURES = 28, UNITS = 100;

    Tensor x, kernel, recurrentKernel, bias, gradOut;

    @Setup
    public void setup() {
        var rng = new SplittableRandom(42);
        x = Tensor.uniform(rng, 0f, 1f, BATCH, STEPS, FEATURES).requiresGrad(true);
        kernel = Tensor.uniform(rng, -0.1f, 0.1f, FEATURES, 4 * UNITS).requiresGrad(true);
        recurrentKernel = Tensor.uniform(rng, -0.1f, 0.1f, UNITS, 4 * UNITS).requiresGrad(true);
        bias = Tensor.zeros(4 * UNITS).requiresGrad(true);
        gradOut = Tensor.uniform(rng, -1f, 1f, BATCH, STEPS, UNITS);
    }

    @Benchmark
    public Tensor forwardBackward() {
        for (Tensor t : new Tensor[] {x, kernel, recurrentKernel, bias}) t.zeroGrad();
        Lstm.lstm(x, kernel, recurrentKernel, bias).backward(gradOut);
        return recurrentKernel.grad();
    }
}
