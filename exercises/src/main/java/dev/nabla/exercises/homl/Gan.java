package dev.nabla.exercises.homl;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.GradMode;
import dev.nabla.engine.ops.ShapeOps;
import dev.nabla.layers.Sequential;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * HOML-17's {@code gan = Sequential([generator, discriminator])}, trained by the book's
 * {@code train_gan} loop written as the model's training step, as Keras's {@code train_step}:
 * <pre>
 * for X_batch in dataset:
 *     # phase 1 - training the discriminator
 *     noise = tf.random.normal(shape=[batch_size, codings_size])
 *     generated_images = generator(noise)
 *     X_fake_and_real = tf.concat([generated_images, X_batch], axis=0)
 *     y1 = tf.constant([[0.]] * batch_size + [[1.]] * batch_size)
 *     discriminator.trainable = True
 *     discriminator.train_on_batch(X_fake_and_real, y1)
 *     # phase 2 - training the generator
 *     noise = tf.random.normal(shape=[batch_size, codings_size])
 *     y2 = tf.constant([[1.]] * batch_size)
 *     discriminator.trainable = False
 *     gan.train_on_batch(noise, y2)
 * </pre>
 * Compile the discriminator, freeze it, then compile this model, as the book does: each phase
 * then steps only its own network with its own optimizer (the discriminator's in phase 1, this
 * model's, which sees the generator's weights only, in phase 2). The generator runs in training
 * mode in both phases, so its BatchNormalization normalises with the batch's statistics and
 * updates its moving ones twice per step; the discriminator's Dropout is on in both phases, as
 * in the book's {@code train_on_batch}. Phase 1 generates its images without gradients: that
 * phase does not train the generator. The noise comes from the generator given, so that a run
 * is the same bit for bit for the same seed. Logs: "d_loss" (phase 1's) and "g_loss" (phase 2's).
 */
final class Gan extends Sequential {
    private final Sequential generator, discriminator;
    private final int codingsSize;
    private final SplittableRandom random;

    /** The generator must be built: its input shape is the codings size. */
    Gan(Sequential generator, Sequential discriminator, SplittableRandom random) {
        super(generator, discriminator);
        if (!generator.built()) throw new IllegalArgumentException("Gan: build the generator first (inputShape(codings_size))");
        this.generator = generator;
        this.discriminator = discriminator;
        this.codingsSize = generator.inputShape()[0];
        this.random = random;
    }

    /** One batch of real images through both phases; the batch has no targets. */
    @Override
    public Map<String, Double> trainStep(Tensor xBatch, Tensor noTargets) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("d_loss", trainDiscriminator(xBatch));
        logs.put("g_loss", trainGenerator(xBatch.dim(0)));
        return logs;
    }

    /** Phase 1: the discriminator learns to tell generated images (label 0) from real ones (label 1). */
    double trainDiscriminator(Tensor xBatch) {
        int batchSize = xBatch.dim(0);
        Tensor noise = normal(batchSize);
        Tensor generatedImages;
        try (var noGradients = GradMode.noGrad()) {
            generatedImages = generator.call(noise, true);
        }
        Tensor xFakeAndReal = ShapeOps.concat(0, generatedImages, xBatch);
        Tensor y1 = ShapeOps.concat(0, Tensor.zeros(batchSize, 1), Tensor.ones(batchSize, 1));
        discriminator.trainable(true);
        return discriminator.trainStep(xFakeAndReal, y1).get("loss");
    }

    /** Phase 2: the generator learns to make the frozen discriminator call its images real (label 1). */
    double trainGenerator(int batchSize) {
        Tensor noise = normal(batchSize);
        Tensor y2 = Tensor.ones(batchSize, 1);
        discriminator.trainable(false);
        return super.trainStep(noise, y2).get("loss");
    }

    /** {@code tf.random.normal(shape=[batch_size, codings_size])}. */
    private Tensor normal(int batchSize) {
        return Tensor.randn(random, batchSize, codingsSize);
    }
}
