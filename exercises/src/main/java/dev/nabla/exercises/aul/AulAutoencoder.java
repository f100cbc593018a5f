package dev.nabla.exercises.aul;

import dev.nabla.engine.Tensor;
import dev.nabla.exercises.Exercise;
import dev.nabla.exercises.Gallery;
import dev.nabla.exercises.Options;
import dev.nabla.exercises.Reproduction;
import dev.nabla.exercises.Result;
import dev.nabla.layers.History;
import dev.nabla.layers.Model;
import dev.nabla.layers.losses.Losses;
import dev.nabla.optim.Adadelta;

/**
 * The run shared by the AUL-5 autoencoders: the book builds them with the functional API,
 * <pre>
 * autoencoder = Model(input_layer, output); encoder = Model(input_layer, encoding)
 * autoencoder.compile(loss='binary_crossentropy', optimizer='adadelta')   # Keras 2.2: Adadelta(lr=1.0)
 * autoencoder.fit(images, images, epochs=…)
 * </pre>
 * The figure is the last epoch's training loss (the book trains without validation data). The
 * picture shows the first ten images, their codes drawn as images and the reconstructions.
 */
abstract class AulAutoencoder implements Exercise {
    static final int SHOWN = 10;

    /** The trained pair: the autoencoder and the encoder that shares its first layers. */
    record Networks(Model autoencoder, Model encoder) {}

    abstract Networks build();

    /** The training images in the shape the input layer takes. */
    abstract Tensor images(Options options) throws Exception;

    abstract int epochs();

    abstract Gallery.Shape imageShape();

    abstract Gallery.Shape codeShape();

    @Override
    public Result run(Reproduction r) throws Exception {
        Tensor images = images(r.options());
        Networks net = build();
        net.autoencoder().compile(Losses.binaryCrossEntropy(), Adadelta.keras22());
        net.autoencoder().printSummary(r.out());
        History history = r.fit(net.autoencoder(), images, images, epochs());
        Tensor shown = images.slice(0, 0, Math.min(SHOWN, images.dim(0)));
        Gallery.withCodes(r.picture("codes"), title(), shown, net.encoder().predict(shown), net.autoencoder().predict(shown),
                SHOWN, imageShape(), codeShape());
        Gallery.lossCurves(r.picture("loss"), title(), history);
        return r.result(history.last("loss"));
    }
}
