package dev.nabla.exercises.homl;

import dev.nabla.engine.Tensor;
import dev.nabla.exercises.Data;
import dev.nabla.exercises.Exercise;
import dev.nabla.exercises.Gallery;
import dev.nabla.exercises.Reproduction;
import dev.nabla.exercises.Result;
import dev.nabla.exercises.Target;
import dev.nabla.exercises.plot.ImageGrid;
import dev.nabla.exercises.plot.Picture;
import dev.nabla.layers.BatchNormalization;
import dev.nabla.layers.Callback;
import dev.nabla.layers.Conv2D;
import dev.nabla.layers.Conv2DTranspose;
import dev.nabla.layers.Dense;
import dev.nabla.layers.Dropout;
import dev.nabla.layers.Flatten;
import dev.nabla.layers.History;
import dev.nabla.layers.LeakyReLU;
import dev.nabla.layers.Reshape;
import dev.nabla.layers.Sequential;
import dev.nabla.layers.losses.Losses;
import dev.nabla.optim.RMSprop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.nabla.layers.Activation.LINEAR;
import static dev.nabla.layers.Activation.SELU;
import static dev.nabla.layers.Activation.SIGMOID;
import static dev.nabla.layers.Activation.TANH;

/**
 * HOML-17, the deep convolutional GAN on Fashion-MNIST (its 55,000 training images scaled to
 * [−1, 1] for the generator's tanh):
 * <pre>
 * generator = Sequential([Dense(7 * 7 * 128, input_shape=[codings_size]), Reshape([7, 7, 128]), BatchNormalization(),
 *     Conv2DTranspose(64, kernel_size=5, strides=2, padding="same", activation="selu"), BatchNormalization(),
 *     Conv2DTranspose(1, kernel_size=5, strides=2, padding="same", activation="tanh")])
 * discriminator = Sequential([
 *     Conv2D(64, kernel_size=5, strides=2, padding="same", activation=LeakyReLU(0.2), input_shape=[28, 28, 1]), Dropout(0.4),
 *     Conv2D(128, kernel_size=5, strides=2, padding="same", activation=LeakyReLU(0.2)), Dropout(0.4),
 *     Flatten(), Dense(1, activation="sigmoid")])
 * gan = Sequential([generator, discriminator])
 * discriminator.compile(loss="binary_crossentropy", optimizer="rmsprop")
 * discriminator.trainable = False
 * gan.compile(loss="binary_crossentropy", optimizer="rmsprop")
 * X_train_dcgan = X_train.reshape(-1, 28, 28, 1) * 2. - 1.
 * dataset = tf.data.Dataset.from_tensor_slices(X_train_dcgan).shuffle(1000).batch(batch_size, drop_remainder=True)
 * train_gan(gan, dataset, batch_size, codings_size)
 * </pre>
 * The training loop is {@link Gan}'s step, the data set {@link ShuffleBuffer}. Keras's
 * {@code activation=LeakyReLU(0.2)} is a {@link LeakyReLU} layer after a linear convolution here
 * (the same function; the summary shows it as its own row).
 *
 * <p>Epochs: the book trains 50 ({@code train_gan}'s default {@code n_epochs=50}; Figure 17-16
 * shows the images "after 50 epochs of training"). An epoch here (1,718 batches of 32) takes
 * about 400 s on the 2-core development machine (0.25 s per batch on 250 batches; 422, 398 and
 * 342 s for the epochs of the full run the machine had to itself, 677 s for one beside another
 * build), so 50 would take about 5.5 hours; the default is {@value #EPOCHS} epochs, the most that
 * fit in about 30 minutes (the full run took 31). {@code --epochs 50} runs the book's length.
 *
 * <p>The figure (verdict REPORT: the book prints no loss) is the last epoch's mean discriminator
 * loss, {@code d_loss}; ln 2 ≈ 0.69 would mean the discriminator cannot tell the generated
 * images from real ones, near 0 that it always can. Pictures: the generator's images for the
 * same {@value #SHOWN} codings after every epoch, one row per epoch, over real images; the
 * last epoch's images for {@value #GRID} codings in rows of 8 (as Figure 17-16); the per-epoch
 * losses of both networks.
 */
public final class Dcgan implements Exercise {
    static final int CODINGS_SIZE = 100, BATCH_SIZE = 32, SHUFFLE_BUFFER = 1000;
    /** The book's 50 would take about 5.5 hours here; 4 take about half an hour. */
    static final int EPOCHS = 4;
    /** Generated images per epoch in the epochs picture, and in the last epoch's grid. */
    static final int SHOWN = 8, GRID = 32;
    private static final Gallery.Shape IMAGE = Gallery.Shape.gray(28, 28);

