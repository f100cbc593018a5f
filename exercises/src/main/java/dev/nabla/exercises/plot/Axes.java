package dev.nabla.exercises.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rectangular plotting area with linear x and y scales: maps data to pixels and draws the frame,
 * "nice" tick marks (1, 2, 5 × 10^k steps) with labels, grid lines, axis labels and a title.
 */
final class Axes {
    final int left, top, width, height;
    final double xMin, xMax, yMin, yMax;

    /**
     * @param left, top, width, height the plotting rectangle in pixels
     * @param xMin, xMax, yMin, yMax   the data range, widened to whole tick steps
     */
    Axes(int left, int top, int width, int height, double xMin, double xMax, double yMin, double yMax) {
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        double[] x = niceRange(xMin, xMax), y = niceRange(yMin, yMax);
        this.xMin = x[0];
        this.xMax = x[1];
        this.yMin = y[0];
        this.yMax = y[1];
    }

    double px(double x) {
        return left + (x - xMin) / (xMax - xMin) * width;
    }

    double py(double y) {
        return top + height - (y - yMin) / (yMax - yMin) * height;
    }

    /** Draws grid, frame, ticks, tick labels, axis labels and title. */
    void draw(Graphics2D g, String title, String xLabel, String yLabel) {
        g.setStroke(new BasicStroke(1f));
        g.setFont(Png.SMALL);
        var fm = g.getFontMetrics();
        for (double t : ticks(xMin, xMax)) {
            int x = (int) Math.round(px(t));
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(x, top, x, top + height);
            g.setColor(Color.BLACK);
            g.drawLine(x, top + height, x, top + height + 5);
            Png.centred(g, label(t, xMax - xMin), x, top + height + 7 + fm.getAscent());
        }
        int widest = 0;
        for (double t : ticks(yMin, yMax)) {
            int y = (int) Math.round(py(t));
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(left, y, left + width, y);
            g.setColor(Color.BLACK);
            g.drawLine(left - 5, y, left, y);
            String s = label(t, yMax - yMin);
            widest = Math.max(widest, fm.stringWidth(s));
            g.drawString(s, left - 8 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, width, height);
        g.setFont(Png.FONT);
        if (xLabel != null) Png.centred(g, xLabel, left + width / 2.0, top + height + 40);
        if (yLabel != null) {
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            // Clear of the widest tick label.
            Png.centred(g, yLabel, -(top + height / 2.0), Math.max(14, left - 14 - widest));
            g.setTransform(saved);
        }
        if (title != null) {
            g.setFont(Png.TITLE);
            Png.centred(g, title, left + width / 2.0, top - 12);
            g.setFont(Png.FONT);
        }
    }

    /** A legend box in the upper-right (or upper-left) corner: a colour swatch and a name per entry. */
    void legend(Graphics2D g, List<String> names, List<Color> colors, boolean upperLeft) {
        g.setFont(Png.SMALL);
        var fm = g.getFontMetrics();
        int rowH = fm.getHeight() + 2, textW = 0;
        for (String n : names) textW = Math.max(textW, fm.stringWidth(n));
        int boxW = textW + 34, boxH = rowH * names.size() + 8;
        int x0 = upperLeft ? left + 8 : left + width - boxW - 8, y0 = top + 8;
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(x0, y0, boxW, boxH);
        g.setColor(Color.GRAY);
        g.drawRect(x0, y0, boxW, boxH);
        for (int i = 0; i < names.size(); i++) {
            int y = y0 + 4 + i * rowH;
            g.setColor(colors.get(i));
            g.fillRect(x0 + 6, y + rowH / 2 - 4, 18, 8);
            g.setColor(Color.BLACK);
            g.drawString(names.get(i), x0 + 28, y + fm.getAscent());
        }
        g.setFont(Png.FONT);
    }

    /** The tick step for a range: 1, 2 or 5 times a power of ten, giving about five to ten ticks. */
    static double step(double lo, double hi) {
        double raw = (hi - lo) / 6;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    static List<Double> ticks(double lo, double hi) {
        double s = step(lo, hi);
        List<Double> t = new ArrayList<>();
        for (double v = Math.ceil(lo / s - 1e-9) * s; v <= hi + s * 1e-9; v += s) t.add(Math.abs(v) < s * 1e-9 ? 0 : v);
        return t;
    }

    /** Widens [lo, hi] to whole tick steps; a degenerate range becomes [lo − 1, lo + 1]. */
    static double[] niceRange(double lo, double hi) {
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double s = step(lo, hi);
        return new double[] {Math.floor(lo / s + 1e-9) * s, Math.ceil(hi / s - 1e-9) * s};
    }

    static String label(double v, double range) {
        double s = step(0, range);
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(s) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
