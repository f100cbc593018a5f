package dev.nabla.exercises.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.nio.file.Path;

/** A histogram of values in equal-width bins over [min, max] of the data (or a given range). */
public final class Histogram {
    private final String title, xLabel, yLabel;
    private final int bins;

    public Histogram(String title, String xLabel, String yLabel, int bins) {
        if (bins < 1) throw new IllegalArgumentException("histogram needs at least one bin, got " + bins);
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.bins = bins;
    }

    /** Counts of {@code values} per bin over [lo, hi]; values outside the range are ignored. */
    public static long[] counts(float[] values, double lo, double hi, int bins) {
        long[] counts = new long[bins];
        for (float v : values) {
            if (v < lo || v > hi) continue;
            int b = (int) ((v - lo) / (hi - lo) * bins);
            counts[Math.min(bins - 1, Math.max(0, b))]++;
        }
        return counts;
    }

    public Path write(Path file, float[] values, double lo, double hi) {
        if (values.length == 0) throw new IllegalArgumentException("histogram '" + title + "' has no values");
        if (!(hi > lo)) throw new IllegalArgumentException("histogram range must have hi > lo, got [" + lo + ", " + hi + "]");
        long[] counts = counts(values, lo, hi, bins);
        long top = 1;
        for (long c : counts) top = Math.max(top, c);
        var image = Png.canvas(720, 480);
        Graphics2D g = Png.graphics(image);
        var axes = new Axes(80, 40, 610, 370, lo, hi, 0, top);
        axes.draw(g, title, xLabel, yLabel);
        double w = (hi - lo) / bins;
        for (int b = 0; b < bins; b++) {
            int x0 = (int) Math.round(axes.px(lo + b * w)), x1 = (int) Math.round(axes.px(lo + (b + 1) * w));
            int y = (int) Math.round(axes.py(counts[b])), y0 = (int) Math.round(axes.py(0));
            g.setColor(Palette.color(0));
            g.fillRect(x0, y, Math.max(1, x1 - x0), y0 - y);
            g.setColor(Color.WHITE);
            g.drawRect(x0, y, Math.max(1, x1 - x0), y0 - y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(axes.left, axes.top, axes.width, axes.height);
        g.dispose();
        return Png.write(image, file);
    }

    /** The histogram over the values' own range. */
    public Path write(Path file, float[] values) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (float v : values) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        if (hi == lo) { hi = lo + 1; }
        return write(file, values, lo, hi);
    }
}
