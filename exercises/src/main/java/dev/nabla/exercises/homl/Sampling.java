package dev.nabla.exercises.homl;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.layers.Layer;

/**
 * HOML-17's custom layer for the variational autoencoder, the reparameterisation trick:
 * <pre>
 * class Sampling(keras.layers.Layer):
 *     def call(self, inputs):
 *         mean, log_var = inputs
 *         return K.random_normal(tf.shape(log_var)) * K.exp(log_var / 2) + mean
 * </pre>
 * The codings are μ + σ·ε with σ = exp(γ / 2), γ = log σ², and ε ~ N(0, 1) drawn from this
 * layer's seeded noise generator ({@code noise()}, a new one for each call). The noise enters as
 * a constant, so the codings stay differentiable in μ and γ: ∂z/∂μ = 1 and ∂z/∂γ = ½·σ·ε. The
 * backward pass is that of the ops it is built from.
 *
 * <p>A nabla layer takes one tensor, so Keras's pair {@code [mean, log_var]} comes stacked on
 * axis 1: the input is (n, 2, k), the output (n, k). As the book's layer, it samples in inference
 * too.
 */
final class Sampling extends Layer {
    @Override
    protected void createWeights(int[] shape) {
        codingsSize(shape);
    }

    @Override
    protected Tensor forward(Tensor meanAndLogVar, boolean training) {
        int n = meanAndLogVar.dim(0), k = meanAndLogVar.dim(2);
        Tensor mean = meanAndLogVar.slice(1, 0, 1).reshape(n, k);
        Tensor logVar = meanAndLogVar.slice(1, 1, 2).reshape(n, k);
        Tensor epsilon = Tensor.randn(noise(), n, k);
        return logVar.div(2f).exp().mul(epsilon).add(mean);
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        return new int[] {codingsSize(in)};
    }

    /** k, from the input shape (2, k) without the batch axis. */
    private int codingsSize(int[] shape) {
        if (shape.length != 2 || shape[0] != 2) {
            throw new IllegalArgumentException("layer '" + name() + "' (Sampling) takes the codings' mean and log-variance stacked on axis 1, "
                    + "a shape (2, k) per sample; got " + Shape.str(shape));
        }
        return shape[1];
    }
}
