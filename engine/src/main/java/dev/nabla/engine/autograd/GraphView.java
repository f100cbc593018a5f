package dev.nabla.engine.autograd;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A picture of the graph behind a tensor, in Graphviz's DOT language, as micrograd's
 * {@code draw_dot}: one box per recorded op with its output's shape and a summary of its values
 * and, once {@link #backward()} has run through this view, of its gradient; one ellipse per leaf
 * (weights and inputs); the ops of one layer, with the weights they use, grouped in a cluster
 * named after it; and for each op
 * where its hand-written backward is (file:line when the graph was recorded inside
 * {@link Trace#sites()}, else the class).
 */
public final class GraphView {
    private final Tensor root;
    private final List<Tensor> tensors;                 // root first, every tensor once
    private final Map<Tensor, Tensor> gradients = new IdentityHashMap<>();

    private GraphView(Tensor root) {
        this.root = root;
        this.tensors = reachable(root);
    }

    public static GraphView of(Tensor root) {
        return new GraphView(root);
    }

    /** Number of recorded ops in the graph. */
    public int ops() {
        return (int) tensors.stream().filter(t -> t.node() != null).count();
    }

    public int leaves() {
        return tensors.size() - ops();
    }

    /** The names of the ops recorded in the graph. */
    public java.util.Set<String> opNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Tensor t : tensors) if (t.node() != null) names.add(t.node().op());
        return names;
    }

    /** Runs the root's backward (a scalar), keeping every intermediate gradient for the picture. */
    public GraphView backward() {
        return backward(BackwardListener.NONE);
    }

    /** The same, showing each node to {@code listener} too (a step-through). */
    public GraphView backward(BackwardListener listener) {
        Autograd.backward(root, new BackwardListener() {
            @Override
            public void before(Node node, Tensor output, Tensor gradOutput) {
                gradients.put(output, gradOutput);
                listener.before(node, output, gradOutput);
            }

            @Override
            public void after(Node node, Tensor output, Tensor gradOutput, Tensor[] inputGrads) {
                listener.after(node, output, gradOutput, inputGrads);
            }
        });
        return this;
    }

    public String dot() {
        Map<Tensor, String> ids = new IdentityHashMap<>();
        for (Tensor t : tensors) ids.put(t, "t" + ids.size());
        Map<Tensor, String> weightScope = new IdentityHashMap<>();   // a weight sits with the op that uses it
        for (Tensor t : tensors) {
            if (t.node() == null) continue;
            for (Tensor in : t.node().inputs()) if (in != null && in.node() == null && in.requiresGrad()) weightScope.putIfAbsent(in, t.node().origin().scope());
        }
        Map<String, List<Tensor>> clusters = new LinkedHashMap<>();
        for (Tensor t : tensors) {
            String scope = t.node() != null ? t.node().origin().scope() : weightScope.getOrDefault(t, "");
            clusters.computeIfAbsent(scope, k -> new ArrayList<>()).add(t);
        }

        StringBuilder sb = new StringBuilder("digraph nabla {\n  rankdir=BT;\n  node [fontname=\"Helvetica\", fontsize=10];\n");
        int c = 0;
        for (var e : clusters.entrySet()) {
            boolean cluster = !e.getKey().isEmpty();
            String indent = cluster ? "    " : "  ";
            if (cluster) sb.append("  subgraph cluster_").append(c++).append(" {\n    label=\"").append(escape(e.getKey())).append("\"; style=rounded; color=gray;\n");
            for (Tensor t : e.getValue()) sb.append(indent).append(ids.get(t)).append(' ').append(attributes(t)).append(";\n");
            if (cluster) sb.append("  }\n");
        }
        for (Tensor t : tensors) {
            if (t.node() == null) continue;
            for (Tensor in : t.node().inputs()) if (in != null && ids.containsKey(in)) sb.append("  ").append(ids.get(in)).append(" -> ").append(ids.get(t)).append(";\n");
        }
        return sb.append("}\n").toString();
    }

    /**
     * Writes the DOT file and, when Graphviz's {@code dot} is on the PATH, an SVG beside it
     * ({@code name.dot} → {@code name.svg}). Returns what was written, or how to get Graphviz.
     */
    public String write(Path dotFile) {
        try {
            if (dotFile.getParent() != null) Files.createDirectories(dotFile.getParent());
            Files.writeString(dotFile, dot());
            String name = dotFile.getFileName().toString();
            Path svg = dotFile.resolveSibling(name.endsWith(".dot") ? name.substring(0, name.length() - 4) + ".svg" : name + ".svg");
            Process p;
            try {
                p = new ProcessBuilder("dot", "-Tsvg", "-o", svg.toString(), dotFile.toString()).redirectErrorStream(true).start();
            } catch (IOException noDot) {
                return "wrote " + dotFile + " (for an SVG install Graphviz, e.g. apt-get install graphviz, then run dot -Tsvg " + dotFile + ")";
            }
            String output = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) return "wrote " + dotFile + "; dot failed: " + output.strip();
            return "wrote " + dotFile + " and " + svg;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the graph to " + dotFile + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "wrote " + dotFile + "; interrupted while dot ran";
        }
    }

    private String attributes(Tensor t) {
        Node node = t.node();
        List<String> lines = new ArrayList<>();
        lines.add(node == null ? (t.name() != null ? t.name() : t.requiresGrad() ? "leaf" : "data") : node.op());
        lines.add(Shape.str(t.shape()));
        lines.add("value " + Summary.of(t));
        Tensor g = node == null ? t.grad() : gradients.get(t);
        if (g != null) lines.add("grad " + Summary.of(g));
        if (node != null) lines.add("backward: " + backwardSite(node));
        String shape = node == null ? "ellipse" : "box";
        String fill = node == null ? (t.requiresGrad() ? "lightblue" : "white") : "lightyellow";
        return "[shape=" + shape + ", style=filled, fillcolor=" + fill + ", label=\"" + String.join("\\n", lines.stream().map(GraphView::escape).toList()) + "\"]";
    }

    /** Where the node's backward is written: the recording op's file and line, or the class its closure belongs to. */
    static String backwardSite(Node node) {
        StackTraceElement op = node.origin().op();
        if (op != null) return op.getClassName().substring(op.getClassName().lastIndexOf('.') + 1) + "." + op.getMethodName() + " (" + op.getFileName() + ":" + op.getLineNumber() + ")";
        String cls = node.backward().getClass().getName();
        cls = cls.substring(cls.lastIndexOf('.') + 1);
        int lambda = cls.indexOf("$$");
        return lambda < 0 ? cls : cls.substring(0, lambda);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** min / max / mean / L2 norm of a tensor's values, and how many are not finite. */
    public record Summary(double min, double max, double mean, double norm, int nonFinite) {
        public static Summary of(Tensor t) {
            float[] v;
            try (var s = GradMode.noGrad()) {
                v = t.toArray();
            }
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0, sq = 0;
            int bad = 0;
            for (float x : v) {
                if (!Float.isFinite(x)) { bad++; continue; }
                min = Math.min(min, x);
                max = Math.max(max, x);
                sum += x;
                sq += (double) x * x;
            }
            int n = v.length - bad;
            return new Summary(n == 0 ? Double.NaN : min, n == 0 ? Double.NaN : max, n == 0 ? Double.NaN : sum / n, Math.sqrt(sq), bad);
        }

        @Override
        public String toString() {
            String s = String.format(Locale.ROOT, "min %.3g max %.3g mean %.3g norm %.3g", min, max, mean, norm);
            return nonFinite == 0 ? s : s + " non-finite " + nonFinite;
        }
    }

    /** The tensors reachable from root through recorded inputs, root first. */
    private static List<Tensor> reachable(Tensor root) {
        List<Tensor> out = new ArrayList<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Tensor> todo = new ArrayDeque<>(List.of(root));
        seen.put(root, true);
        while (!todo.isEmpty()) {
            Tensor t = todo.removeFirst();
            out.add(t);
            if (t.node() == null) continue;
            for (Tensor in : t.node().inputs()) if (in != null && seen.put(in, true) == null) todo.addLast(in);
        }
        return out;
    }
}
