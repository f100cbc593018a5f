package dev.nabla.layers;

import dev.nabla.engine.Tensor;

import java.util.Map;

/**
 * A transposed 2-D convolution layer, as Keras's Conv2DTranspose: kernel (kH, kW, filters, C);
 * output size in·s + max(k − s, 0) for 'valid' and in·s for 'same', where 'same' is TensorFlow's
 * (the full transposed convolution with its last row and column cut when k − s is odd; see
 * {@link dev.nabla.engine.ops.Conv2DTranspose}).
 */
public class Conv2DTranspose extends ConvolutionLayer {
    /** Keras's {@code output_padding}, per axis, or null for its default (none). */
    private final int[] outputPadding;

    public Conv2DTranspose(int filters, int kernelSize, int strides, String padding, Activation activation) {
        this(filters, new int[] {kernelSize, kernelSize}, new int[] {strides, strides}, padding, null, activation);
    }

    /**
     * Kernel, strides and {@code outputPadding} as (height, width) pairs, the last one null for
     * Keras's default; an output padding p gives (in − 1)·s + k − 2·pad + p rows, with pad ⌊k/2⌋
     * for 'same' and 0 for 'valid' (it picks among the sizes the forward convolution maps back).
     */
    public Conv2DTranspose(int filters, int[] kernelSize, int[] strides, String padding, int[] outputPadding, Activation activation) {
        super(filters, kernelSize, strides, padding, activation);
        if (outputPadding != null) {
            if (outputPadding.length != 2) throw new IllegalArgumentException("Conv2DTranspose: output_padding is a (height, width) pair, got " + java.util.Arrays.toString(outputPadding));
            for (int i = 0; i < 2; i++) this.padding.transposedOutputSize(1, kernelSize[i], strides[i], outputPadding[i]);
        }
        this.outputPadding = outputPadding == null ? null : outputPadding.clone();
    }

    @Override
    public Conv2DTranspose named(String name) {
        super.named(name);
        return this;
    }

    @Override
    protected Map<String, Object> config() {
        Map<String, Object> c = super.config();
        c.put("output_padding", outputPadding);
        return c;
    }

    @Override
    protected int[] kernelShape(int channels) {
        return new int[] {kernelSize[0], kernelSize[1], filters, channels};
    }

    @Override
    protected int outputSize(int in, int axis) {
        if (outputPadding == null) return padding.transposedOutputSize(in, kernelSize[axis], strides[axis]);
        return padding.transposedOutputSize(in, kernelSize[axis], strides[axis], outputPadding[axis]);
    }

    @Override
    protected Tensor convolve(Tensor x, Tensor kernel, Tensor bias) {
        return dev.nabla.engine.ops.Conv2DTranspose.conv2dTranspose(x, kernel, bias, strides[0], strides[1], padding,
                outputSize(x.dim(1), 0), outputSize(x.dim(2), 1));
    }
}
