package dev.nabla.bench.training;

import dev.nabla.layers.Activation;
import dev.nabla.layers.Dense;
import dev.nabla.layers.Flatten;
import dev.nabla.layers.Model;
import dev.nabla.layers.Reshape;
import dev.nabla.layers.Sequential;

/**
 * Times epochs of the HOML stacked autoencoder (784-100-30-100-784, gelu, sigmoid output), as the
 * exercise {@code homl-stacked} defines it, with {@link AutoencoderEpochs}' run and arguments:
 * {@code [epochs] [--limit ROWS] [--data DIR]}.
 */
public final class StackedAutoencoderEpoch {
    private StackedAutoencoderEpoch() {}

    public static void main(String[] args) {
        AutoencoderEpochs.run(args, StackedAutoencoderEpoch::model);
    }

    static Model model() {
        Sequential encoder = new Sequential(new Flatten(), new Dense(100, Activation.GELU), new Dense(30, Activation.GELU));
        Sequential decoder = new Sequential(new Dense(100, Activation.GELU), new Dense(784, Activation.SIGMOID), new Reshape(28, 28));
        return new Sequential(encoder, decoder).inputShape(28, 28);
    }
}
