package dev.nabla.exercises.homl;

import dev.nabla.datasets.TrainValid;
import dev.nabla.engine.Tensor;
import dev.nabla.exercises.Data;
import dev.nabla.exercises.Exercise;
import dev.nabla.exercises.Gallery;
import dev.nabla.exercises.Reproduction;
import dev.nabla.exercises.Result;
import dev.nabla.exercises.Target;
import dev.nabla.layers.Dense;
import dev.nabla.layers.Flatten;
import dev.nabla.layers.Reshape;
import dev.nabla.layers.Sequential;
import dev.nabla.layers.losses.Losses;
import dev.nabla.optim.Adam;

import static dev.nabla.layers.Activation.GELU;
import static dev.nabla.layers.Activation.SIGMOID;

/**
 * HOML-17, training one autoencoder at a time, then stacking them.
 * <ul>
 *   <li>Phase 1: a shallow autoencoder 784 → Dense(100, gelu) → Dense(784, sigmoid) on the
 *       flattened images; binary cross-entropy, Adam, 10 epochs.</li>
 *   <li>Phase 2: a shallow autoencoder 100 → Dense(30, gelu) → Dense(100, gelu) on phase 1's codes;
 *       the codes are unbounded gelu outputs, so the loss is mean squared error; Adam, 10 epochs.</li>
 *   <li>The four Dense layers stacked: Flatten → enc1 → enc2 → dec2 → dec1 → Reshape(28, 28),
 *       evaluated without fine-tuning; the figure is its validation binary cross-entropy, to
 *       compare with {@code homl-stacked} (0.2746 in the book, trained end to end).</li>
 *   <li>Then, as the book's notebook does, the stack is fine-tuned end to end for 10 epochs
 *       (binary cross-entropy, Adam) and its val_loss printed beside the figure.</li>
 * </ul>
 * (The book's notebook uses SGD with hand-picked learning rates; these settings keep Adam, as the
 * rest of the chapter.)
 */
public final class GreedyLayerwise implements Exercise {
    @Override public String id() { return "homl-greedy"; }
    @Override public String title() { return "HOML-17 greedy layer-wise training: two shallow autoencoders, stacked"; }
    @Override public Target target() { return Target.report("val_loss"); }

    @Override
    public Result run(Reproduction r) throws Exception {
        TrainValid data = Data.fashionMnist(r.options());
        Tensor xTrain = data.train().flatImages(), xValid = data.valid().flatImages();
        r.say("phase 1: 784-100-784 autoencoder on the images (binary cross-entropy, Adam, 10 epochs)");
        var enc1 = new Dense(100, GELU);
        var dec1 = new Dense(28 * 28, SIGMOID);
        var ae1 = new Sequential(enc1, dec1).inputShape(28 * 28);
        ae1.compile(Losses.binaryCrossEntropy(), new Adam());
        r.fit(ae1, xTrain, xTrain, FashionAutoencoder.EPOCHS, xValid, xValid);

        r.say("phase 2: 100-30-100 autoencoder on the phase-1 codes (mean squared error, Adam, 10 epochs)");
        Tensor codesTrain = new Sequential(enc1).predict(xTrain), codesValid = new Sequential(enc1).predict(xValid);
        var enc2 = new Dense(30, GELU);
        var dec2 = new Dense(100, GELU);
        var ae2 = new Sequential(enc2, dec2).inputShape(100);
        ae2.compile(Losses.meanSquaredError(), new Adam());
        r.fit(ae2, codesTrain, codesTrain, FashionAutoencoder.EPOCHS, codesValid, codesValid);

        var stacked = new Sequential(new Flatten(), enc1, enc2, dec2, dec1, new Reshape(28, 28)).inputShape(28, 28);
        stacked.compile(Losses.binaryCrossEntropy(), new Adam());
        stacked.printSummary(r.out());
        Tensor images = data.valid().images();
        double valLoss = stacked.evaluate(images, images).get("loss");
        r.say("stacked autoencoder, no fine-tuning: val_loss %.4f", valLoss);
        Tensor shown = images.slice(0, 0, Math.min(FashionAutoencoder.SHOWN, images.dim(0)));
        Gallery.reconstructions(r.picture("reconstructions"), title() + ", before fine-tuning", shown, stacked.predict(shown),
                FashionAutoencoder.SHOWN, FashionAutoencoder.IMAGE);
        r.say("phase 3: fine-tuning the stack end to end (binary cross-entropy, Adam, 10 epochs)");
        var tuned = r.fit(stacked, data.train().images(), data.train().images(), FashionAutoencoder.EPOCHS, images, images);
        r.say("greedy stack val_loss %.4f, after fine-tuning %.4f (homl-stacked, trained end to end, book: 0.2746)",
                valLoss, tuned.last("val_loss"));
        return r.result(valLoss);
    }
}
