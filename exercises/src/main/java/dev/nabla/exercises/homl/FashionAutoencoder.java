package dev.nabla.exercises.homl;

import dev.nabla.datasets.LabeledImages;
import dev.nabla.datasets.TrainValid;
import dev.nabla.engine.Tensor;
import dev.nabla.exercises.Data;
import dev.nabla.exercises.Exercise;
import dev.nabla.exercises.Gallery;
import dev.nabla.exercises.Reproduction;
import dev.nabla.exercises.Result;
import dev.nabla.layers.Fit;
import dev.nabla.layers.History;
import dev.nabla.layers.Model;
import dev.nabla.layers.losses.Losses;
import dev.nabla.optim.Adam;
import dev.nabla.optim.Optimizer;

import java.util.Locale;

/**
 * The run shared by the HOML-17 autoencoders: Fashion-MNIST split 55,000 / 5,000, scaled to
 * [0, 1]; {@code compile(loss="binary_crossentropy", optimizer=Adam())};
 * {@code fit(X_train, X_train, epochs=10, validation_data=(X_valid, X_valid))}; the figure is the
 * last epoch's {@code val_loss}. Subclasses give the model ({@link #build()}) and may add pictures
 * or train as their book does ({@link #compileAndFit}).
 */
abstract class FashionAutoencoder implements Exercise {
    static final int EPOCHS = 10;
    static final Gallery.Shape IMAGE = Gallery.Shape.gray(28, 28);
    /** HOML's {@code plot_reconstructions} shows five validation images. */
    static final int SHOWN = 5;

    /** The autoencoder, written as the book's Keras code. */
    abstract Model build();

    @Override
    public Result run(Reproduction r) throws Exception {
        TrainValid data = Data.fashionMnist(r.options());
        Model autoencoder = build();
        History history = compileAndFit(r, autoencoder, data);
        pictures(r, autoencoder, data.valid());
        Gallery.lossCurves(r.picture("loss"), title(), history, bookValLoss());
        if (bookValLoss() != null) {
            r.say("val_loss per epoch %s (book %s)", epochFigures(history.get("val_loss")), epochFigures(bookValLoss()));
        }
        return r.result(history.last("val_loss"));
    }

    /** The book's val_loss per epoch, from its printed log; null where the book shows no run. */
    double[] bookValLoss() {
        return null;
    }

    /** "0.2754 0.2677 …": per-epoch figures to four decimals. */
    static String epochFigures(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) sb.append(sb.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.4f", v));
        return sb.toString();
    }

    /** The book's compile and fit of the autoencoder; {@link #train(Reproduction, Model, TrainValid)} unless the book trains otherwise. */
    History compileAndFit(Reproduction r, Model autoencoder, TrainValid data) {
        return train(r, autoencoder, data);
    }

    /** Compiles with binary cross-entropy and Adam, prints the summary, and fits X → X for 10 epochs of batches of 32. */
    static History train(Reproduction r, Model autoencoder, TrainValid data) {
        return train(r, autoencoder, data, new Adam(), EPOCHS, Fit.DEFAULT_BATCH_SIZE);
    }

    /** Compiles with binary cross-entropy and this optimizer, prints the summary, and fits X → X. */
    static History train(Reproduction r, Model autoencoder, TrainValid data, Optimizer optimizer, int epochs, int batchSize) {
        Tensor xTrain = data.train().images(), xValid = data.valid().images();
        autoencoder.compile(Losses.binaryCrossEntropy(), optimizer);
        autoencoder.printSummary(r.out());
        return r.fit(autoencoder, xTrain, xTrain, epochs, batchSize, xValid, xValid);
    }

    /** Originals over reconstructions of the first validation images. */
    void pictures(Reproduction r, Model autoencoder, LabeledImages valid) {
        Tensor xValid = valid.images();
        Tensor shown = xValid.slice(0, 0, Math.min(SHOWN, xValid.dim(0)));
        Gallery.reconstructions(r.picture("reconstructions"), title(), shown, autoencoder.predict(shown), SHOWN, IMAGE);
    }
}
