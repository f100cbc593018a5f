package dev.nabla.bench.conv;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.ops.MaxPool2D;
import dev.nabla.engine.ops.Padding;
import dev.nabla.engine.ops.UpSampling2D;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One forward and backward pass of the autoencoders' resampling layers, batch 32: 2×2 max pooling
 * with stride 2 and 'valid' padding (Keras's MaxPool2D(2)) after each HOML encoder convolution and
 * AUL's first one, and AUL's 2×2 nearest-neighbour upsampling. Shape "op-HxWxC": op max or up,
 * input H×W×C.
 */
public class ResamplingBench extends ConvPass {
    @Param({"max-28x28x16", "max-14x14x32", "max-7x7x64", "max-32x32x32", "up-16x16x32"})
    public String shape;

    private boolean pool;

    @Setup
    public void setup() {
        String[] opAndInput = shape.split("-");
        pool = opAndInput[0].equals("max");
        int[] in = dims(opAndInput[1]);
        init(Tensor.uniform(RNG, -1f, 1f, BATCH, in[0], in[1], in[2]));
    }

    @Benchmark
    public Tensor forwardBackward() {
        return run(() -> pool ? MaxPool2D.maxPool2d(x, 2, 2, 2, 2, Padding.VALID) : UpSampling2D.upSampling2d(x, 2, 2));
    }
}
