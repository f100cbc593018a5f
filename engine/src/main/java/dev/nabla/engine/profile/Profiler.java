package dev.nabla.engine.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the time of a computation goes, per op and direction and per kernel, as tinygrad's
 * {@code DEBUG=2} and {@code torch.profiler}: {@code Profile p = Profiler.run(() -> model.fit(...))},
 * then {@link Profile#table()} and {@link Profile#writeTrace(Path)} (Chrome trace-event JSON, which
 * {@code chrome://tracing} and ui.perfetto.dev open).
 *
 * <p>Ops are timed on the thread that runs them, from a running mark: an op's forward is the time
 * from the previous event to its {@code Autograd.record}, which is where every op ends, so
 * allocation and kernels both count; a node's backward is timed around its closure (ops its
 * backward calls are part of it); named spans ({@link #span}) cover the rest of a training step,
 * and what falls between spans outside any op is "(other)". Kernels that know their work report
 * it ({@link #kernel}): sgemm, with 2·m·n·k FLOPs, which are also credited to the op that called it.
 * With no profile running every hook is one thread-local read.
 */
public final class Profiler {
    private static final ThreadLocal<Profile> CURRENT = new ThreadLocal<>();

    private Profiler() {}

    /** Runs {@code work} with profiling on this thread and returns what it recorded. */
    public static Profile run(Runnable work) {
        return run(() -> {
            work.run();
            return null;
        }).profile();
    }

    /** As {@link #run(Runnable)}, keeping the work's result. */
    public static <T> Result<T> run(Supplier<T> work) {
        Profile previous = CURRENT.get();
        Profile p = new Profile();
        CURRENT.set(p);
        try {
            T value = work.get();
            p.finish();
            return new Result<>(value, p);
        } finally {
            CURRENT.set(previous);
        }
    }

    public record Result<T>(T value, Profile profile) {}

    /** Whether a profile is recording on this thread. */
    public static boolean active() {
        return CURRENT.get() != null;
    }

    /** An op's forward ends here (called by {@code Autograd.record}); ops run inside a span are part of it. */
    public static void forward(String op) {
        Profile p = CURRENT.get();
        if (p != null && p.depth == 0) p.closeGap(op, "forward");
    }

    /**
     * Starts a span (a backward pass and each node's backward in it, an optimizer step, a
     * batch's data); close it when done. Spans nest: an inner span's time is part of the outer's.
     */
    public static Span span(String name, String category) {
        Profile p = CURRENT.get();
        if (p == null) return Span.NONE;
        // An outer span starts where the gap before it ends, so that the top-level rows tile the run.
        long start = p.depth == 0 ? p.closeGap("(other)", "other") : System.nanoTime(), flopsBefore = p.pendingFlops;
        p.depth++;
        return () -> {
            long end = System.nanoTime();
            p.add(name, category, start, end, p.pendingFlops - flopsBefore);
            if (--p.depth == 0) {
                p.mark = end;
                p.pendingFlops = 0;
            }
        };
    }

    /** A kernel call that took {@code start..now} and did {@code flops} floating-point operations. */
    public static void kernel(String name, long start, long flops) {
        Profile p = CURRENT.get();
        if (p == null) return;
        p.add(name, "kernel", start, System.nanoTime(), flops);
        p.pendingFlops += flops;
    }

    /** A span in progress. */
    public interface Span extends AutoCloseable {
        Span NONE = () -> {};

        @Override
        void close();
    }

    /** What one profiled run recorded. */
    public static final class Profile {
        private final long origin = System.nanoTime();
        private long mark = origin, end;
        private long pendingFlops;
        private int depth;
        private final Map<String, Row> rows = new LinkedHashMap<>();
        private final List<Event> events = new ArrayList<>();

        /** One line of the table: a (category, name) pair's calls, time and work. */
        public record Row(String category, String name, long calls, long nanos, long flops) {}

        private record Event(String name, String category, long start, long end) {}

        /** Records the time since the last mark as {@code name} and returns the new mark. */
        private long closeGap(String name, String category) {
            long now = System.nanoTime();
            add(name, category, mark, now, pendingFlops);
            mark = now;
            pendingFlops = 0;
            return now;
        }

        private void add(String name, String category, long start, long stop, long flops) {
            rows.merge(category + " " + name, new Row(category, name, 1, stop - start, flops),
                    (a, b) -> new Row(a.category, a.name, a.calls + 1, a.nanos + b.nanos, a.flops + b.flops));
            if (events.size() < 1_000_000) events.add(new Event(name, category, start, stop));
        }

        /** Ends the run; what followed the last op or span is "(other)", like any other gap. */
        private void finish() {
            end = depth == 0 ? closeGap("(other)", "other") : System.nanoTime();
        }

        public long totalNanos() {
            return end - origin;
        }

        /**
         * Rows by total time, longest first. Forward ops, outer spans and "(other)" add up to the
         * total; kernels and the spans nested in others (each node's backward in a backward pass)
         * are part of those.
         */
        public List<Row> rows() {
            return rows.values().stream().sorted((a, b) -> Long.compare(b.nanos, a.nanos)).toList();
        }

        /** The table: per op and direction, and per kernel, calls, total and mean time, GFLOP/s where known, share. */
        public String table() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-9s %-24s %9s %11s %11s %9s %7s%n",
                    "kind", "name", "calls", "total ms", "mean µs", "GFLOP/s", "share"));
            for (Row r : rows()) {
                String gflops = r.flops == 0 ? "" : String.format(Locale.ROOT, "%.1f", r.flops / (double) r.nanos);
                sb.append(String.format(Locale.ROOT, "%-9s %-24s %9d %11.1f %11.1f %9s %6.1f%%%n", r.category, r.name, r.calls,
                        r.nanos / 1e6, r.nanos / 1e3 / r.calls, gflops, 100.0 * r.nanos / Math.max(1, totalNanos())));
            }
            return sb.append(String.format(Locale.ROOT, "total %.1f ms%n", totalNanos() / 1e6)).toString();
        }

        /** The events in Chrome's trace-event format: complete events ("ph": "X") in microseconds. */
        public String trace() {
            StringBuilder sb = new StringBuilder("{\"displayTimeUnit\": \"ms\", \"traceEvents\": [\n");
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                sb.append(String.format(Locale.ROOT, "{\"name\": \"%s\", \"cat\": \"%s\", \"ph\": \"X\", \"ts\": %.3f, \"dur\": %.3f, \"pid\": 1, \"tid\": %d}%s%n",
                        e.name.replace("\"", "'"), e.category, (e.start - origin) / 1e3, (e.end - e.start) / 1e3,
                        e.category.equals("kernel") ? 2 : 1, i + 1 < events.size() ? "," : ""));
            }
            return sb.append("]}\n").toString();
        }

        public void writeTrace(Path file) {
            try {
                Files.writeString(file, trace());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the trace " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
