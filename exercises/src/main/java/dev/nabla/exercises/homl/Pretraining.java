package dev.nabla.exercises.homl;

import dev.nabla.datasets.LabeledImages;
import dev.nabla.datasets.TrainValid;
import dev.nabla.exercises.Data;
import dev.nabla.exercises.Exercise;
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

import java.util.Arrays;

import static dev.nabla.layers.Activation.SOFTMAX;

/**
 * HOML-17, unsupervised pretraining: when labels are scarce, train the stacked autoencoder on all
 * images, then reuse its encoder under a softmax head and train on the few labelled images.
 * <p>Settings: the stacked autoencoder as in {@code homl-stacked} (10 epochs on the 55,000
 * training images); then 500 labelled images (the first 500 of the training split) and the
 * classifier {@code Sequential([stacked_encoder, Dense(10, activation="softmax")])} with
 * categorical cross-entropy and Adam. As HOML advises when reusing layers, the new head is first
 * trained alone for 10 epochs with the encoder frozen (here: on the encoder's codes), then the
 * whole classifier is fine-tuned for 10 epochs. The same classifier with a freshly initialised
 * encoder is trained for the same 20 epochs. Both are evaluated on the 5,000 validation images;
 * the figure is the accuracy gain of pretraining.
 */
public final class Pretraining implements Exercise {
    static final int LABELS = 500, PHASE_EPOCHS = 10;

    @Override public String id() { return "homl-pretrain"; }
    @Override public String title() { return "HOML-17 unsupervised pretraining: 500 labels, pretrained encoder vs scratch"; }
    @Override public Target target() { return Target.report("accuracy_gain"); }

    @Override
    public Result run(Reproduction r) throws Exception {
        TrainValid data = Data.fashionMnist(r.options());
        r.say("unsupervised phase: stacked autoencoder on %d unlabelled images", data.train().count());
        Sequential stackedEncoder = StackedAutoencoder.encoder();
        FashionAutoencoder.train(r, new Sequential(stackedEncoder, StackedAutoencoder.decoder()).inputShape(28, 28), data);

        LabeledImages labelled = data.train().slice(0, Math.min(LABELS, data.train().count()));
        LabeledImages valid = data.valid();
        r.say("supervised phase with %d labelled images", labelled.count());

        r.say("pretrained, 1/2: the softmax head alone on the frozen encoder's codes");
        var head = new Dense(10, SOFTMAX);
        var headOnly = new Sequential(head).inputShape(30);
        headOnly.compile(Losses.categoricalCrossEntropy(), new Adam(), Metrics.ACCURACY);
        History frozen = r.fit(headOnly, stackedEncoder.predict(labelled.images()), labelled.oneHotLabels(), PHASE_EPOCHS,
                stackedEncoder.predict(valid.images()), valid.oneHotLabels());
        r.say("pretrained, 2/2: fine-tuning encoder and head together");
        History tuned = train(r, new Sequential(stackedEncoder, head).inputShape(28, 28), labelled, valid);

        r.say("from scratch: the same classifier, freshly initialised, for as many epochs");
        var scratchModel = new Sequential(StackedAutoencoder.encoder(), new Dense(10, SOFTMAX)).inputShape(28, 28);
        History scratchFirst = train(r, scratchModel, labelled, valid);
        History scratchSecond = continueTraining(r, scratchModel, labelled, valid);

        double pre = tuned.last("val_accuracy"), scratch = scratchSecond.last("val_accuracy");
        r.say("validation accuracy: frozen encoder %.4f, fine-tuned %.4f, from scratch %.4f; gain %+.4f",
                frozen.last("val_accuracy"), pre, scratch, pre - scratch);
        new LinePlot("Validation accuracy with " + labelled.count() + " labels", "epoch", "accuracy")
                .seriesWithMarkers("pretrained encoder (frozen, then fine-tuned)", epochs(frozen, tuned), concat(frozen, tuned))
                .seriesWithMarkers("from scratch", epochs(scratchFirst, scratchSecond), concat(scratchFirst, scratchSecond))
                .write(r.picture("accuracy"));
        return r.result(pre - scratch);
    }

    private static History train(Reproduction r, Sequential classifier, LabeledImages train, LabeledImages valid) {
        classifier.compile(Losses.categoricalCrossEntropy(), new Adam(), Metrics.ACCURACY);
        return continueTraining(r, classifier, train, valid);
    }

    private static History continueTraining(Reproduction r, Sequential classifier, LabeledImages train, LabeledImages valid) {
        return r.fit(classifier, train.images(), train.oneHotLabels(), PHASE_EPOCHS, valid.images(), valid.oneHotLabels());
    }

    private static double[] concat(History first, History second) {
        double[] a = first.get("val_accuracy"), b = second.get("val_accuracy");
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[] epochs(History first, History second) {
        double[] e = new double[first.epochs() + second.epochs()];
        for (int i = 0; i < e.length; i++) e[i] = i + 1;
        return e;
    }
}
