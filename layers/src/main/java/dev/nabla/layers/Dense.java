package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.ops.Affine;
import dev.nabla.layers.regularizers.Regularizer;

import java.util.Map;

/**
 * A fully connected layer: activation(x·W + b) over the last axis, as Keras's Dense. The kernel
 * W (in, units) starts glorot-uniform and the bias b at zero. An activity regulariser adds
 * {@code regularizer(output) / batch size} to the loss (TF Keras divides by the batch size).
 */
public class Dense extends Layer {
    private final int units;
    private final Activation activation;
    private Initializer kernelInitializer = Initializer.GLOROT_UNIFORM;
    private Initializer biasInitializer = Initializer.ZEROS;
    private Regularizer activityRegularizer;
    private Tensor kernel, bias;

    public Dense(int units) {
        this(units, Activation.LINEAR);
    }

    public Dense(int units, Activation activation) {
        if (units <= 0) throw new IllegalArgumentException("Dense: units must be positive, got " + units);
        this.units = units;
        this.activation = activation;
    }

    public Dense activityRegularizer(Regularizer r) {
        this.activityRegularizer = r;
        return this;
    }

    public Dense kernelInitializer(Initializer init) {
        requireUnbuilt("kernelInitializer");
        this.kernelInitializer = init;
        return this;
    }

    public Dense biasInitializer(Initializer init) {
        requireUnbuilt("biasInitializer");
        this.biasInitializer = init;
        return this;
    }

    @Override
    public Dense named(String name) {
        super.named(name);
        return this;
    }

    private void requireUnbuilt(String what) {
        if (built()) throw new IllegalStateException(name() + ": " + what + " must be set before the layer is built");
    }

    public int units() { return units; }
    public Activation activation() { return activation; }

    /** The kernel (in, units); null until built. */
    public Tensor kernel() { return kernel; }
    public Tensor bias() { return bias; }

    @Override
    protected void createWeights(int[] shape) {
        int in = Dims.features(this, shape);
        kernel = addWeight("kernel", kernelInitializer.create(rng, in, units, in, units));
        bias = addWeight("bias", biasInitializer.create(rng, in, units, units));
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        return finish(Affine.affine(flat(x), kernel, bias, false), x);
    }

    /** The input as rows of features: (batch·…, in). */
    static Tensor flat(Tensor x) {
        return x.rank() == 2 ? x : x.reshape(-1, x.dim(-1));
    }

    /** Shared by Dense and DenseTranspose: restores leading axes, activates, regularises. */
    Tensor finish(Tensor z, Tensor x) {
        if (x.rank() != 2) {
            int[] s = x.shape();
            s[s.length - 1] = z.dim(-1);
            z = z.reshape(s);
        }
        Tensor y = activation.apply(z);
        if (activityRegularizer != null) addLoss(activityRegularizer.apply(y).div(x.dim(0)));
        return y;
    }

    @Override
    protected Map<String, Object> config() {
        return LayerConfig.of("units", units, "activation", activation.kerasName(), "activity_regularizer", LayerConfig.regularizer(activityRegularizer, this));
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        int[] out = in.clone();
        out[out.length - 1] = units;
        return out;
    }
}
