package dev.nabla.exercises.aul;

import dev.nabla.engine.Tensor;
import dev.nabla.exercises.Data;
import dev.nabla.exercises.Gallery;
import dev.nabla.exercises.Options;
import dev.nabla.exercises.Target;
import dev.nabla.layers.Dense;
import dev.nabla.layers.Input;
import dev.nabla.layers.Model;
import dev.nabla.layers.SymbolicTensor;

import static dev.nabla.layers.Activation.RELU;
import static dev.nabla.layers.Activation.SIGMOID;

/**
 * AUL-5 Activity 10, a simple autoencoder on MNIST:
 * <pre>
 * input_stage = Input(shape=(784,))
 * encoding_stage = Dense(100, activation='relu')(input_stage)
 * decoding_stage = Dense(784, activation='sigmoid')(encoding_stage)
 * autoencoder.compile(loss='binary_crossentropy', optimizer='adadelta'); autoencoder.fit(images, images, epochs=100)
 * </pre>
 * The codes (100) are shown as 10 × 10 images.
 */
public final class MnistAutoencoder extends AulAutoencoder {
    @Override public String id() { return "aul-act10"; }
    @Override public String title() { return "AUL-5 Act. 10 simple autoencoder 784-100-784 on MNIST"; }
    @Override public Target target() { return Target.loss("loss", 0.0752, 0.03); }
    @Override int epochs() { return 100; }
    @Override Gallery.Shape imageShape() { return Gallery.Shape.gray(28, 28); }
    @Override Gallery.Shape codeShape() { return Gallery.Shape.gray(10, 10); }

    @Override
    Networks build() {
        SymbolicTensor inputStage = Input.of(784);
        SymbolicTensor encodingStage = new Dense(100, RELU).apply(inputStage);
        SymbolicTensor decodingStage = new Dense(784, SIGMOID).apply(encodingStage);
        return new Networks(new Model(inputStage, decodingStage), new Model(inputStage, encodingStage));
    }

    @Override
    Tensor images(Options options) throws Exception {
        return Data.mnist(options).flatImages();
    }
}
