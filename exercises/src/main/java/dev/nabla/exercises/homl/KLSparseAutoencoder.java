package dev.nabla.exercises.homl;

import dev.nabla.exercises.Target;
import dev.nabla.layers.Dense;
import dev.nabla.layers.Layer;
import dev.nabla.layers.Sequential;

import static dev.nabla.layers.Activation.SIGMOID;

/**
 * HOML-17, sparse autoencoder with the KL-divergence penalty (target sparsity 0.1, weight 0.05):
 * <pre>
 * kld_reg = KLDivergenceRegularizer(weight=0.05, target=0.1)
 * sparse_kl_encoder = Sequential([Flatten(input_shape=[28, 28]), Dense(100, activation="gelu"),
 *                                 Dense(300, activation="sigmoid", activity_regularizer=kld_reg)])
 * </pre>
 */
public final class KLSparseAutoencoder extends SparseAutoencoder {
    @Override public String id() { return "homl-sparse-kl"; }
    @Override public String title() { return "HOML-17 sparse autoencoder, KL-divergence penalty (target 0.1)"; }
    @Override public Target target() { return Target.loss("val_loss", 0.2691, 0.015); }

    @Override
    Sequential sparseEncoder(Layer... head) {
        var kldReg = new KLDivergenceRegularizer(0.05f, 0.1f);
        return new Sequential(head).add(new Dense(300, SIGMOID).activityRegularizer(kldReg));
    }

    @Override
    double[] bookValLoss() {
        return new double[] {0.3010, 0.2893, 0.2818, 0.2779, 0.2755, 0.2736, 0.2721, 0.2710, 0.2702, 0.2691};
    }
}
