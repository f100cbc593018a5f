package dev.nabla.exercises.homl;

import dev.nabla.datasets.LabeledImages;
import dev.nabla.datasets.TrainValid;
import dev.nabla.engine.Tensor;
import dev.nabla.exercises.Data;
import dev.nabla.exercises.Exercise;
import dev.nabla.exercises.Reproduction;
import dev.nabla.exercises.Result;
import dev.nabla.exercises.Target;
import dev.nabla.exercises.embed.EmbeddingQuality;
import dev.nabla.exercises.embed.KMeans;
import dev.nabla.exercises.embed.Points;
import dev.nabla.exercises.embed.TSne;
import dev.nabla.exercises.plot.ScatterPlot;
import dev.nabla.layers.Sequential;

/**
 * HOML-17, visualising Fashion-MNIST with the stacked autoencoder: train it as in
 * {@code homl-stacked}, encode the validation set to 30 dimensions, and map the codes to 2-D with
 * t-SNE:
 * <pre>
 * X_valid_compressed = stacked_encoder.predict(X_valid)
 * X_valid_2D = TSNE().fit_transform(X_valid_compressed)
 * plt.scatter(X_valid_2D[:, 0], X_valid_2D[:, 1], c=y_valid, s=10, cmap="tab10")
 * </pre>
 * The book judges the map by eye ("clusters that match the classes"); this run measures it:
 * trustworthiness (k = 5, the figure), the 5-nearest-neighbour class agreement in the map and in
 * the 30-d code space, and the purity of K-means (k = 10) clusters of the codes.
 */
public final class CodeMap implements Exercise {
    private static final int K = 5;

    @Override public String id() { return "homl-tsne"; }
    @Override public String title() { return "HOML-17 t-SNE map of the stacked encoder's 30-d codes of X_valid"; }
    @Override public Target target() { return Target.report("trustworthiness"); }

    @Override
    public Result run(Reproduction r) throws Exception {
        TrainValid data = Data.fashionMnist(r.options());
        Sequential stackedEncoder = StackedAutoencoder.encoder();
        var stackedAe = new Sequential(stackedEncoder, StackedAutoencoder.decoder()).inputShape(28, 28);
        FashionAutoencoder.train(r, stackedAe, data);

        Tensor codes = stackedEncoder.predict(data.valid().images());
        int n = codes.dim(0);
        var compressed = new Points(codes.toArray(), n, codes.dim(1));
        int[] classes = data.valid().labels();
        Points map = tsneMap(r, "tsne", "t-SNE of the stacked encoder's codes (Fashion-MNIST validation set)", compressed, data.valid());

        double trust = EmbeddingQuality.trustworthiness(compressed, map, K);
        r.say("trustworthiness (k=%d): %.4f", K, trust);
        r.say("kNN class agreement (k=%d): map %.4f, 30-d codes %.4f", K,
                EmbeddingQuality.knnAgreement(map, classes, K), EmbeddingQuality.knnAgreement(compressed, classes, K));
        var clusters = new KMeans(10, r.options().seed()).fit(compressed);
        r.say("K-means (k=10, k-means++) on the codes: purity %.4f", KMeans.purity(clusters.labels(), classes));
        return r.result(trust);
    }

    /**
     * The t-SNE map of the codes of {@code images} (one per image, in order), drawn as the
     * picture {@code name}: a scatter plot coloured by class. Returns the map.
     */
    static Points tsneMap(Reproduction r, String name, String title, Points codes, LabeledImages images) {
        r.say("t-SNE of %d codes of dimension %d", codes.n(), codes.d());
        Points map = new TSne(r.out()).embed(codes);
        new ScatterPlot(title, "t-SNE 1", "t-SNE 2").write(r.picture(name), map.data(), images.labels(), images.classNames());
        return map;
    }
}
