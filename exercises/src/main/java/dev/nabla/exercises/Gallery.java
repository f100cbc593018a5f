package dev.nabla.exercises;

import dev.nabla.engine.Tensor;
import dev.nabla.exercises.plot.ImageGrid;
import dev.nabla.exercises.plot.LinePlot;
import dev.nabla.exercises.plot.Picture;
import dev.nabla.layers.History;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The pictures the exercises share: image rows, reconstructions, loss curves. */
public final class Gallery {
    private Gallery() {}

    /** The shape of one sample shown as a picture: height × width × channels. */
    public record Shape(int height, int width, int channels) {
        public static Shape gray(int height, int width) {
            return new Shape(height, width, 1);
        }
    }

    /** The first {@code count} samples of a batch as pictures. */
    public static List<Picture> pictures(Tensor batch, int count, Shape shape) {
        List<Picture> out = new ArrayList<>();
        for (int i = 0; i < Math.min(count, batch.dim(0)); i++) out.add(Picture.of(batch, i, shape.height, shape.width, shape.channels));
        return out;
    }

    /** Codes scaled per picture to the full gray range, so that their pattern shows. */
    public static List<Picture> codePictures(Tensor codes, int count, Shape shape) {
        return pictures(codes, count, shape).stream().map(Picture::normalized).toList();
    }

    /** Originals over reconstructions (HOML's {@code plot_reconstructions}). */
    public static Path reconstructions(Path file, String title, Tensor originals, Tensor reconstructions, int count, Shape shape) {
        return new ImageGrid(title)
                .row("original", pictures(originals, count, shape))
                .row("reconstruction", pictures(reconstructions, count, shape))
                .write(file);
    }

    /** Originals, their codes drawn as images, and the reconstructions (AUL-5's three-row figures). */
    public static Path withCodes(Path file, String title, Tensor originals, Tensor codes, Tensor reconstructions,
                                 int count, Shape image, Shape code) {
        return new ImageGrid(title)
                .row("original", pictures(originals, count, image))
                .row("code", codePictures(codes, count, code))
                .row("reconstruction", pictures(reconstructions, count, image))
                .write(file);
    }

    /** Per-epoch training loss and, when present, validation loss. */
    public static Path lossCurves(Path file, String title, History history) {
        return lossCurves(file, title, history, null);
    }

    /** As {@link #lossCurves(Path, String, History)}, with the book's per-epoch val_loss when given. */
    public static Path lossCurves(Path file, String title, History history, double[] bookValLoss) {
        double[] loss = history.get("loss");
        var plot = new LinePlot(title, "epoch", "loss").seriesWithMarkers("loss (training)", epochNumbers(loss.length), loss);
        if (history.asMap().containsKey("val_loss")) {
            plot.seriesWithMarkers("val_loss (validation)", epochNumbers(loss.length), history.get("val_loss"));
        }
        if (bookValLoss != null) plot.seriesWithMarkers("val_loss (book)", epochNumbers(bookValLoss.length), bookValLoss);
        return plot.write(file);
    }

    /** One curve per logged value named in {@code keys} (a GAN's d_loss and g_loss), per epoch. */
    public static Path curves(Path file, String title, History history, String... keys) {
        var plot = new LinePlot(title, "epoch", "loss");
        for (String key : keys) plot.seriesWithMarkers(key, epochNumbers(history.epochs()), history.get(key));
        return plot.write(file);
    }

    private static double[] epochNumbers(int count) {
        double[] epochs = new double[count];
        for (int i = 0; i < count; i++) epochs[i] = i + 1;
        return epochs;
    }
}
