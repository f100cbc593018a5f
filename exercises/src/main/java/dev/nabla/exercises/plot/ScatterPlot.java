package dev.nabla.exercises.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A 2-D scatter plot coloured by class, with a legend of class names (a t-SNE map). */
public final class ScatterPlot {
    private final String title, xLabel, yLabel;

    public ScatterPlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /**
     * @param xy         n × 2 coordinates, row-major
     * @param classes    class index of each point, in {@code [0, classNames.size())}
     * @param classNames legend names
     */
    public Path write(Path file, float[] xy, int[] classes, List<String> classNames) {
        int n = classes.length;
        if (xy.length != 2 * n) throw new IllegalArgumentException("scatter: " + xy.length + " coordinates for " + n + " points (need 2 per point)");
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY, yMin = xMin, yMax = xMax;
        for (int i = 0; i < n; i++) {
            if (classes[i] < 0 || classes[i] >= classNames.size()) {
                throw new IllegalArgumentException("scatter: point " + i + " has class " + classes[i] + ", expected 0.." + (classNames.size() - 1));
            }
            xMin = Math.min(xMin, xy[2 * i]); xMax = Math.max(xMax, xy[2 * i]);
            yMin = Math.min(yMin, xy[2 * i + 1]); yMax = Math.max(yMax, xy[2 * i + 1]);
        }
        var image = Png.canvas(900, 700);
        Graphics2D g = Png.graphics(image);
        // Room on the right for the legend, outside the points.
        var axes = new Axes(80, 40, 640, 590, xMin, xMax, yMin, yMax);
        axes.draw(g, title, xLabel, yLabel);
        g.setClip(axes.left, axes.top, axes.width, axes.height);
        for (int i = 0; i < n; i++) {
            Color c = Palette.color(classes[i]);
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
            g.fillOval((int) Math.round(axes.px(xy[2 * i])) - 2, (int) Math.round(axes.py(xy[2 * i + 1])) - 2, 5, 5);
        }
        g.setClip(null);
        List<Color> colors = new ArrayList<>();
        for (int k = 0; k < classNames.size(); k++) colors.add(Palette.color(k));
        var legendArea = new Axes(axes.left + axes.width + 2, axes.top, 900 - axes.left - axes.width - 10, axes.height, 0, 1, 0, 1);
        legendArea.legend(g, classNames, colors, true);
        g.dispose();
        return Png.write(image, file);
    }
}
