package dev.nabla.bench.conv;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.ops.Conv2D;
import dev.nabla.engine.ops.Padding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One forward and backward pass of a 3×3, stride-1, 'same' convolution with bias at the shapes of
 * the convolutional autoencoders, batch 32. Shape "HxWxC-F": input H×W×C, F filters. The last two
 * are the AUL output layers, computed without a lowered matrix (DirectConv).
 */
public class ConvBench extends ConvPass {
    @Param({"28x28x1-16", "14x14x16-32", "7x7x32-64", "32x32x3-32", "16x16x32-32", "28x28x16-1", "32x32x32-3"})
    public String shape;

    @Setup
    public void setup() {
        String[] io = shape.split("-");
        int[] in = dims(io[0]);
        int filters = Integer.parseInt(io[1]);
        init(Tensor.uniform(RNG, -1f, 1f, BATCH, in[0], in[1], in[2]), Tensor.uniform(RNG, -0.1f, 0.1f, 3, 3, in[2], filters), filters);
    }

    @Benchmark
    public Tensor forwardBackward() {
        return run(() -> Conv2D.conv2d(x, kernel, bias, 1, 1, Padding.SAME));
    }
}
