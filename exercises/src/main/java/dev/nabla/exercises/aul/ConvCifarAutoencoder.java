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
 * AUL-5 Exercise 23, a convolutional autoencoder on RGB CIFAR-10 images (11,011 parameters):
 * <pre>
 * input_layer = Input(shape=(32, 32, 3,))
 * hidden_encoding = Conv2D(32, (3, 3), activation='relu', padding='same')(input_layer)
 * encoded = MaxPooling2D((2, 2))(hidden_encoding)
 * hidden_decoding = Conv2D(32, (3, 3), activation='relu', padding='same')(encoded)
 * upsample_decoding = UpSampling2D((2, 2))(hidden_decoding)
 * decoded = Conv2D(3, (3, 3), activation='sigmoid', padding='same')(upsample_decoding)
 * autoencoder.compile(loss='binary_crossentropy', optimizer='adadelta'); autoencoder.fit(images, images, epochs=20)
 * </pre>
 * The codes (16 × 16 × 32) are shown as 256 × 32 images (one row per position, one column per
 * filter). The CIFAR-10 copy here is JPEG-derived.
 */
public final class ConvCifarAutoencoder extends AulAutoencoder {
    @Override public String id() { return "aul-ex23"; }
    @Override public String title() { return "AUL-5 Ex. 23 convolutional autoencoder on RGB CIFAR-10"; }
    @Override public Target target() { return Target.loss("loss", 0.5539, 0.03); }
    @Override int epochs() { return 20; }
    @Override Gallery.Shape imageShape() { return new Gallery.Shape(32, 32, 3); }
    @Override Gallery.Shape codeShape() { return Gallery.Shape.gray(16 * 16, 32); }

    @Override
    Networks build() {
        SymbolicTensor inputLayer = Input.of(32, 32, 3);
        SymbolicTensor hiddenEncoding = new Conv2D(32, 3, "same", RELU).apply(inputLayer);
        SymbolicTensor encoded = new MaxPool2D(2).apply(hiddenEncoding);
        SymbolicTensor hiddenDecoding = new Conv2D(32, 3, "same", RELU).apply(encoded);
        SymbolicTensor upsampleDecoding = new UpSampling2D(2).apply(hiddenDecoding);
        SymbolicTensor decoded = new Conv2D(3, 3, "same", SIGMOID).apply(upsampleDecoding);
        return new Networks(new Model(inputLayer, decoded), new Model(inputLayer, encoded));
    }

    /** {@code data_batch_1} as RGB images / 255, (N, 32, 32, 3). */
    @Override
    Tensor images(Options options) {
        return Data.cifar10Batch1(options).images();
    }
}
