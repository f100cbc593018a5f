package dev.nabla.exercises.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Curves on shared axes with a legend: neuron response curves, per-epoch loss curves.
 * <pre>{@code
 * new LinePlot("Sigmoid neuron", "x", "y").series("θ = 1", x, y1).series("θ = 5", x, y5).write(path);
 * }</pre>
 */
public final class LinePlot {
    private record Series(String name, double[] x, double[] y, boolean markers) {}

    private final String title, xLabel, yLabel;
    private final List<Series> series = new ArrayList<>();

    public LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LinePlot series(String name, double[] x, double[] y) {
        return add(name, x, y, false);
    }

    /** A curve with a dot at each point, for short series such as per-epoch losses. */
    public LinePlot seriesWithMarkers(String name, double[] x, double[] y) {
        return add(name, x, y, true);
    }

    private LinePlot add(String name, double[] x, double[] y, boolean markers) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length + " y values");
        }
        if (x.length == 0) throw new IllegalArgumentException("series '" + name + "' is empty");
        series.add(new Series(name, x.clone(), y.clone(), markers));
        return this;
    }

    public Path write(Path file) {
        if (series.isEmpty()) throw new IllegalStateException("line plot '" + title + "' has no series");
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.x) { xMin = Math.min(xMin, v); xMax = Math.max(xMax, v); }
            for (double v : s.y) if (Double.isFinite(v)) { yMin = Math.min(yMin, v); yMax = Math.max(yMax, v); }
        }
        var image = Png.canvas(720, 480);
        Graphics2D g = Png.graphics(image);
        var axes = new Axes(80, 40, 610, 370, xMin, xMax, yMin, yMax);
        axes.draw(g, title, xLabel, yLabel);
        g.setClip(axes.left, axes.top, axes.width + 1, axes.height + 1);
        List<String> names = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            Color c = Palette.color(i);
            g.setColor(c);
            g.setStroke(new BasicStroke(2f));
            var path = new Path2D.Double();
            boolean started = false;
            for (int k = 0; k < s.x.length; k++) {
                if (!Double.isFinite(s.y[k])) { started = false; continue; }
                double px = axes.px(s.x[k]), py = axes.py(s.y[k]);
                if (started) path.lineTo(px, py); else path.moveTo(px, py);
                started = true;
                if (s.markers) g.fillOval((int) px - 3, (int) py - 3, 7, 7);
            }
            g.draw(path);
            names.add(s.name);
            colors.add(c);
        }
        g.setClip(null);
        // Put the legend where the first curve starts low (rising curves leave the upper left free).
        Series first = series.get(0);
        boolean upperLeft = first.y[0] < first.y[first.y.length - 1];
        axes.legend(g, names, colors, upperLeft);
        g.dispose();
        return Png.write(image, file);
    }
}
