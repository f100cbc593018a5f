package dev.nabla.exercises.homl;

import dev.nabla.exercises.Target;
import dev.nabla.layers.ActivityRegularization;
import dev.nabla.layers.Dense;
import dev.nabla.layers.Layer;
import dev.nabla.layers.Sequential;

import static dev.nabla.layers.Activation.SIGMOID;

/**
 * HOML-17, sparse autoencoder with an ℓ1 activity penalty (the book gives no run: the val_loss and
 * the mean coding activation are reported):
 * <pre>
 * sparse_l1_encoder = Sequential([Flatten(input_shape=[28, 28]), Dense(100, activation="gelu"),
 *                                 Dense(300, activation="sigmoid"), ActivityRegularization(l1=1e-3)])
 * </pre>
 */
public final class L1SparseAutoencoder extends SparseAutoencoder {
    @Override public String id() { return "homl-sparse-l1"; }
    @Override public String title() { return "HOML-17 sparse autoencoder, l1 activity penalty on 300 sigmoid codings"; }
    @Override public Target target() { return Target.report("val_loss"); }

    @Override
    Sequential sparseEncoder(Layer... head) {
        return new Sequential(head).add(new Dense(300, SIGMOID)).add(new ActivityRegularization(1e-3f, 0f));
    }
}
