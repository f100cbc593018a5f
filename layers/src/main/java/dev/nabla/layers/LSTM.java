package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.ops.Lstm;

import java.util.Map;

/**
 * A long short-term memory layer over (steps, features) sequences, as Keras's LSTM with its
 * defaults: gates i, f, c, o; tanh and sigmoid; kernel (features, 4·units) glorot-uniform,
 * recurrent kernel (units, 4·units) orthogonal, bias zero except the forget gate's, which starts
 * at 1 ({@code unit_forget_bias=True}). Returns the last hidden state (units), or every step's
 * (steps, units) with {@code returnSequences}. The sequence runs as one fused operation with
 * backpropagation through time ({@link Lstm}). Built for {@code (NONE, features)}, it takes
 * sequences of any length, and summary() shows {@code (None, None, units)} as Keras does.
 */
public class LSTM extends Layer {
    private final int units;
    private final boolean returnSequences;
    private Tensor kernel, recurrentKernel, bias;

    public LSTM(int units) {
        this(units, false);
    }

    public LSTM(int units, boolean returnSequences) {
        if (units <= 0) throw new IllegalArgumentException("LSTM: units must be positive, got " + units);
        this.units = units;
        this.returnSequences = returnSequences;
    }

    @Override
    public LSTM named(String name) {
        super.named(name);
        return this;
    }

    public Tensor kernel() { return kernel; }
    public Tensor recurrentKernel() { return recurrentKernel; }
    public Tensor bias() { return bias; }

    @Override
    protected void createWeights(int[] shape) {
        computeOutputShape(shape);
        int features = Dims.features(this, shape);
        kernel = addWeight("kernel", Initializer.GLOROT_UNIFORM.create(rng, features, 4 * units, features, 4 * units));
        recurrentKernel = addWeight("recurrent_kernel", Initializer.ORTHOGONAL.create(rng, units, 4 * units, units, 4 * units));
        Tensor b = Tensor.zeros(4 * units);
        java.util.Arrays.fill(b.data(), units, 2 * units, 1f);    // the forget gate's slice [U, 2U)
        bias = addWeight("bias", b);
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Tensor h = Lstm.lstm(x, kernel, recurrentKernel, bias);
        int steps = x.dim(1);
        return returnSequences ? h : h.slice(1, steps - 1, steps).reshape(x.dim(0), units);
    }

    @Override
    protected Map<String, Object> config() {
        return LayerConfig.of("units", units, "return_sequences", returnSequences);
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        if (in.length != 2) {
            throw new IllegalArgumentException("layer '" + name() + "' (LSTM) needs inputs of shape (None, steps, features), got " + batchShape(in));
        }
        return returnSequences ? new int[] {in[0], units} : new int[] {units};
    }
}
