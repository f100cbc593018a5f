package dev.nabla.exercises.aul;

import dev.nabla.exercises.Gallery;
import dev.nabla.layers.Conv2D;
import dev.nabla.layers.Input;
import dev.nabla.layers.MaxPool2D;
import dev.nabla.layers.Model;
import dev.nabla.layers.SymbolicTensor;
import dev.nabla.layers.UpSampling2D;

import static dev.nabla.layers.Activation.RELU;
import static dev.nabla.layers.Activation.SIGMOID;

/**
 * The AUL-5 convolutional autoencoder, which the book writes twice, for MNIST and for CIFAR-10,
 * with only the image size, the channels and the number of filters changed:
 * <pre>
 * input_layer = Input(shape=(H, W, C,))
 * hidden_encoding = Conv2D(F, (3, 3), activation='relu', padding='same')(input_layer)
 * encoded = MaxPooling2D((2, 2))(hidden_encoding)
 * hidden_decoding = Conv2D(F, (3, 3), activation='relu', padding='same')(encoded)
 * upsample_decoding = UpSampling2D((2, 2))(hidden_decoding)
 * decoded = Conv2D(C, (3, 3), activation='sigmoid', padding='same')(upsample_decoding)
 * autoencoder.compile(loss='binary_crossentropy', optimizer='adadelta'); autoencoder.fit(images, images, epochs=20)
 * </pre>
 * The codes (H/2 × W/2 × F) are shown as (H/2·W/2) × F images: one row per position, one column
 * per filter.
 */
abstract class ConvolutionalAulAutoencoder extends AulAutoencoder {
    private final int height, width, channels, filters;

    ConvolutionalAulAutoencoder(int height, int width, int channels, int filters) {
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.filters = filters;
    }

    @Override int epochs() { return 20; }
    @Override Gallery.Shape imageShape() { return new Gallery.Shape(height, width, channels); }
    @Override Gallery.Shape codeShape() { return Gallery.Shape.gray(height / 2 * (width / 2), filters); }

    @Override
    Networks build() {
        SymbolicTensor inputLayer = Input.of(height, width, channels);
        SymbolicTensor hiddenEncoding = new Conv2D(filters, 3, "same", RELU).apply(inputLayer);
        SymbolicTensor encoded = new MaxPool2D(2).apply(hiddenEncoding);
        SymbolicTensor hiddenDecoding = new Conv2D(filters, 3, "same", RELU).apply(encoded);
        SymbolicTensor upsampleDecoding = new UpSampling2D(2).apply(hiddenDecoding);
        SymbolicTensor decoded = new Conv2D(channels, 3, "same", SIGMOID).apply(upsampleDecoding);
        return new Networks(new Model(inputLayer, decoded), new Model(inputLayer, encoded));
    }
}
