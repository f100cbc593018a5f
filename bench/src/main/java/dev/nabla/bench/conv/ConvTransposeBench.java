package dev.nabla.bench.conv;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.ops.Conv2DTranspose;
import dev.nabla.engine.ops.Padding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One forward and backward pass of the HOML decoder's 3×3, stride-2 transposed convolutions with
 * bias, batch 32. Shape "HxWxC-F-padding": input H×W×C, F filters.
 */
public class ConvTransposeBench extends ConvPass {
    @Param({"3x3x64-32-valid", "7x7x32-16-same", "14x14x16-1-same"})
    public String shape;

    private Padding padding;

    @Setup
    public void setup() {
        String[] io = shape.split("-");
        int[] in = dims(io[0]);
        int filters = Integer.parseInt(io[1]);
        padding = Padding.of(io[2]);
        init(Tensor.uniform(RNG, -1f, 1f, BATCH, in[0], in[1], in[2]), Tensor.uniform(RNG, -0.1f, 0.1f, 3, 3, filters, in[2]), filters);
    }

    @Benchmark
    public Tensor forwardBackward() {
        return run(() -> Conv2DTranspose.conv2dTranspose(x, kernel, bias, 2, 2, padding));
    }
}
