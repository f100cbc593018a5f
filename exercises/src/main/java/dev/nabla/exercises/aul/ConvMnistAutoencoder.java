package dev.nabla.exercises.aul;

import dev.nabla.engine.Tensor;
import dev.nabla.exercises.Data;
import dev.nabla.exercises.Gallery;
import dev.nabla.exercises.Options;
import dev.nabla.exercises.Target;
import dev.nabla.layers.Conv2D;
import dev.nabla.layers.Input;
import dev.nabla.layers.MaxPool2D;
import dev.nabla.layers.Model;
import dev.nabla.layers.SymbolicTensor;
import dev.nabla.layers.UpSampling2D;

import static dev.nabla.layers.Activation.RELU;
import static dev.nabla.layers.Activation.SIGMOID;

/**
 * AUL-5 Activity 11, a convolutional autoencoder on MNIST (2,625 parameters):
 * <pre>
 * input_layer = Input(shape=(28, 28, 1,))
 * hidden_encoding = Conv2D(16, (3, 3), activation='relu', padding='same')(input_layer)
 * encoded = MaxPooling2D((2, 2))(hidden_encoding)
 * hidden_decoding = Conv2D(16, (3, 3), activation='relu', padding='same')(encoded)
 * upsample_decoding = UpSampling2D((2, 2))(hidden_decoding)
 * decoded = Conv2D(1, (3, 3), activation='sigmoid', padding='same')(upsample_decoding)
 * autoencoder.compile(loss='binary_crossentropy', optimizer='adadelta'); autoencoder.fit(images, images, epochs=20)
 * </pre>
 * The codes (14 × 14 × 16) are shown as 196 × 16 images.
 */
public final class ConvMnistAutoencoder extends AulAutoencoder {
    @Override public String id() { return "aul-act11"; }
    @Override public String title() { return "AUL-5 Act. 11 convolutional autoencoder on MNIST"; }
    @Override public Target target() { return Target.loss("loss", 0.0635, 0.03); }
    @Override int epochs() { return 20; }
    @Override Gallery.Shape imageShape() { return Gallery.Shape.gray(28, 28); }
    @Override Gallery.Shape codeShape() { return Gallery.Shape.gray(14 * 14, 16); }

    @Override
    Networks build() {
        SymbolicTensor inputLayer = Input.of(28, 28, 1);
        SymbolicTensor hiddenEncoding = new Conv2D(16, 3, "same", RELU).apply(inputLayer);
        SymbolicTensor encoded = new MaxPool2D(2).apply(hiddenEncoding);
        SymbolicTensor hiddenDecoding = new Conv2D(16, 3, "same", RELU).apply(encoded);
        SymbolicTensor upsampleDecoding = new UpSampling2D(2).apply(hiddenDecoding);
        SymbolicTensor decoded = new Conv2D(1, 3, "same", SIGMOID).apply(upsampleDecoding);
        return new Networks(new Model(inputLayer, decoded), new Model(inputLayer, encoded));
    }

    /** {@code mnist.pkl} / 255 with a channel axis, (N, 28, 28, 1). */
    @Override
    Tensor images(Options options) {
        var mnist = Data.mnist(options);
        return mnist.images().reshape(mnist.count(), 28, 28, 1);
    }
}
