package dev.nabla.exercises.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotsTest {
    @TempDir Path dir;

    @Test
    void imageGridEnlargesPicturesPixelExactly() throws Exception {
        // A 2×2 gray picture: black, white / 0.5, clipped 1.7 → white.
        var p = new Picture(2, 2, 1, new float[] {0f, 1f, 0.5f, 1.7f});
        Path file = new ImageGrid(null).row("r", List.of(p)).write(dir.resolve("grid.png"));
        BufferedImage img = ImageIO.read(file.toFile());
        int scale = 84 / 2, left = findFirstDark(img);
        int top = 8;
        assertEquals(0x000000, img.getRGB(left, top) & 0xffffff);
        assertEquals(0xffffff, img.getRGB(left + scale, top) & 0xffffff);
        assertEquals(0x808080, img.getRGB(left + scale - 1, top + scale) & 0xffffff);
        assertEquals(0xffffff, img.getRGB(left + 2 * scale - 1, top + 2 * scale - 1) & 0xffffff);
    }

    /** The x of the first black pixel on the grid's first picture row (the picture's left edge). */
    private static int findFirstDark(BufferedImage img) {
        for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, 8) & 0xffffff) == 0) return x;
        throw new AssertionError("no picture found");
    }

    @Test
    void rgbPictureAndNormalisation() {
        var rgb = new Picture(1, 1, 3, new float[] {1f, 0.5f, 0f});
        assertEquals(0xff8000, rgb.rgb(0, 0));
        var code = new Picture(1, 3, 1, new float[] {2f, 4f, 6f}).normalized();
        assertArrayEquals(new float[] {0f, 0.5f, 1f}, code.pixels());
    }

    @Test
    void chartsWriteDecodablePngs() throws Exception {
        double[] x = {1, 2, 3, 4}, y = {0.5, 0.4, 0.35, 0.33};
        Path line = new LinePlot("loss", "epoch", "loss").seriesWithMarkers("loss", x, y).write(dir.resolve("a/line.png"));
        Path hist = new Histogram("h", "value", "count", 10).write(dir.resolve("hist.png"), new float[] {0.1f, 0.2f, 0.2f, 0.9f});
        Path scatter = new ScatterPlot("map", "x", "y").write(dir.resolve("scatter.png"),
                new float[] {0, 0, 1, 1, 2, 0}, new int[] {0, 1, 1}, List.of("zero", "one"));
        for (Path p : List.of(line, hist, scatter)) {
            BufferedImage img = ImageIO.read(p.toFile());
            assertTrue(img.getWidth() > 600 && img.getHeight() > 400, p + " size");
            int ink = 0;
            for (int yy = 0; yy < img.getHeight(); yy++)
                for (int xx = 0; xx < img.getWidth(); xx++) if ((img.getRGB(xx, yy) & 0xffffff) != 0xffffff) ink++;
            assertTrue(ink > 5000, p + " has " + ink + " drawn pixels");
        }
    }

    @Test
    void histogramCountsPerBin() {
        assertArrayEquals(new long[] {1, 2, 0, 1}, Histogram.counts(new float[] {0f, 0.3f, 0.49f, 1f, 1.5f}, 0, 1, 4));
    }

    @Test
    void ticksAreRoundNumbers() {
        List<Double> t = Axes.ticks(0, 1);
        assertEquals(6, t.size());
        for (int i = 0; i < 6; i++) assertEquals(0.2 * i, t.get(i), 1e-12);
        assertEquals("0.4", Axes.label(0.4, 1));
        assertArrayEquals(new double[] {-6, 6}, Axes.niceRange(-5, 5));
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LinePlot("t", "x", "y").series("s", new double[2], new double[3]));
        assertTrue(e.getMessage().contains("2 x values but 3 y values"));
        var f = assertThrows(IllegalArgumentException.class, () -> new Picture(2, 2, 1, new float[3]));
        assertTrue(f.getMessage().contains("needs 4 values, got 3"));
    }
}
