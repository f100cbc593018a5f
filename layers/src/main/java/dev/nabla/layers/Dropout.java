package dev.nabla.layers;

import dev.nabla.engine.Tensor;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Inverted dropout: in training, each value is zeroed with probability {@code rate} and the kept
 * ones are scaled by 1 / (1 − rate), so that inference needs no rescaling; in inference the
 * layer passes its input through. The mask comes from the layer's seeded {@link #noise()}.
 */
public class Dropout extends Layer {
    private final float rate;

    public Dropout(float rate) {
        if (!(rate >= 0 && rate < 1)) throw new IllegalArgumentException("Dropout: rate must be in [0, 1), got " + rate);
        this.rate = rate;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        if (!training || rate == 0) return x;
        Tensor mask = Tensor.zeros(x.shape());
        float[] m = mask.data();
        float keep = 1f / (1f - rate);
        SplittableRandom random = noise();
        for (int i = 0; i < m.length; i++) m[i] = random.nextDouble() < rate ? 0f : keep;
        return x.mul(mask);
    }

    @Override
    protected Map<String, Object> config() {
        return LayerConfig.of("rate", rate);
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        return in.clone();
    }
}
