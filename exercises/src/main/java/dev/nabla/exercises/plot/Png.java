package dev.nabla.exercises.plot;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Canvas creation and PNG output shared by the plots; rendering is headless. */
public final class Png {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    private Png() {}

    /** A white RGB canvas with anti-aliased drawing. */
    static BufferedImage canvas(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setFont(FONT);
        g.setColor(Color.BLACK);
        return g;
    }

    /** Writes {@code image} as a PNG, creating the parent folders; returns {@code file}. */
    public static Path write(BufferedImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (!ImageIO.write(image, "png", file.toFile())) throw new IOException("no PNG writer available");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write picture " + file + ": " + e.getMessage(), e);
        }
    }

    /** Draws {@code text} centred horizontally on {@code cx} with its baseline at {@code y}. */
    static void centred(Graphics2D g, String text, double cx, double y) {
        int w = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (float) (cx - w / 2.0), (float) y);
    }
}
