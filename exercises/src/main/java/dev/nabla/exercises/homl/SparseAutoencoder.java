package dev.nabla.exercises.homl;

import dev.nabla.datasets.LabeledImages;
import dev.nabla.engine.Tensor;
import dev.nabla.exercises.Reproduction;
import dev.nabla.exercises.plot.Histogram;
import dev.nabla.layers.Dense;
import dev.nabla.layers.Flatten;
import dev.nabla.layers.Layer;
import dev.nabla.layers.Model;
import dev.nabla.layers.Reshape;
import dev.nabla.layers.Sequential;

import static dev.nabla.layers.Activation.GELU;
import static dev.nabla.layers.Activation.SIGMOID;

/**
 * HOML-17 sparse autoencoders: a 300-unit sigmoid coding layer with a sparsity penalty. Besides
 * the reconstructions, prints the mean coding activation on the validation set and draws the
 * histograms of the coding activations and of each coding unit's mean activation.
 */
abstract class SparseAutoencoder extends FashionAutoencoder {
    private Sequential encoder;

    /** The encoder: Flatten → Dense(100, gelu) → Dense(300, sigmoid) with its sparsity penalty. */
    abstract Sequential sparseEncoder(Layer... head);

    @Override
    Model build() {
        encoder = sparseEncoder(new Flatten(), new Dense(100, GELU));
        var decoder = new Sequential(new Dense(100, GELU), new Dense(28 * 28, SIGMOID), new Reshape(28, 28));
        return new Sequential(encoder, decoder).inputShape(28, 28);
    }

    @Override
    void pictures(Reproduction r, Model autoencoder, LabeledImages valid) {
        super.pictures(r, autoencoder, valid);
        Tensor codings = encoder.predict(valid.images());     // (n, 300)
        float[] all = codings.toArray();
        float[] perUnit = codings.mean(false, 0).toArray();   // each unit's mean activation
        double mean = 0;
        for (float v : all) mean += v;
        mean /= all.length;
        int sparse = 0;
        for (float v : perUnit) if (v < 0.1f) sparse++;
        r.say("mean coding activation on the validation set: %.4f", mean);
        r.say("coding units with mean activation below 0.1: %d of %d", sparse, perUnit.length);
        new Histogram("Coding activations on the validation set (" + id() + ")", "activation", "count", 50).write(r.picture("activations"), all, 0, 1);
        new Histogram("Mean activation per coding unit (" + id() + ")", "mean activation", "units", 50).write(r.picture("mean-activations"), perUnit, 0, 1);
    }
}
