package dev.nabla.exercises.homl;

import dev.nabla.datasets.LabeledImages;
import dev.nabla.datasets.TrainValid;
import dev.nabla.engine.Tensor;
import dev.nabla.exercises.Data;
import dev.nabla.exercises.Exercise;
import dev.nabla.exercises.Options;
import dev.nabla.exercises.Reproduction;
import dev.nabla.exercises.Result;
import dev.nabla.exercises.Target;
import dev.nabla.exercises.plot.LinePlot;
import dev.nabla.layers.Dense;
import dev.nabla.layers.History;
import dev.nabla.layers.Sequential;
import dev.nabla.layers.losses.Losses;
import dev.nabla.layers.losses.Metrics;
import dev.nabla.optim.Adam;

import static dev.nabla.layers.Activation.SOFTMAX;

/**
 * HOML-17, unsupervised pretraining: when labels are scarce, train the stacked autoencoder on all
 * images, then reuse its encoder under a softmax head and train on the few labelled images.
 * <p>Settings: the stacked autoencoder as in {@code homl-stacked} (10 epochs on the 55,000
 * training images); then 500 labelled images (the first 500 of the training split), classifier
 * {@code Sequential([stacked_encoder, Dense(10, activation="softmax")])}, categorical
 * cross-entropy, Adam, 20 epochs, all weights trained (the encoder is fine-tuned, not frozen);
 * the same classifier with a freshly initialised encoder is trained the same way. Both are
 * evaluated on the 5,000 validation images; the figure is the accuracy gain of pretraining.
 */
public final class Pretraining implements Exercise {
    static final int LABELS = 500, CLASSIFIER_EPOCHS = 20;

    @Override public String id() { return "homl-pretrain"; }
    @Override public String title() { return "HOML-17 unsupervised pretraining: 500 labels, pretrained encoder vs scratch"; }
    @Override public Target target() { return Target.report("accuracy_gain"); }

    @Override
    public Result run(Options options) throws Exception {
        var r = new Reproduction(this, options);
        TrainValid data = Data.fashionMnist(options);
        r.say("unsupervised phase: stacked autoencoder on %d unlabelled images", data.train().count());
        Sequential pretrained = StackedAutoencoder.encoder();
        FashionAutoencoder.train(r, new Sequential(pretrained, StackedAutoencoder.decoder()).inputShape(28, 28), data);

        LabeledImages labelled = data.train().slice(0, Math.min(LABELS, data.train().count()));
        r.say("supervised phase: %d labelled images, %d epochs", labelled.count(), r.epochs(CLASSIFIER_EPOCHS));
        History withPretraining = trainClassifier(r, pretrained, labelled, data.valid());
        History fromScratch = trainClassifier(r, StackedAutoencoder.encoder(), labelled, data.valid());
        double pre = withPretraining.last("val_accuracy"), scratch = fromScratch.last("val_accuracy");
        r.say("validation accuracy: pretrained encoder %.4f, from scratch %.4f, gain %+.4f", pre, scratch, pre - scratch);
        double[] epochs = new double[withPretraining.epochs()];
        for (int i = 0; i < epochs.length; i++) epochs[i] = i + 1;
        new LinePlot("Validation accuracy with " + labelled.count() + " labels", "epoch", "accuracy")
                .seriesWithMarkers("pretrained encoder", epochs, withPretraining.get("val_accuracy"))
                .seriesWithMarkers("from scratch", epochs, fromScratch.get("val_accuracy"))
                .write(r.picture("accuracy"));
        return r.result(pre - scratch);
    }

    private static History trainClassifier(Reproduction r, Sequential encoder, LabeledImages train, LabeledImages valid) {
        var classifier = new Sequential(encoder, new Dense(10, SOFTMAX)).inputShape(28, 28);
        classifier.compile(Losses.categoricalCrossEntropy(), new Adam(), Metrics.ACCURACY);
        return r.fit(classifier, train.images(), train.oneHotLabels(), CLASSIFIER_EPOCHS, valid.images(), valid.oneHotLabels());
    }
}
