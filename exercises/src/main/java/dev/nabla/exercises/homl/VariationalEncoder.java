package dev.nabla.exercises.homl;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.GradMode;
import dev.nabla.engine.ops.ShapeOps;
import dev.nabla.layers.Dense;
import dev.nabla.layers.Layer;
import dev.nabla.layers.Model;

import java.util.List;

/**
 * HOML-17's variational encoder: hidden layers, then two Dense heads on the last of them, the
 * codings' mean μ and log-variance γ = log σ², and the {@link Sampling} of the codings from them:
 * <pre>
 * codings_mean = keras.layers.Dense(codings_size)(z)      # μ
 * codings_log_var = keras.layers.Dense(codings_size)(z)   # γ
 * codings = Sampling()([codings_mean, codings_log_var])
 * latent_loss = -0.5 * K.sum(1 + codings_log_var - K.exp(codings_log_var) - K.square(codings_mean), axis=-1)
 * variational_ae.add_loss(K.mean(latent_loss) / 784.)
 * </pre>
 * Each call adds the latent loss, the batch mean of {@link #latentLoss} divided by the number of
 * pixels: the compiled reconstruction loss is a mean over the pixels, and the division keeps the
 * two in the book's proportion. Two heads on one layer are not a chain, which nabla's functional
 * models are, so this is a model written as a subclass: its forward says where each layer's
 * input comes from.
 */
final class VariationalEncoder extends Model {
    private final List<Layer> hidden;
    private final Dense codingsMean, codingsLogVar;
    private final Sampling sampling = new Sampling();
    private final int codingsSize, pixels;

    /** The encoder {@code hidden → (μ, γ) → codings} with {@code codingsSize} codings, for images of {@code pixels} pixels. */
    VariationalEncoder(int codingsSize, int pixels, Layer... hidden) {
        this.hidden = List.of(hidden);
        this.codingsSize = codingsSize;
        this.pixels = pixels;
        codingsMean = new Dense(codingsSize);
        codingsLogVar = new Dense(codingsSize);
        layers.addAll(this.hidden);
        layers.addAll(List.of(codingsMean, codingsLogVar, sampling));
    }

    /**
     * The KL divergence of each sample's codings distribution N(μ, σ²) from the prior N(0, 1),
     * summed over the codings (the last axis): −½ Σ (1 + γ − e^γ − μ²). It is 0 where μ = 0 and
     * γ = 0, and grows as μ leaves 0 or σ² leaves 1.
     */
    static Tensor latentLoss(Tensor mean, Tensor logVar) {
        return logVar.add(1f).sub(logVar.exp()).sub(mean.square()).sum(false, -1).mul(-0.5f);
    }

    @Override
    protected void createWeights(int[] shape) {
        int[] s = shape;
        for (Layer l : hidden) {
            l.build(s);
            s = l.computeOutputShape(s);
        }
        codingsMean.build(s);
        codingsLogVar.build(s);
        sampling.build(2, codingsSize);
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        Tensor z = hiddenOutput(x, training);
        Tensor mean = codingsMean.call(z, training), logVar = codingsLogVar.call(z, training);
        addLoss(latentLoss(mean, logVar).mean().div(pixels));
        return sampling.call(ShapeOps.stack(1, mean, logVar), training);
    }

    private Tensor hiddenOutput(Tensor x, boolean training) {
        for (Layer l : hidden) x = l.call(x, training);
        return x;
    }

    /** The codings' means μ of images x (n, …), in inference mode: where the encoder puts each image in the latent space. */
    Tensor predictMean(Tensor x) {
        try (var noGrad = GradMode.noGrad()) {
            return codingsMean.call(hiddenOutput(x, false), false);
        }
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        return new int[] {codingsSize};
    }
}
