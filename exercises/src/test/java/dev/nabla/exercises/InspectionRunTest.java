package dev.nabla.exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --graph}, {@code --profile} and {@code --grad-flow} on a short run of the stacked autoencoder, from the shipped samples. */
class InspectionRunTest {
    @TempDir Path dir;

    @Test
    void aRunWritesItsGraphProfileAndGradientFlow() throws Exception {
        var options = new Options(OptionalInt.of(2), OptionalInt.of(64), 42, dir, EnumSet.allOf(Inspection.class));
        String out = CapturedRun.of(Exercises.byId("homl-recurrent"), options).text();
        String dot = Files.readString(dir.resolve("homl-recurrent-graph.dot"));
        assertTrue(dot.startsWith("digraph nabla {") && dot.contains("label=\"lstm\\n") && dot.contains("subgraph cluster_"), dot);
        List<String> steps = Files.readAllLines(dir.resolve("homl-recurrent-backward.txt"));
        assertTrue(steps.stream().anyMatch(l -> l.matches(" +\\d+ lstm +sequential_\\d+/sequential(_\\d+)?/lstm(_\\d+)? .*")), String.join("\n", steps));
        assertTrue(out.contains("graph of one training step: "), out);
        String profile = Files.readString(dir.resolve("homl-recurrent-profile.txt"));
        assertTrue(profile.lines().anyMatch(l -> l.startsWith("backward  lstm ")) && profile.contains("kernel    sgemm"), profile);
        assertTrue(Files.readString(dir.resolve("homl-recurrent-trace.json")).startsWith("{\"displayTimeUnit\": \"ms\", \"traceEvents\": ["));
        List<String> flow = Files.readAllLines(dir.resolve("homl-recurrent-grad-flow.tsv"));
        assertEquals("layer\tepoch\tmean_gradient_norm", flow.getFirst());
        assertEquals(1 + 2 * 4, flow.size(), "the three LSTMs and the TimeDistributed Dense, two epochs each: " + flow);
        assertTrue(Files.size(dir.resolve("homl-recurrent-grad-flow.png")) > 1000);
    }

    @Test
    void graphIsAShortRunWithTheGraph() {
        assertEquals(List.of("homl-stacked", "--graph", "--epochs", "1", "--limit", "256"), Main.graphRun(List.of("homl-stacked")));
        assertEquals(List.of("homl-stacked", "--epochs", "3", "--graph", "--limit", "256"), Main.graphRun(List.of("homl-stacked", "--epochs", "3")));
    }
}
