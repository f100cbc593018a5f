package dev.nabla.exercises.aul;

import dev.nabla.engine.Tensor;
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
 * AUL-5 Exercise 22, a multi-layer autoencoder on gray CIFAR-10:
 * <pre>
 * input_layer = Input(shape=(1024,))
 * hidden_encoding = Dense(512, activation='relu')(input_layer)
 * encoding_stage = Dense(256, activation='relu')(hidden_encoding)
 * hidden_decoding = Dense(512, activation='relu')(encoding_stage)
 * decoding_stage = Dense(1024, activation='sigmoid')(hidden_decoding)
 * autoencoder.compile(loss='binary_crossentropy', optimizer='adadelta'); autoencoder.fit(images, images, epochs=100)
 * </pre>
 * The codes (256) are shown as 16 × 16 images. The CIFAR-10 copy here is JPEG-derived.
 */
public final class DeepCifarAutoencoder extends AulAutoencoder {
    @Override public String id() { return "aul-ex22"; }
    @Override public String title() { return "AUL-5 Ex. 22 multi-layer autoencoder 1024-512-256-512-1024 on gray CIFAR-10"; }
    @Override public Target target() { return Target.loss("loss", 0.5799, 0.03); }
    @Override int epochs() { return 100; }
    @Override Gallery.Shape imageShape() { return Gallery.Shape.gray(32, 32); }
    @Override Gallery.Shape codeShape() { return Gallery.Shape.gray(16, 16); }

    @Override
    Networks build() {
        SymbolicTensor inputLayer = Input.of(1024);
        SymbolicTensor hiddenEncoding = new Dense(512, RELU).apply(inputLayer);
        SymbolicTensor encodingStage = new Dense(256, RELU).apply(hiddenEncoding);
        SymbolicTensor hiddenDecoding = new Dense(512, RELU).apply(encodingStage);
        SymbolicTensor decodingStage = new Dense(1024, SIGMOID).apply(hiddenDecoding);
        return new Networks(new Model(inputLayer, decodingStage), new Model(inputLayer, encodingStage));
    }

    @Override
    Tensor images(Options options) throws Exception {
        return CifarAutoencoder.grayCifar(options);
    }
}
