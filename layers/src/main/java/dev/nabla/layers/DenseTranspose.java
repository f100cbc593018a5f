package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.ops.Affine;

import java.util.Map;

/**
 * A dense layer tied to another: activation(x·Wᵀ + b) with W the other layer's kernel (shared,
 * so training updates it through both) and a bias of its own, as HOML's DenseTranspose. Only
 * the bias counts as this layer's parameter.
 */
public class DenseTranspose extends Dense {
    private final Dense tied;

    public DenseTranspose(Dense tied, Activation activation) {
        super(1, activation);
        this.tied = tied;
    }

    private int units(String why) {
        if (!tied.built()) throw new IllegalStateException(name() + ": the tied layer '" + tied.name() + "' must be built before " + why);
        int[] s = tied.inputShape();
        return s[s.length - 1];
    }

    @Override
    protected void createWeights(int[] shape) {
        if (Dims.features(this, shape) != tied.units()) {
            throw new IllegalArgumentException("layer '" + name() + "' (DenseTranspose) is tied to '" + tied.name() + "' with "
                    + tied.units() + " units but received inputs of shape " + batchShape(shape));
        }
        addWeight("bias", Tensor.zeros(units("building")));
    }

    @Override
    public int units() { return units("asking its units"); }

    @Override
    public Tensor bias() { return weights().get(0); }

    @Override
    public Tensor kernel() { return tied.kernel(); }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        return finish(Affine.affine(flat(x), tied.kernel(), bias(), true), x);
    }

    @Override
    protected Map<String, Object> config() {
        Map<String, Object> c = super.config();
        c.remove("units");                      // the tied layer's input width
        c.put("tied_to", tied.name());
        return c;
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        int[] out = in.clone();
        out[out.length - 1] = units("computing its output shape");
        return out;
    }
}
