package dev.nabla.bench.training;

import dev.nabla.layers.Conv2D;
import dev.nabla.layers.Conv2DTranspose;
import dev.nabla.layers.MaxPool2D;
import dev.nabla.layers.Model;
import dev.nabla.layers.Reshape;
import dev.nabla.layers.Sequential;

import static dev.nabla.layers.Activation.GELU;
import static dev.nabla.layers.Activation.SIGMOID;

/**
 * Times epochs of the HOML convolutional autoencoder (three 3×3 'same' Conv2D + MaxPool2D, three
 * 3×3 stride-2 Conv2DTranspose, gelu, sigmoid output), as the exercise {@code homl-conv} defines
 * it, with {@link AutoencoderEpochs}' run and arguments: {@code [epochs] [--limit ROWS] [--data DIR]}.
 */
public final class ConvAutoencoderEpoch {
    private ConvAutoencoderEpoch() {}

    public static void main(String[] args) {
        AutoencoderEpochs.run(args, ConvAutoencoderEpoch::model);
    }

    static Model model() {
        Sequential encoder = new Sequential(new Reshape(28, 28, 1),
                new Conv2D(16, 3, "same", GELU), new MaxPool2D(2),
                new Conv2D(32, 3, "same", GELU), new MaxPool2D(2),
                new Conv2D(64, 3, "same", GELU), new MaxPool2D(2));
        Sequential decoder = new Sequential(
                new Conv2DTranspose(32, 3, 2, "valid", GELU),
                new Conv2DTranspose(16, 3, 2, "same", GELU),
                new Conv2DTranspose(1, 3, 2, "same", SIGMOID),
                new Reshape(28, 28));
        return new Sequential(encoder, decoder).inputShape(28, 28);
    }
}
