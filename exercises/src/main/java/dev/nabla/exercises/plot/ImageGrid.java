package dev.nabla.exercises.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of pictures with a label left of each row and an optional caption under each picture:
 * originals over reconstructions, or originals / codes / reconstructions.
 * <pre>{@code
 * new ImageGrid("Stacked autoencoder").row("original", originals).row("reconstruction", recons).write(path);
 * }</pre>
 * Each row's pictures are enlarged by an integer factor so that the row is about 84 pixels high
 * (tall pictures, such as conv codes laid out as 256 × 32, keep their size).
 */
public final class ImageGrid {
    private record Row(String label, List<Picture> pictures, List<String> captions) {}

    private final String title;
    private final List<Row> rows = new ArrayList<>();

    public ImageGrid(String title) {
        this.title = title;
    }

    public ImageGrid row(String label, List<Picture> pictures) {
        return row(label, pictures, List.of());
    }

    /**
     * A row whose pictures have a caption each (a label; lines separated by {@code \n}, such as
     * "true: cat\npred: dog"); {@code captions} may be empty.
     */
    public ImageGrid row(String label, List<Picture> pictures, List<String> captions) {
        if (pictures.isEmpty()) throw new IllegalArgumentException("image grid row '" + label + "' is empty");
        if (!captions.isEmpty() && captions.size() != pictures.size()) {
            throw new IllegalArgumentException("image grid row '" + label + "': " + captions.size() + " captions for " + pictures.size() + " pictures");
        }
        rows.add(new Row(label, List.copyOf(pictures), List.copyOf(captions)));
        return this;
    }

    public Path write(Path file) {
        if (rows.isEmpty()) throw new IllegalStateException("image grid '" + title + "' has no rows");
        int cellW = 1, columns = 0;
        for (Row r : rows) {
            columns = Math.max(columns, r.pictures.size());
            for (Picture p : r.pictures) cellW = Math.max(cellW, p.width() * scale(r));
        }
        var probe = Png.graphics(Png.canvas(1, 1));
        int labelW = 0;
        for (Row r : rows) labelW = Math.max(labelW, probe.getFontMetrics().stringWidth(r.label));
        probe.setFont(Png.SMALL);
        for (Row r : rows)
            for (String caption : r.captions)
                for (String line : caption.split("\n")) cellW = Math.max(cellW, probe.getFontMetrics().stringWidth(line) + 4);
        probe.setFont(Png.TITLE);
        int titleW = title == null ? 0 : probe.getFontMetrics().stringWidth(title) + 24;
        probe.dispose();
        int gap = 6, left = labelW + 16, top = title == null ? 8 : 34;
        int[] rowTop = new int[rows.size()];
        int y = top;
        for (int i = 0; i < rows.size(); i++) {
            rowTop[i] = y;
            y += rowHeight(rows.get(i)) + CAPTION_LINE * captionLines(rows.get(i)) + gap;
        }
        int width = Math.max(left + columns * (cellW + gap) + 8, titleW), height = y + 4;
        BufferedImage image = Png.canvas(width, height);
        Graphics2D g = Png.graphics(image);
        if (title != null) {
            g.setFont(Png.TITLE);
            Png.centred(g, title, width / 2.0, 22);
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int h = rowHeight(r), scale = scale(r);
            g.setFont(Png.FONT);
            g.setColor(Color.BLACK);
            g.drawString(r.label, 8, rowTop[i] + h / 2 + 5);
            for (int k = 0; k < r.pictures.size(); k++) {
                int x = left + k * (cellW + gap);
                Picture p = r.pictures.get(k);
                paint(image, p, x + (cellW - p.width() * scale) / 2, rowTop[i], scale);
                if (!r.captions.isEmpty()) {
                    g.setFont(Png.SMALL);
                    g.setColor(Color.BLACK);
                    String[] lines = r.captions.get(k).split("\n");
                    for (int l = 0; l < lines.length; l++) Png.centred(g, lines[l], x + cellW / 2.0, rowTop[i] + h + 13 + l * CAPTION_LINE);
                }
            }
        }
        g.dispose();
        return Png.write(image, file);
    }

    private static final int CAPTION_LINE = 15;

    private static int captionLines(Row r) {
        int lines = 0;
        for (String c : r.captions) lines = Math.max(lines, c.split("\n").length);
        return lines;
    }

    private static int scale(Row r) {
        int h = 1;
        for (Picture p : r.pictures) h = Math.max(h, p.height());
        return Math.max(1, 84 / h);
    }

    private static int rowHeight(Row r) {
        int h = 0;
        for (Picture p : r.pictures) h = Math.max(h, p.height());
        return h * scale(r);
    }

    /** Nearest-neighbour enlargement, so that each value stays a crisp square. */
    private static void paint(BufferedImage image, Picture p, int x0, int y0, int scale) {
        for (int r = 0; r < p.height(); r++)
            for (int c = 0; c < p.width(); c++) {
                int rgb = p.rgb(r, c);
                for (int dy = 0; dy < scale; dy++)
                    for (int dx = 0; dx < scale; dx++) image.setRGB(x0 + c * scale + dx, y0 + r * scale + dy, rgb);
            }
    }
}
