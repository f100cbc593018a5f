package dev.nabla.exercises.homl;

import dev.nabla.exercises.Target;
import dev.nabla.layers.Dense;
import dev.nabla.layers.DenseTranspose;
import dev.nabla.layers.Flatten;
import dev.nabla.layers.Model;
import dev.nabla.layers.Reshape;
import dev.nabla.layers.Sequential;

import static dev.nabla.layers.Activation.GELU;

/**
 * HOML-17, tying weights: the decoder reuses the encoder's kernels transposed (own biases), so
 * the model has about half the parameters of the stacked autoencoder.
 * <pre>
 * dense_1 = Dense(100, activation="gelu"); dense_2 = Dense(30, activation="gelu")
 * tied_encoder = Sequential([Flatten(input_shape=[28, 28]), dense_1, dense_2])
 * tied_decoder = Sequential([DenseTranspose(dense_2, activation="gelu"), DenseTranspose(dense_1, activation="gelu"), Reshape([28, 28])])
 * </pre>
 * The output activation is gelu, not sigmoid, as the exercise text writes it; binary
 * cross-entropy then clips outputs outside [1e-7, 1 − 1e-7], which makes training unstable, as the
 * book's own log shows (val_loss 0.3173 at epoch 8, 0.3436 at epoch 10).
 */
public final class TiedAutoencoder extends FashionAutoencoder {
    @Override public String id() { return "homl-tied"; }
    @Override public String title() { return "HOML-17 tied-weights autoencoder (DenseTranspose) on Fashion-MNIST"; }
    @Override public Target target() { return Target.report("val_loss", 0.3436); }

    @Override
    Model build() {
        var dense1 = new Dense(100, GELU);
        var dense2 = new Dense(30, GELU);
        var tiedEncoder = new Sequential(new Flatten(), dense1, dense2);
        var tiedDecoder = new Sequential(new DenseTranspose(dense2, GELU), new DenseTranspose(dense1, GELU), new Reshape(28, 28));
        return new Sequential(tiedEncoder, tiedDecoder).inputShape(28, 28);
    }

    @Override
    double[] bookValLoss() {
        return new double[] {0.4871, 0.3859, 0.3609, 0.3362, 0.3309, 0.3201, 0.3591, 0.3173, 0.3300, 0.3436};
    }
}