    @Override public String id() { return "homl-dcgan"; }
    @Override public String title() { return "HOML-17 DCGAN on Fashion-MNIST"; }
    @Override public Target target() { return Target.report("d_loss"); }

    static Sequential generator() {
        return new Sequential(new Dense(7 * 7 * 128), new Reshape(7, 7, 128), new BatchNormalization(),
                new Conv2DTranspose(64, 5, 2, "same", SELU), new BatchNormalization(),
                new Conv2DTranspose(1, 5, 2, "same", TANH)).inputShape(CODINGS_SIZE);
    }

    static Sequential discriminator() {
        return new Sequential(
                new Conv2D(64, 5, 2, "same", LINEAR), new LeakyReLU(0.2f), new Dropout(0.4f),
                new Conv2D(128, 5, 2, "same", LINEAR), new LeakyReLU(0.2f), new Dropout(0.4f),
                new Flatten(), new Dense(1, SIGMOID)).inputShape(28, 28, 1);
    }

    /** {@code gan = Sequential([generator, discriminator])}, compiled as the book compiles it; the noise of training comes from {@code random}. */
    static Gan compiledGan(Sequential generator, Sequential discriminator, SplittableRandom random) {
        Gan gan = new Gan(generator, discriminator, random);
        discriminator.compile(Losses.binaryCrossEntropy(), new RMSprop());
        discriminator.trainable(false);
        gan.compile(Losses.binaryCrossEntropy(), new RMSprop());
        return gan;
    }

    @Override
    public Result run(Reproduction r) {
        Tensor xTrain = Data.fashionMnist(r.options()).train().images();
        Tensor xTrainDcgan = xTrain.reshape(-1, 28, 28, 1).mul(2f).sub(1f);
        SplittableRandom random = new SplittableRandom(r.options().seed());
        Sequential generator = generator(), discriminator = discriminator();
        generator.printSummary(r.out());
        discriminator.printSummary(r.out());
        Gan gan = compiledGan(generator, discriminator, random.split());
        var dataset = new ShuffleBuffer(xTrainDcgan, SHUFFLE_BUFFER, BATCH_SIZE, random.split());
        var samples = new EpochSamples(generator, Tensor.randn(random.split(), GRID, CODINGS_SIZE));
        History history = r.fit(gan, dataset, EPOCHS, "d_loss", samples);

        pictures(r, samples.perEpoch, xTrainDcgan.slice(0, 0, SHOWN), history);
        r.say("d_loss per epoch %s", FashionAutoencoder.epochFigures(history.get("d_loss")));
        r.say("g_loss per epoch %s", FashionAutoencoder.epochFigures(history.get("g_loss")));
        return r.result(history.last("d_loss"));
    }

    /** The epochs picture (over the real images given), the last epoch's grid, and the loss curves. */
    private void pictures(Reproduction r, List<List<Picture>> perEpoch, Tensor real, History history) {
        var epochs = new ImageGrid(title() + ": the same codings after each epoch");
        for (int e = 0; e < perEpoch.size(); e++) epochs.row("epoch " + (e + 1), perEpoch.get(e).subList(0, SHOWN));
        epochs.row("real", Gallery.pictures(shown(real), SHOWN, IMAGE)).write(r.picture("epochs"));
        var last = new ImageGrid(title() + ": after epoch " + perEpoch.size());
        for (int from = 0; from < GRID; from += SHOWN) last.row("", perEpoch.getLast().subList(from, from + SHOWN));
        last.write(r.picture("generated"));
        Gallery.curves(r.picture("loss"), title() + ": mean loss per epoch", history, "d_loss", "g_loss");
    }

    /** Images in [−1, 1] (the generator's tanh) as pictures' [0, 1]. */
    private static Tensor shown(Tensor images) {
        return images.add(1f).mul(0.5f);
    }

    /** After each epoch, the generator's images for fixed codings, in inference mode (as the book's {@code generator(noise)}). */
    private static final class EpochSamples implements Callback {
        private final Sequential generator;
        private final Tensor codings;
        private final List<List<Picture>> perEpoch = new ArrayList<>();

        EpochSamples(Sequential generator, Tensor codings) {
            this.generator = generator;
            this.codings = codings;
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            perEpoch.add(Gallery.pictures(shown(generator.predict(codings)), GRID, IMAGE));
        }
    }
}
