package dev.nabla.bench.training;

import dev.nabla.datasets.DatasetNotFoundException;
import dev.nabla.datasets.Datasets;
import dev.nabla.datasets.LabeledImages;
import dev.nabla.engine.Tensor;
import dev.nabla.layers.Fit;
import dev.nabla.layers.History;
import dev.nabla.layers.LayerScope;
import dev.nabla.layers.Model;
import dev.nabla.layers.losses.Losses;
import dev.nabla.optim.Adam;
import dev.nabla.optim.Optimizer;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What the training benchmarks share: an autoencoder trained with binary cross-entropy and batch
 * 32, each epoch shuffled with its own seed, timed per epoch. By default it is HOML's run (Adam,
 * the last 55,000 Fashion-MNIST training images scaled to [0, 1]); a benchmark may bring its own
 * images and optimizer ({@link CifarConvAutoencoderEpoch}). Prints one line per epoch,
 * {@code EPOCH_SECONDS epoch seconds loss value}.
 * <p>Arguments: {@code [epochs, default 1] [--limit ROWS] [--data DIR]}: {@code --limit} trains
 * on the first ROWS of those images only (a quick check that the benchmark runs); HOML's data is
 * Fashion-MNIST's four IDX files in DIR, else where {@link Datasets#fashionMnist} looks
 * ({@code $NABLA_FASHION_MNIST}, the cache, {@code /usr/share/datasets/fashion-mnist}).
 */
final class AutoencoderEpochs {
    /** HOML keeps the first 5,000 training images for validation. */
    static final int VALIDATION = 5000;

    private AutoencoderEpochs() {}

    /** A benchmark's training images: from the folder {@code dir} (null: the usual search), the first {@code limit} of them. */
    interface TrainingImages {
        Tensor read(String dir, int limit);
    }

    /** HOML's run: Adam on the last 55,000 Fashion-MNIST training images. */
    static void run(String[] args, Supplier<Model> model) {
        run(args, model, AutoencoderEpochs::homlImages, Adam::new);
    }

    /** Parses the arguments, builds the model (seed 42) and times its epochs; exits with one message on bad input. */
    static void run(String[] args, Supplier<Model> model, TrainingImages images, Supplier<Optimizer> optimizer) {
        try {
            int epochs = 1, limit = Integer.MAX_VALUE;
            String data = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--limit" -> limit = Integer.parseInt(value(args, ++i, "--limit"));
                    case "--data" -> data = value(args, ++i, "--data");
                    default -> epochs = Integer.parseInt(args[i]);
                }
            }
            Tensor train = images.read(data, limit);

            Model ae;
            try (var scope = LayerScope.open(42)) {
                ae = model.get();
            }
            ae.compile(Losses.binaryCrossEntropy(), optimizer.get());
            for (int e = 1; e <= epochs; e++) {
                long t0 = System.nanoTime();
                History h = ae.fit(train, train, Fit.epochs(1).batchSize(32).seed(e));
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("EPOCH_SECONDS %d %.3f loss %.8f%n", e, s, h.last("loss"));
            }
        } catch (UncheckedIOException | IllegalArgumentException | DatasetNotFoundException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException("option " + option + " needs a value");
        return args[i];
    }

    /** HOML's training images: the Fashion-MNIST training set without its first 5,000 (the validation set). */
    static Tensor homlImages(String dir, int limit) {
        LabeledImages all = Datasets.fashionMnist(dir == null ? null : Path.of(dir)).train();
        int end = (int) Math.min(all.count(), (long) VALIDATION + limit);
        return all.slice(VALIDATION, end).images();
    }
}
