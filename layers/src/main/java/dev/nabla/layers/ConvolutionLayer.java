package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.ops.Padding;

import java.util.Map;

/**
 * What {@link Conv2D} and {@link Conv2DTranspose} share: a kernel of (height, width) and strides
 * of (height, width), each given as one number for both as Keras allows, Keras's padding names,
 * a kernel and a bias, then the activation. The kernel starts glorot-uniform with Keras's fans
 * for a convolution kernel (kH, kW, a, b): fan_in = kH·kW·a, fan_out = kH·kW·b; the bias at zero.
 */
public abstract class ConvolutionLayer extends Layer {
    protected final int filters;
    /** (height, width) of the kernel and of the strides. */
    protected final int[] kernelSize, strides;
    protected final Padding padding;
    private final Activation activation;
    private Tensor kernel, bias;

    ConvolutionLayer(int filters, int[] kernelSize, int[] strides, String padding, Activation activation) {
        if (kernelSize.length != 2 || strides.length != 2) {
            throw new IllegalArgumentException(typeName() + ": kernel size and strides are (height, width) pairs, got "
                    + java.util.Arrays.toString(kernelSize) + " and " + java.util.Arrays.toString(strides));
        }
        if (filters <= 0 || kernelSize[0] <= 0 || kernelSize[1] <= 0 || strides[0] <= 0 || strides[1] <= 0) {
            throw new IllegalArgumentException(typeName() + ": filters, kernel size and strides must be positive, got "
                    + filters + ", " + java.util.Arrays.toString(kernelSize) + ", " + java.util.Arrays.toString(strides));
        }
        this.filters = filters;
        this.kernelSize = kernelSize.clone();
        this.strides = strides.clone();
        this.padding = Padding.of(padding);
        this.activation = activation;
    }

    /** The kernel; null until built. */
    public Tensor kernel() { return kernel; }
    public Tensor bias() { return bias; }

    /** The kernel's shape for inputs with this many channels. */
    protected abstract int[] kernelShape(int channels);

    /** The output length along spatial axis {@code axis} (0 height, 1 width) for an input of length {@code in}. */
    protected abstract int outputSize(int in, int axis);

    /** The convolution itself, before the activation. */
    protected abstract Tensor convolve(Tensor x, Tensor kernel, Tensor bias);

    @Override
    protected void createWeights(int[] shape) {
        computeOutputShape(shape);
        int[] k = kernelShape(Dims.features(this, shape));
        int field = k[0] * k[1];
        kernel = addWeight("kernel", Initializer.GLOROT_UNIFORM.create(rng, field * k[2], field * k[3], k));
        bias = addWeight("bias", Initializer.ZEROS.create(rng, field * k[2], field * k[3], filters));
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        return activation.apply(convolve(x, kernel, bias));
    }

    @Override
    protected Map<String, Object> config() {
        return LayerConfig.of("filters", filters, "kernel_size", kernelSize, "strides", strides,
                "padding", padding.name().toLowerCase(java.util.Locale.ROOT), "activation", activation.kerasName());
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        ImageShape.check(this, in);
        int h = Dims.map(in[0], d -> outputSize(d, 0)), w = Dims.map(in[1], d -> outputSize(d, 1));
        if ((Dims.known(h) && h <= 0) || (Dims.known(w) && w <= 0)) {
            throw new IllegalArgumentException("layer '" + name() + "' (" + typeName() + "): a " + kernelSize[0] + "×" + kernelSize[1] + " kernel with "
                    + padding.name().toLowerCase(java.util.Locale.ROOT) + " padding does not fit inputs of shape " + batchShape(in));
        }
        return new int[] {h, w, filters};
    }
}
