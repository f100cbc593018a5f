package dev.nabla.exercises.aul;

import dev.nabla.datasets.LabeledImages;
import dev.nabla.engine.Tensor;
import dev.nabla.exercises.Exercise;
import dev.nabla.exercises.Gallery;
import dev.nabla.exercises.Options;
import dev.nabla.exercises.Reproduction;
import dev.nabla.exercises.Result;
import dev.nabla.exercises.plot.ImageGrid;
import dev.nabla.layers.History;
import dev.nabla.layers.Sequential;
import dev.nabla.layers.losses.Losses;
import dev.nabla.layers.losses.Metrics;
import dev.nabla.optim.SGD;

import java.util.ArrayList;
import java.util.List;

/**
 * The AUL-5 classifiers: one hidden ReLU layer and a softmax output trained with
 * {@code model.compile(loss='categorical_crossentropy', optimizer='sgd', metrics=['accuracy'])}
 * ('sgd' is Keras 2.2's SGD(lr=0.01)) on flattened images and one-hot labels; the figure is the
 * last epoch's training accuracy, as the book prints it. Pictures: the first images with their
 * labels, and after training the predictions beside the labels.
 */
abstract class ImageClassifier implements Exercise {

    /** The images and labels to train on. */
    abstract LabeledImages data(Options options) throws Exception;

    /** The network input of each image: a flat vector. */
    abstract Tensor features(LabeledImages images);

    abstract Sequential model();

    abstract int epochs();

    /** Epochs the book's notebook had already trained before the run it prints (0: none). */
    int earlierEpochs() {
        return 0;
    }

    /** The first and last epoch of the book's printed run, as it shows them; null when not compared. */
    String bookPrintedRun() {
        return null;
    }

    /** How many images the pictures show. */
    abstract int shown();

    @Override
    public Result run(Reproduction r) throws Exception {
        LabeledImages data = data(r.options());
        int n = Math.min(shown(), data.count());
        LabeledImages first = data.slice(0, n);
        Gallery.Shape shape = Gallery.Shape.gray(data.height(), data.width());
        Tensor x = features(data);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) labels.add(data.classNames().get(first.label(i)));
        new ImageGrid("First " + n + " training images").row("image", Gallery.pictures(features(first), n, shape), labels)
                .write(r.picture("images"));

        Sequential model = model();
        model.compile(Losses.categoricalCrossEntropy(), SGD.keras22(), Metrics.ACCURACY);
        model.printSummary(r.out());
        if (earlierEpochs() > 0) {
            r.say("First the training the book's notebook had already done (%d epochs), then the run it prints:", earlierEpochs());
            r.fit(model, x, data.oneHotLabels(), earlierEpochs());
        }
        History history = r.fit(model, x, data.oneHotLabels(), epochs());
        if (bookPrintedRun() != null) {
            double[] loss = history.get("loss"), accuracy = history.get("accuracy");
            int last = loss.length - 1;
            r.say("printed run: epoch 1 loss %.4f, accuracy %.4f; epoch %d loss %.4f, accuracy %.4f (book: %s)",
                    loss[0], accuracy[0], last + 1, loss[last], accuracy[last], bookPrintedRun());
        }

        Tensor probabilities = model.predict(features(first));
        List<String> verdicts = new ArrayList<>();
        int right = 0;
        for (int i = 0; i < n; i++) {
            int predicted = argmax(probabilities, i);
            right += predicted == first.label(i) ? 1 : 0;
            verdicts.add("true: " + labels.get(i) + "\npred: " + data.classNames().get(predicted) + (predicted == first.label(i) ? " ✓" : " ✗"));
        }
        new ImageGrid("Predictions after training: " + right + " of " + n + " right")
                .row("image", Gallery.pictures(features(first), n, shape), verdicts)
                .write(r.picture("predictions"));
        Gallery.lossCurves(r.picture("loss"), title(), history);
        return r.result(history.last("accuracy"));
    }

    private static int argmax(Tensor p, int row) {
        int best = 0;
        for (int k = 1; k < p.dim(1); k++) if (p.get(row, k) > p.get(row, best)) best = k;
        return best;
    }
}
