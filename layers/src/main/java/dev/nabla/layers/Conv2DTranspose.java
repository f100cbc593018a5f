package dev.nabla.layers;

import dev.nabla.engine.Tensor;

/**
 * A transposed 2-D convolution layer, as Keras's Conv2DTranspose: kernel (k, k, filters, C);
 * output size in·s + max(k − s, 0) for 'valid' and in·s for 'same', where 'same' is TensorFlow's
 * (the full transposed convolution with its last row and column cut when k − s is odd; see
 * {@link dev.nabla.engine.ops.Conv2DTranspose}).
 */
public class Conv2DTranspose extends ConvolutionLayer {
    public Conv2DTranspose(int filters, int kernelSize, int strides, String padding, Activation activation) {
        super(filters, kernelSize, strides, padding, activation);
    }

    @Override
    public Conv2DTranspose named(String name) {
        super.named(name);
        return this;
    }

    @Override
    protected int[] kernelShape(int channels) {
        return new int[] {kernelSize, kernelSize, filters, channels};
    }

    @Override
    protected int outputSize(int in) {
        return padding.transposedOutputSize(in, kernelSize, strides);
    }

    @Override
    protected Tensor convolve(Tensor x, Tensor kernel, Tensor bias) {
        return dev.nabla.engine.ops.Conv2DTranspose.conv2dTranspose(x, kernel, bias, strides, strides, padding);
    }
}
