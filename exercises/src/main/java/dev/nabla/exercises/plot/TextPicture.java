package dev.nabla.exercises.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.nio.file.Path;
import java.util.List;

/** Monospaced text drawn as a picture, such as a model's summary table. */
public final class TextPicture {
    private static final Font MONO = new Font(Font.MONOSPACED, Font.PLAIN, 13);

    private TextPicture() {}

    public static Path write(Path file, String text) {
        List<String> lines = text.lines().toList();
        var probe = Png.graphics(Png.canvas(1, 1));
        probe.setFont(MONO);
        var fm = probe.getFontMetrics();
        int width = 1;
        for (String l : lines) width = Math.max(width, fm.stringWidth(l));
        int lineH = fm.getHeight();
        probe.dispose();
        var image = Png.canvas(width + 24, lineH * Math.max(1, lines.size()) + 24);
        Graphics2D g = Png.graphics(image);
        g.setFont(MONO);
        for (int i = 0; i < lines.size(); i++) g.drawString(lines.get(i), 12, 12 + fm.getAscent() + i * lineH);
        g.dispose();
        return Png.write(image, file);
    }
}
