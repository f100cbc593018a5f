package dev.nabla.engine;

import dev.nabla.engine.ops.Affine;
import dev.nabla.engine.profile.Profiler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfilerTest {
    private static Profiler.Profile profileOfTwoSteps() {
        SplittableRandom rng = new SplittableRandom(1);
        Tensor x = Tensor.randn(rng, 32, 64), w = Tensor.randn(rng, 64, 16).requiresGrad(true), b = Tensor.zeros(16).requiresGrad(true);
        return Profiler.run(() -> {
            for (int step = 0; step < 2; step++) {
                Affine.affine(x, w, b, false).relu().square().mean().backward();
                try (var s = Profiler.span("optimizer step", "step")) {
                    w.zeroGrad();
                }
            }
        });
    }

    @Test
    void countsEveryOpPerDirectionAndTheSgemmWork() {
        Profiler.Profile p = profileOfTwoSteps();
        Map<String, Profiler.Profile.Row> rows = p.rows().stream().collect(Collectors.toMap(r -> r.category() + " " + r.name(), r -> r));
        assertEquals(2, rows.get("forward affine").calls());
        assertEquals(2, rows.get("backward affine").calls());
        assertEquals(2, rows.get("backward pass").calls());
        assertEquals(2, rows.get("step optimizer step").calls());
        // forward: one 32×16×64 product; backward: dW = xᵀ·g only (x needs no gradient)
        assertEquals(2L * 2 * 32 * 16 * 64, rows.get("forward affine").flops());
        assertEquals(2L * 2 * 64 * 16 * 32, rows.get("backward affine").flops());
        assertEquals(4, rows.get("kernel sgemm").calls());
        assertEquals(rows.get("forward affine").flops() + rows.get("backward affine").flops(), rows.get("kernel sgemm").flops());
        long topLevel = p.rows().stream().filter(r -> List.of("forward", "other", "step").contains(r.category()) || r.name().equals("pass"))
                .mapToLong(Profiler.Profile.Row::nanos).sum();
        assertTrue(topLevel <= p.totalNanos() && topLevel > p.totalNanos() * 0.5, topLevel + " of " + p.totalNanos());
        // Each top-level row starts where the one before it ended, up to the run's end: they tile it.
        assertEquals(p.totalNanos(), topLevel);
        assertTrue(p.table().lines().anyMatch(l -> l.startsWith("forward   affine")), p.table());
    }

    @Test
    void theTraceIsInChromesTraceEventFormat() {
        String trace = profileOfTwoSteps().trace();
        assertTrue(trace.startsWith("{\"displayTimeUnit\": \"ms\", \"traceEvents\": [\n") && trace.endsWith("]}\n"), trace);
        Pattern event = Pattern.compile("\\{\"name\": \"[^\"]+\", \"cat\": \"[a-z]+\", \"ph\": \"X\", \"ts\": \\d+\\.\\d{3}, \"dur\": \\d+\\.\\d{3}, \"pid\": 1, \"tid\": [12]},?");
        List<String> lines = trace.lines().toList().subList(1, (int) trace.lines().count() - 1);
        assertFalse(lines.isEmpty());
        for (String line : lines) assertTrue(event.matcher(line).matches(), line);
        assertTrue(lines.getLast().endsWith("}") && lines.stream().limit(lines.size() - 1).allMatch(l -> l.endsWith("},")));
    }

    @Test
    void offItRecordsNothing() {
        assertFalse(Profiler.active());
        try (var s = Profiler.span("x", "step")) {
            assertEquals(Profiler.Span.NONE, s);
        }
    }
}
