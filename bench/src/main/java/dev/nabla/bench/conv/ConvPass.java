package dev.nabla.bench.conv;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.kernels.Arena;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the convolution benchmarks share: input, kernel and bias that require gradients (only the
 * input for pooling and upsampling), and one backward pass from a fixed output gradient. Each
 * iteration is a full training-step pass through one layer: forward, then the gradients of
 * input, kernel and bias, with its arrays recycled from the last iteration as fit recycles them
 * from the last step ({@link Arena}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 7, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public abstract class ConvPass {
    static final int BATCH = 32;
    static final SplittableRandom RNG = new SplittableRandom(42);

    Tensor x, kernel, bias, gradOut;

    /** "HxWxC" → {H, W, C}. */
    static int[] dims(String hwc) {
        String[] p = hwc.split("x");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }

    void init(Tensor input, Tensor k, int filters) {
        x = input.requiresGrad(true);
        kernel = k.requiresGrad(true);
        bias = Tensor.zeros(filters).requiresGrad(true);
    }

    /** For a layer without parameters: only the input requires a gradient. */
    void init(Tensor input) {
        x = input.requiresGrad(true);
    }

    /** Recycles each pass's arrays for the next one, as {@code fit} does from one training step to the next. */
    private final Arena arena = new Arena();

    /**
     * One training-step pass: the forward, then a fixed gradient (made on the first call, once
     * the output shape is known) backpropagated through it, inside an arena scope as in fit.
     */
    Tensor run(Supplier<Tensor> forward) {
        try (var step = arena.open()) {
            Tensor y = forward.get();
            if (gradOut == null) gradOut = Tensor.uniform(RNG, -1f, 1f, y.shape());
            x.zeroGrad();
            if (kernel != null) {
                kernel.zeroGrad();
                bias.zeroGrad();
            }
            y.backward(gradOut);
            return x.grad();
        }
    }
}
