package dev.nabla.engine;

import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.autograd.BackwardListener;
import dev.nabla.engine.autograd.GraphView;
import dev.nabla.engine.autograd.Node;
import dev.nabla.engine.autograd.Trace;
import dev.nabla.engine.ops.Affine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tools to look inside: step-through of backward, anomaly mode, the graph picture. */
class InspectTest {
    private static Tensor x() {
        return Tensor.of(new float[] {1, -2, 3, 0.5f, 0, 2}, 2, 3).requiresGrad(true);
    }

    @Test
    void theListenerSeesEveryNodeInReverseOrderWithItsGradients() {
        Tensor x = x();
        Tensor loss = x.mul(2f).relu().sum();
        List<String> seen = new ArrayList<>();
        Autograd.backward(loss, new BackwardListener() {
            @Override
            public void before(Node node, Tensor output, Tensor gradOutput) {
                seen.add("before " + node.op() + " " + Shape.str(gradOutput.shape()));
            }

            @Override
            public void after(Node node, Tensor output, Tensor gradOutput, Tensor[] inputGrads) {
                seen.add("after " + node.op() + " " + Shape.str(inputGrads[0].shape()));
            }
        });
        // sum() is a reduction over each axis in turn, then a reshape to a scalar
        assertEquals(List.of("before reshape ()", "after reshape (1, 1)", "before sum (1, 1)", "after sum (1, 3)",
                "before sum (1, 3)", "after sum (2, 3)", "before relu (2, 3)", "after relu (2, 3)",
                "before scale (2, 3)", "after scale (2, 3)"), seen);
        assertEquals(List.of(2f, 0f, 2f, 2f, 0f, 2f), boxed(x.grad().toArray()));
    }

    @Test
    void anomalyModeNamesTheForwardOpThatMadeANonFiniteValue() {
        Tensor x = x();
        try (var anomaly = Autograd.detectAnomaly(true)) {
            var e = assertThrows(NonFiniteException.class, () -> x.abs().log());
            assertTrue(e.getMessage().startsWith("anomaly: forward of 'log' at dev.nabla.engine.ops.UnaryMath.log(UnaryMath.java:"), e.getMessage());
            assertTrue(e.getMessage().contains("produced -Infinity at index [1, 1] of its output (2, 3) from inputs (2, 3), all finite"), e.getMessage());
        }
        assertTrue(Float.isInfinite(x.abs().log().toArray()[4]), "off again after the scope: no check");
    }

    @Test
    void anomalyModeNamesTheBackwardThatMadeANonFiniteGradientAndTheUsersLine() {
        Tensor x = x();
        try (var anomaly = Autograd.detectAnomaly(true)) {
            Tensor loss = x.abs().sqrt().sum();                     // d√u/du is infinite at u = 0
            var e = assertThrows(NonFiniteException.class, loss::backward);
            String m = e.getMessage();
            assertTrue(m.startsWith("anomaly: backward of 'sqrt' at dev.nabla.engine.ops.UnaryMath.sqrt(UnaryMath.java:"), m);
            assertTrue(m.contains(", called from dev.nabla.engine.InspectTest"), m);
            assertTrue(m.contains("produced Infinity at index [1, 1] of the gradient for input 0 (inputs (2, 3)); the gradient arriving at its output was finite"), m);
        }
    }

    @Test
    void theGraphPictureGroupsALayersOpsAndShowsGradients() {
        Tensor x = x(), w = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2).requiresGrad(true).name("dense/kernel");
        Tensor loss;
        try (var sites = Trace.sites(); var layer = Trace.name("dense")) {
            loss = Affine.affine(x, w, null, false).tanh().square().mean();
        }
        GraphView view = GraphView.of(loss).backward();
        String dot = view.dot();
        assertEquals(2, view.leaves());
        assertTrue(view.ops() >= 5, dot);
        assertTrue(dot.contains("subgraph cluster_0 {\n    label=\"dense\""), dot);
        assertTrue(dot.contains("label=\"affine\\n(2, 2)\\nvalue min"), dot);
        assertTrue(dot.contains("backward: Affine.affine (Affine.java:"), dot);
        assertTrue(dot.contains("label=\"dense/kernel\\n(3, 2)"), dot);
        assertTrue(dot.matches("(?s).*affine.*\\\\ngrad min .*"), "the affine output's gradient is shown: " + dot);
        assertFalse(dot.contains("non-finite"), dot);
    }

    @Test
    void writesTheDotFileAndAnSvgWhereGraphvizIsInstalled(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Tensor x = x();
        String said = GraphView.of(x.exp().sum()).write(dir.resolve("step.dot"));
        assertTrue(java.nio.file.Files.readString(dir.resolve("step.dot")).startsWith("digraph nabla {"));
        boolean svg = java.nio.file.Files.exists(dir.resolve("step.svg"));
        assertEquals(svg ? "wrote " + dir.resolve("step.dot") + " and " + dir.resolve("step.svg")
                : "wrote " + dir.resolve("step.dot") + " (for an SVG install Graphviz, e.g. apt-get install graphviz, then run dot -Tsvg " + dir.resolve("step.dot") + ")", said);
        if (svg) assertTrue(java.nio.file.Files.readString(dir.resolve("step.svg")).contains("<svg"));
    }

    private static List<Float> boxed(float[] v) {
        List<Float> l = new ArrayList<>();
        for (float f : v) l.add(f);
        return l;
    }
}
