package dev.nabla.layers;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Keras's per-epoch progress line:
 * {@code 1719/1719 [==============================] - 6s 3ms/step - loss: 0.2970 - val_loss: 0.2893}.
 * When it goes to standard output and that is a terminal, the bar is redrawn in place as batches
 * finish; otherwise only the final line of each epoch is printed. With an unknown number of
 * steps (batches from an iterable) the count reads "12/Unknown" until the epoch ends.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    /** The epoch's steps, or −1 until the epoch ends when unknown. */
    private int steps;
    private final boolean live;
    private final long start = System.nanoTime();
    private long lastDraw;

    private ProgressBar(PrintStream out, int steps) {
        this.out = out;
        this.steps = steps;
        this.live = out == System.out && isTerminal();
    }

    static ProgressBar start(PrintStream out, int epoch, int epochs, int steps) {
        out.println("Epoch " + epoch + "/" + epochs);
        return new ProgressBar(out, steps);
    }

    void update(int step, Map<String, Double> logs) {
        if (!live || step == steps) return;
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        double perStep = (now - start) / 1e9 / step;
        String progress = steps < 0 ? step + "/Unknown - " + Math.round((now - start) / 1e9) + "s"
                : counter(step) + bar(step) + " - ETA: " + Math.round(perStep * (steps - step)) + "s";
        out.print("\r" + progress + values(logs));
        out.flush();
    }

    /** The epoch's line, after {@code stepsDone} steps. */
    void finish(int stepsDone, Map<String, Double> logs) {
        if (steps < 0) steps = stepsDone;
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = counter(steps) + bar(steps) + " - " + Math.round(seconds) + "s " + perStep(seconds / steps) + values(logs);
        out.print(live ? "\r" + line + "\n" : line + "\n");
        out.flush();
    }

    private String counter(int step) {
        String total = Integer.toString(steps);
        return String.format(Locale.ROOT, "%" + total.length() + "d/%s ", step, total);
    }

    /** [=====>........] with the head '>' until the epoch completes. */
    private String bar(int step) {
        int done = (int) ((long) WIDTH * step / steps);
        StringBuilder sb = new StringBuilder("[");
        if (done > 0) {
            sb.append("=".repeat(done - 1)).append(step < steps ? '>' : '=');
        }
        return sb.append(".".repeat(WIDTH - done)).append(']').toString();
    }

    private static String perStep(double seconds) {
        if (seconds >= 1) return Math.round(seconds) + "s/step";
        if (seconds >= 1e-3) return Math.round(seconds * 1e3) + "ms/step";
        return Math.round(seconds * 1e6) + "us/step";
    }

    private static String values(Map<String, Double> logs) {
        StringBuilder sb = new StringBuilder();
        for (var e : logs.entrySet()) {
            if (e.getKey().equals("batch_loss")) continue;
            double v = e.getValue();
            sb.append(" - ").append(e.getKey()).append(": ").append(Math.abs(v) > 1e-3 ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.4e", v));
        }
        return sb.toString();
    }

    /** Console.isTerminal() (JDK 22+) when present; before that, a console means a terminal. */
    private static boolean isTerminal() {
        Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
