package dev.nabla.datasets.locate;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line text progress bar, redrawn in place with a carriage return, at most once per percent:
 * {@code name [=====     ]  42% 11.1/26.4 MB} for a byte count, or without the sizes for a
 * download whose progress is only known as a percentage (apt's).
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String name;
    private final long total;
    private final boolean bytes;
    private long lastShown = -1;

    private ProgressBar(PrintStream out, String name, long total, boolean bytes) {
        this.out = out;
        this.name = name;
        this.total = total;
        this.bytes = bytes;
    }

    /** A bar counting bytes out of {@code total} (negative when the size is unknown). */
    static ProgressBar bytes(PrintStream out, String name, long total) {
        return new ProgressBar(out, name, total, true);
    }

    /** A bar counting percent, 0 to 100. */
    static ProgressBar percent(PrintStream out, String name) {
        return new ProgressBar(out, name, 100, false);
    }

    void update(long done) {
        long step = total > 0 ? done * 100 / total : done >> 20;
        if (step == lastShown) {
            return;
        }
        lastShown = step;
        if (total > 0) {
            int filled = (int) (Math.min(done, total) * WIDTH / total);
            String sizes = bytes ? String.format(Locale.ROOT, " %.1f/%.1f MB", done / 1e6, total / 1e6) : "";
            out.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%%%s", name, "=".repeat(filled), " ".repeat(WIDTH - filled), step, sizes));
        } else {
            out.print(String.format(Locale.ROOT, "\r%s %.1f MB", name, done / 1e6));
        }
        out.flush();
    }

    void finish() {
        if (lastShown >= 0) {
            out.println();
        }
    }
}
