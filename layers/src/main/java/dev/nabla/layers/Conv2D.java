package dev.nabla.layers;

import dev.nabla.engine.Tensor;

/**
 * A 2-D convolution layer over channels-last images (H, W, C), as Keras's Conv2D: kernel
 * (kH, kW, C, filters), 'valid' or 'same' padding with TensorFlow's rule
 * ({@link dev.nabla.engine.ops.Padding}), then the activation.
 */
public class Conv2D extends ConvolutionLayer {
    /** Keras's defaults: stride 1, 'valid' padding, no activation. */
    public Conv2D(int filters, int kernelSize) {
        this(filters, kernelSize, 1, "valid", Activation.LINEAR);
    }

    /** Stride 1, as {@code Conv2D(16, 3, padding="same", activation="relu")}. */
    public Conv2D(int filters, int kernelSize, String padding, Activation activation) {
        this(filters, kernelSize, 1, padding, activation);
    }

    public Conv2D(int filters, int kernelSize, int strides, String padding, Activation activation) {
        this(filters, new int[] {kernelSize, kernelSize}, new int[] {strides, strides}, padding, activation);
    }

    /** Kernel and strides as (height, width), as {@code Conv2D(8, (3, 5), strides=(1, 2))}. */
    public Conv2D(int filters, int[] kernelSize, int[] strides, String padding, Activation activation) {
        super(filters, kernelSize, strides, padding, activation);
    }

    @Override
    public Conv2D named(String name) {
        super.named(name);
        return this;
    }

    @Override
    protected int[] kernelShape(int channels) {
        return new int[] {kernelSize[0], kernelSize[1], channels, filters};
    }

    @Override
    protected int outputSize(int in, int axis) {
        return padding.outputSize(in, kernelSize[axis], strides[axis]);
    }

    @Override
    protected Tensor convolve(Tensor x, Tensor kernel, Tensor bias) {
        return dev.nabla.engine.ops.Conv2D.conv2d(x, kernel, bias, strides[0], strides[1], padding);
    }
}
