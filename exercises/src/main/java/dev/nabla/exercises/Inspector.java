package dev.nabla.exercises;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.BackwardListener;
import dev.nabla.engine.autograd.GraphView;
import dev.nabla.engine.autograd.Node;
import dev.nabla.engine.autograd.Trace;
import dev.nabla.engine.profile.Profiler;
import dev.nabla.exercises.plot.LinePlot;
import dev.nabla.layers.Callback;
import dev.nabla.layers.History;
import dev.nabla.layers.Layer;
import dev.nabla.layers.Model;
import dev.nabla.layers.Training;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The {@link Inspection}s of a run: files beside its pictures, and a few lines on its stream. */
final class Inspector {
    private final Path dir;
    private final String id;
    private final PrintStream out;

    Inspector(Path dir, String id, PrintStream out) {
        this.dir = dir;
        this.id = id;
        this.out = out;
    }

    /**
     * Draws the graph of one training step on the first batch (forward in training mode and the
     * loss, recorded with creation sites) and writes its backward node by node: ID-graph.dot (and
     * .svg), ID-backward.txt. The weights' gradients it leaves are cleared by the next step.
     */
    void graph(Model model, Tensor x, Tensor y, int batch) {
        int n = Math.min(batch, x.dim(0));
        Tensor loss;
        try (var sites = Trace.sites()) {
            loss = model.computeLoss(y.slice(0, 0, n), model.call(x.slice(0, 0, n), true));
        }
        StringBuilder steps = new StringBuilder("# backward of one training step of " + id + ", node by node: op, layer, output shape,\n"
                + "# the gradient arriving at the output, and the gradients the node sends to its inputs\n");
        GraphView view = GraphView.of(loss).backward(new BackwardListener() {
            private int step;

            @Override
            public void after(Node node, Tensor output, Tensor gradOutput, Tensor[] inputGrads) {
                StringBuilder sent = new StringBuilder();
                for (Tensor g : inputGrads) {
                    if (g != null) sent.append(sent.isEmpty() ? "" : ", ").append(Shape.str(g.shape())).append(String.format(Locale.ROOT, " |%.4g|", norm(g)));
                }
                steps.append(String.format(Locale.ROOT, "%3d %-20s %-30s %-15s in |%.4g|  out %s%n", ++step, node.op(),
                        node.origin().scope().isEmpty() ? "-" : node.origin().scope(), Shape.str(output.shape()), norm(gradOutput), sent));
            }
        });
        String wrote = view.write(dir.resolve(id + "-graph.dot"));
        write(dir.resolve(id + "-backward.txt"), steps.toString());
        out.printf(Locale.ROOT, "graph of one training step: %d ops, %d leaves (weights and data); %s; backward step by step in %s%n",
                view.ops(), view.leaves(), wrote, dir.resolve(id + "-backward.txt"));
    }

    /** Runs the fit under the profiler and writes ID-profile.txt (the table) and ID-trace.json. */
    History profile(Supplier<History> fit) {
        Profiler.Result<History> r = Profiler.run(fit);
        String table = r.profile().table();
        write(dir.resolve(id + "-profile.txt"), table);
        r.profile().writeTrace(dir.resolve(id + "-trace.json"));
        out.println("profile (top rows; all in " + dir.resolve(id + "-profile.txt") + ", trace for chrome://tracing or ui.perfetto.dev in "
                + dir.resolve(id + "-trace.json") + "):");
        table.lines().limit(9).forEach(l -> out.println("  " + l));
        return r.value();
    }

    /** A callback that averages each layer's gradient norm over an epoch's batches. */
    static final class GradientFlow implements Callback {
        private final Map<String, List<Double>> perEpoch = new LinkedHashMap<>();
        private final Map<String, double[]> epochSums = new LinkedHashMap<>();
        private List<Layer> layers;

        @Override
        public void onTrainBegin(Training training) {
            layers = new ArrayList<>();
            leaves(training.model(), layers);
        }

        @Override
        public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
            for (Layer l : layers) {
                double sq = 0;
                for (Tensor w : l.trainableWeights()) if (w.grad() != null) sq += Math.pow(norm(w.grad()), 2);
                double[] s = epochSums.computeIfAbsent(l.name(), k -> new double[2]);
                s[0] += Math.sqrt(sq);
                s[1]++;
            }
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            epochSums.forEach((name, s) -> perEpoch.computeIfAbsent(name, k -> new ArrayList<>()).add(s[0] / s[1]));
            epochSums.clear();
        }

        private static void leaves(Layer layer, List<Layer> into) {
            if (layer instanceof Model m) {
                for (Layer l : m.layers()) leaves(l, into);
            } else if (!layer.trainableWeights().isEmpty()) {
                into.add(layer);
            }
        }
    }

    /** Draws ID-grad-flow.png (one curve per layer) and writes the numbers to ID-grad-flow.tsv. */
    void gradientFlow(GradientFlow flow, int fitNumber) {
        String suffix = fitNumber == 1 ? "" : "-" + fitNumber;
        LinePlot plot = new LinePlot("Gradient norm per layer (" + id + ")", "epoch", "mean ‖∂L/∂W‖ over the epoch's batches");
        StringBuilder tsv = new StringBuilder("layer\tepoch\tmean_gradient_norm\n");
        flow.perEpoch.forEach((layer, norms) -> {
            double[] e = new double[norms.size()], v = new double[norms.size()];
            for (int i = 0; i < e.length; i++) {
                e[i] = i + 1;
                v[i] = norms.get(i);
                tsv.append(layer).append('\t').append(i + 1).append('\t').append(v[i]).append('\n');
            }
            plot.seriesWithMarkers(layer, e, v);
        });
        Path png = plot.write(dir.resolve(id + "-grad-flow" + suffix + ".png"));
        write(dir.resolve(id + "-grad-flow" + suffix + ".tsv"), tsv.toString());
        out.println("wrote " + png);
    }

    private static double norm(Tensor t) {
        return GraphView.Summary.of(t).norm();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
