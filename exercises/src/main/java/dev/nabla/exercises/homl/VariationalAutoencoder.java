package dev.nabla.exercises.homl;

import dev.nabla.datasets.LabeledImages;
import dev.nabla.datasets.TrainValid;
import dev.nabla.engine.Tensor;
import dev.nabla.exercises.Gallery;
import dev.nabla.exercises.Reproduction;
import dev.nabla.exercises.Target;
import dev.nabla.exercises.embed.EmbeddingQuality;
import dev.nabla.exercises.embed.Points;
import dev.nabla.exercises.plot.ImageGrid;
import dev.nabla.layers.Dense;
import dev.nabla.layers.Flatten;
import dev.nabla.layers.History;
import dev.nabla.layers.Model;
import dev.nabla.layers.Reshape;
import dev.nabla.layers.Sequential;
import dev.nabla.optim.RMSprop;

import java.util.SplittableRandom;

import static dev.nabla.layers.Activation.SELU;
import static dev.nabla.layers.Activation.SIGMOID;

/**
 * HOML-17, variational autoencoder on Fashion-MNIST (selu, as the book):
 * <pre>
 * codings_size = 10
 * inputs = keras.layers.Input(shape=[28, 28])
 * z = keras.layers.Flatten()(inputs)
 * z = keras.layers.Dense(150, activation="selu")(z)
 * z = keras.layers.Dense(100, activation="selu")(z)
 * codings_mean = keras.layers.Dense(codings_size)(z)
 * codings_log_var = keras.layers.Dense(codings_size)(z)
 * codings = Sampling()([codings_mean, codings_log_var])
 * variational_decoder: Dense(100, selu) → Dense(150, selu) → Dense(28 * 28, sigmoid) → Reshape([28, 28])
 * variational_ae.add_loss(K.mean(latent_loss) / 784.)
 * variational_ae.compile(loss="binary_crossentropy", optimizer="rmsprop")
 * history = variational_ae.fit(X_train, X_train, epochs=25, batch_size=128, validation_data=(X_valid, X_valid))
 * </pre>
 * The encoder is {@link VariationalEncoder} (its heads, {@link Sampling} and the latent loss).
 * The loss is the reconstruction's binary cross-entropy plus the latent loss, in training and
 * validation alike, with codings sampled in both as the book's layer does; the book prints no
 * figure for it, so the run reports its last val_loss. Pictures: validation images over their
 * reconstructions; images the decoder makes from random codings ε ~ N(0, 1), the book's
 * {@code variational_decoder(tf.random.normal(shape=[12, codings_size]))}; the t-SNE map of the
 * validation set's codings means, coloured by class; the loss curves.
 */
public final class VariationalAutoencoder extends FashionAutoencoder {
    private static final int CODINGS_SIZE = 10;
    private static final int VAE_EPOCHS = 25, BATCH_SIZE = 128;
    /** The book's 12 generated images, in rows of 4 ({@code plot_multiple_images(images, 4)}). */
    private static final int GENERATED = 12, PER_ROW = 4;
    /** Neighbours for the class agreement of the map. */
    private static final int K = 5;

    private VariationalEncoder encoder;
    private Sequential decoder;

    @Override public String id() { return "homl-vae"; }
    @Override public String title() { return "HOML-17 variational autoencoder, 10 codings, on Fashion-MNIST"; }
    @Override public Target target() { return Target.report("val_loss"); }

    @Override
    Model build() {
        encoder = new VariationalEncoder(CODINGS_SIZE, 28 * 28, new Flatten(), new Dense(150, SELU), new Dense(100, SELU));
        decoder = new Sequential(new Dense(100, SELU), new Dense(150, SELU), new Dense(28 * 28, SIGMOID), new Reshape(28, 28))
                .named("variational_decoder");
        return new Sequential(encoder, decoder).named("variational_ae").inputShape(28, 28);
    }

    /** RMSprop with Keras's defaults, 25 epochs of batches of 128; prints the encoder's summary before the autoencoder's. */
    @Override
    History compileAndFit(Reproduction r, Model autoencoder, TrainValid data) {
        encoder.printSummary(r.out());
        return train(r, autoencoder, data, new RMSprop(), VAE_EPOCHS, BATCH_SIZE);
    }

    @Override
    void pictures(Reproduction r, Model autoencoder, LabeledImages valid) {
        super.pictures(r, autoencoder, valid);
        generated(r);
        Tensor means = encoder.predictMean(valid.images());
        var codes = new Points(means.toArray(), means.dim(0), CODINGS_SIZE);
        Points map = CodeMap.tsneMap(r, "latent-map", "t-SNE of the VAE's codings means (Fashion-MNIST validation set)", codes, valid);
        r.say("kNN class agreement (k=%d): map %.4f, %d-d codings means %.4f", K,
                EmbeddingQuality.knnAgreement(map, valid.labels(), K), CODINGS_SIZE, EmbeddingQuality.knnAgreement(codes, valid.labels(), K));
    }

    /** Images decoded from codings drawn from the prior N(0, 1), in rows of {@link #PER_ROW}. */
    private void generated(Reproduction r) {
        Tensor codings = Tensor.randn(new SplittableRandom(r.options().seed()), GENERATED, CODINGS_SIZE);
        Tensor images = decoder.predict(codings);
        var grid = new ImageGrid("Fashion-MNIST images generated from random codings (" + id() + ")");
        for (int from = 0; from < GENERATED; from += PER_ROW) {
            grid.row(from == 0 ? "generated" : "", Gallery.pictures(images.slice(0, from, from + PER_ROW), PER_ROW, IMAGE));
        }
        grid.write(r.picture("generated"));
    }
}
