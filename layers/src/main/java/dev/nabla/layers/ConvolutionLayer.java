package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.ops.Padding;

/**
 * What {@link Conv2D} and {@link Conv2DTranspose} share: square kernels, equal strides, Keras's
 * padding names, a kernel and a bias, then the activation. The kernel starts glorot-uniform with
 * Keras's fans for a convolution kernel (k, k, a, b): fan_in = k·k·a, fan_out = k·k·b; the bias
 * at zero.
 */
public abstract class ConvolutionLayer extends Layer {
    protected final int filters, kernelSize, strides;
    protected final Padding padding;
    private final Activation activation;
    private Tensor kernel, bias;

    ConvolutionLayer(int filters, int kernelSize, int strides, String padding, Activation activation) {
        if (filters <= 0 || kernelSize <= 0 || strides <= 0) {
            throw new IllegalArgumentException(typeName() + ": filters, kernel size and strides must be positive, got "
                    + filters + ", " + kernelSize + ", " + strides);
        }
        this.filters = filters;
        this.kernelSize = kernelSize;
        this.strides = strides;
        this.padding = Padding.of(padding);
        this.activation = activation;
    }

    /** The kernel; null until built. */
    public Tensor kernel() { return kernel; }
    public Tensor bias() { return bias; }

    /** The kernel's shape for inputs with this many channels. */
    protected abstract int[] kernelShape(int channels);

    /** The output length along one spatial axis of this length. */
    protected abstract int outputSize(int in);

    /** The convolution itself, before the activation. */
    protected abstract Tensor convolve(Tensor x, Tensor kernel, Tensor bias);

    @Override
    protected void createWeights(int[] shape) {
        computeOutputShape(shape);
        int[] k = kernelShape(shape[2]);
        int field = k[0] * k[1];
        kernel = addWeight("kernel", Initializer.GLOROT_UNIFORM.create(rng, field * k[2], field * k[3], k));
        bias = addWeight("bias", Initializer.ZEROS.create(rng, field * k[2], field * k[3], filters));
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        return activation.apply(convolve(x, kernel, bias));
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        ImageShape.check(this, in);
        int h = outputSize(in[0]), w = outputSize(in[1]);
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException("layer '" + name() + "' (" + typeName() + "): a " + kernelSize + "×" + kernelSize + " kernel with "
                    + padding.name().toLowerCase(java.util.Locale.ROOT) + " padding does not fit inputs of shape " + batchShape(in));
        }
        return new int[] {h, w, filters};
    }
}
