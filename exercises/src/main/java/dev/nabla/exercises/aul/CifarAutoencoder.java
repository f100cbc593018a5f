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
 * AUL-5 Exercise 21, a simple autoencoder on gray CIFAR-10 images:
 * <pre>
 * input_stage = Input(shape=(1024,))
 * encoding_stage = Dense(256, activation='relu')(input_stage)
 * decoding_stage = Dense(1024, activation='sigmoid')(encoding_stage)
 * autoencoder = Model(input_stage, decoding_stage); encoder = Model(input_stage, encoding_stage)
 * autoencoder.fit(images, images, epochs=100)
 * </pre>
 * The codes (256) are shown as 16 × 16 images. The CIFAR-10 copy here is JPEG-derived.
 */
public final class CifarAutoencoder extends AulAutoencoder {
    @Override public String id() { return "aul-ex21"; }
    @Override public String title() { return "AUL-5 Ex. 21 simple autoencoder 1024-256-1024 on gray CIFAR-10"; }
    @Override public Target target() { return Target.loss("loss", 0.5775, 0.03); }
    @Override int epochs() { return 100; }
    @Override Gallery.Shape imageShape() { return Gallery.Shape.gray(32, 32); }
    @Override Gallery.Shape codeShape() { return Gallery.Shape.gray(16, 16); }

    @Override
    Networks build() {
        SymbolicTensor inputStage = Input.of(1024);
        SymbolicTensor encodingStage = new Dense(256, RELU).apply(inputStage);
        SymbolicTensor decodingStage = new Dense(1024, SIGMOID).apply(encodingStage);
        return new Networks(new Model(inputStage, decodingStage), new Model(inputStage, encodingStage));
    }

    @Override
    Tensor images(Options options) throws Exception {
        return grayCifar(options);
    }

    /** {@code data_batch_1} as gray levels (mean of R, G, B) / 255, flattened to 1024 features. */
    static Tensor grayCifar(Options options) throws Exception {
        var cifar = Data.cifar10Batch1(options);
        return cifar.grayImages().reshape(cifar.count(), 32 * 32);
    }
}
