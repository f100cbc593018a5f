package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.engine.profile.Profiler;
import dev.nabla.layers.losses.Loss;
import dev.nabla.layers.losses.Metric;
import dev.nabla.optim.Optimizer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A chain of layers that can be trained: Keras's functional {@code Model(inputs, outputs)}, and
 * the base of {@link Sequential}. A model is itself a layer, so models nest. Two models built on
 * the same symbolic graph share its layers, hence their trained weights.
 */
public class Model extends Layer {
    protected final List<Layer> layers = new ArrayList<>();
    private final SymbolicTensor input;
    private Loss loss;
    private Optimizer optimizer;
    private List<Metric> metrics = List.of();

    /** The layers between {@code input} and {@code output}, found by walking back from the output. */
    public Model(SymbolicTensor input, SymbolicTensor output) {
        if (!input.isInput()) throw new IllegalArgumentException("Model: the first argument must come from Input.of(...), got " + input);
        for (SymbolicTensor t = output; t != input; t = t.input()) {
            if (t.isInput()) throw new IllegalArgumentException("Model: output " + output + " is not computed from input " + input);
            layers.add(t.layer());
        }
        Collections.reverse(layers);
        this.input = input;
        build(input.shape());
    }

    /** For Sequential: layers are added later. */
    protected Model() {
        this.input = null;
    }

    @Override
    public Model trainable(boolean on) {
        super.trainable(on);
        return this;
    }

    @Override
    public Model named(String name) {
        super.named(name);
        return this;
    }

    /** Keras's class name: "Functional" for a model built from inputs and outputs. */
    @Override
    public String typeName() { return input != null ? "Functional" : getClass().getSimpleName(); }

    public List<Layer> layers() { return List.copyOf(layers); }

    @Override
    List<Layer> innerLayers() { return layers(); }

    /** The functional model's input, null for a Sequential. */
    public SymbolicTensor input() { return input; }

    @Override
    protected void createWeights(int[] shape) {
        int[] s = shape;
        for (Layer l : layers) {
            l.build(s);
            s = l.computeOutputShape(s);
        }
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        for (Layer l : layers) x = l.call(x, training);
        return x;
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        int[] s = in;
        for (Layer l : layers) s = l.computeOutputShape(s);
        return s;
    }

    /** All weights of the layers, each once (a tied kernel is listed by its owner). */
    @Override
    public List<Tensor> weights() {
        return distinct(layers.stream().map(Layer::weights).toList());
    }

    /** The weights of the trainable layers, each once; none when this model is frozen. */
    @Override
    public List<Tensor> trainableWeights() {
        return trainable() ? distinct(layers.stream().map(Layer::trainableWeights).toList()) : List.of();
    }

    private static List<Tensor> distinct(List<List<Tensor>> lists) {
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Tensor> out = new ArrayList<>();
        for (List<Tensor> l : lists) for (Tensor w : l) if (seen.add(w)) out.add(w);
        return out;
    }

    /**
     * The losses added in the latest call: the model's own (a subclass's {@code addLoss} in its
     * forward, Keras's {@code self.add_loss}), then its layers', each layer once even if it was
     * applied twice.
     */
    @Override
    public List<Tensor> losses() {
        List<Tensor> out = new ArrayList<>(super.losses());
        Set<Layer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Layer l : layers) if (seen.add(l)) out.addAll(l.losses());
        return out;
    }

    @Override
    protected void clearLosses() {
        super.clearLosses();
        for (Layer l : layers) l.clearLosses();
    }

    /** Its layers' entries; a functional model also keeps its input's name and shape. */
    @Override
    protected Map<String, Object> config() {
        List<Map<String, Object>> entries = layers.stream().map(LayerConfig::entry).toList();
        return input == null ? LayerConfig.of("layers", entries) : LayerConfig.of("input_name", input.name(), "input_shape", LayerConfig.shape(input.shape()), "layers", entries);
    }

    // ---------------------------------------------------------------- training

    public void compile(Loss loss, Optimizer optimizer, Metric... metrics) {
        this.loss = loss;
        this.optimizer = optimizer;
        List<Metric> resolved = new ArrayList<>();
        for (Metric m : metrics) resolved.add(m.resolve(loss));
        this.metrics = List.copyOf(resolved);
    }

    public Loss loss() { return loss; }
    public Optimizer optimizer() { return optimizer; }
    public List<Metric> metrics() { return metrics; }

    private Trainer trainer() {
        requireCompiled();
        return new Trainer(this);
    }

    private void requireCompiled() {
        if (loss == null) throw new IllegalStateException("model '" + name() + "' must be compiled (compile(loss, optimizer, ...)) before training or evaluation");
    }

    /** Trains on (x, y); see {@link Fit} for the options. */
    public History fit(Tensor x, Tensor y, Fit options) {
        return trainer().fit(x, y, options);
    }

    /**
     * Trains on batches from an iterable (Keras's fit on a dataset or generator): each epoch
     * iterates it again; the fit's batch size and shuffling do not apply.
     */
    public History fit(Iterable<Batch> batches, Fit options) {
        return trainer().fit(batches, options);
    }

    /** Loss (with regularisation losses) and metrics over (x, y) in inference mode, batches of 32. */
    public Map<String, Double> evaluate(Tensor x, Tensor y) {
        return evaluate(x, y, null, Fit.DEFAULT_BATCH_SIZE);
    }

    public Map<String, Double> evaluate(Tensor x, Tensor y, int batchSize) {
        return evaluate(x, y, null, batchSize);
    }

    /** The same with the loss weighted by one weight per sample (null for none), Keras's {@code evaluate(x, y, sample_weight=w)}. */
    public Map<String, Double> evaluate(Tensor x, Tensor y, Tensor sampleWeight, int batchSize) {
        return trainer().evaluate(x, y, sampleWeight, batchSize);
    }

    /** Outputs for x in inference mode, computed in batches of 32. */
    public Tensor predict(Tensor x) {
        return predict(x, Fit.DEFAULT_BATCH_SIZE);
    }

    public Tensor predict(Tensor x, int batchSize) {
        return Batches.predict(this, x, batchSize);
    }

    /**
     * One training step on a batch, Keras's {@code train_step}: the forward pass in training mode,
     * {@link #computeLoss}, gradients zeroed, back-propagation, and the optimizer's step on the
     * trainable weights. Returns the batch's logs: "loss", then each metric. {@link #fit} calls it
     * for every batch and averages the logs over the epoch; a subclass may override it to train
     * differently, and may then log several losses named "..._loss" instead of one "loss" (a
     * GAN's "d_loss" and "g_loss"), or take batches without targets ({@code y} null).
     */
    public Map<String, Double> trainStep(Tensor x, Tensor y) {
        return train(x, y, null);
    }

    /**
     * The training step with one weight per sample weighing the compiled loss (Keras's
     * {@code sample_weight}); without weights it is {@link #trainStep(Tensor, Tensor)}, so that an
     * override of that form trains every unweighted fit. {@link #fit} calls this form.
     */
    public Map<String, Double> trainStep(Tensor x, Tensor y, Tensor sampleWeight) {
        return sampleWeight == null ? trainStep(x, y) : train(x, y, sampleWeight);
    }

    private Map<String, Double> train(Tensor x, Tensor y, Tensor sampleWeight) {
        if (y == null) {
            throw new IllegalArgumentException("model '" + name() + "': a batch without targets needs a trainStep of the model's own; the compiled loss needs y");
        }
        Tensor pred = call(x, true);
        Tensor total = computeLoss(y, pred, sampleWeight);
        List<Tensor> params = trainableWeights();
        for (Tensor p : params) p.zeroGrad();
        total.backward();
        try (var span = Profiler.span(optimizer.getClass().getSimpleName() + ".step", "optimizer")) {
            optimizer.step(params);
        }
        return logs(total, y, pred);
    }

    /**
     * One evaluation step on a batch, Keras's {@code test_step}: the forward pass in inference mode,
     * {@link #computeLoss} and the metrics, as logs like {@link #trainStep}'s. {@link #evaluate} and
     * the validation in {@link #fit} call it for every batch, without gradients.
     */
    public Map<String, Double> testStep(Tensor x, Tensor y) {
        return test(x, y, null);
    }

    /** The evaluation step with sample weights; without them it is {@link #testStep(Tensor, Tensor)}. */
    public Map<String, Double> testStep(Tensor x, Tensor y, Tensor sampleWeight) {
        return sampleWeight == null ? testStep(x, y) : test(x, y, sampleWeight);
    }

    private Map<String, Double> test(Tensor x, Tensor y, Tensor sampleWeight) {
        Tensor pred = call(x, false);
        return logs(computeLoss(y, pred, sampleWeight), y, pred);
    }

    /** The compiled loss of {@code pred} against {@code y} plus the losses the layers added in the last call, Keras's {@code compute_loss}. */
    public Tensor computeLoss(Tensor y, Tensor pred) {
        return computeLoss(y, pred, null);
    }

    /**
     * The same with the compiled loss weighted by one weight per sample (null for none); the
     * added losses are not weighted, as in Keras. Metrics are not weighted either (Keras's
     * {@code metrics}, not {@code weighted_metrics}).
     */
    public Tensor computeLoss(Tensor y, Tensor pred, Tensor sampleWeight) {
        requireCompiled();
        Tensor total = loss.compute(y, pred, sampleWeight);
        for (Tensor l : losses()) total = total.add(l);
        return total;
    }

    private Map<String, Double> logs(Tensor total, Tensor y, Tensor pred) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", (double) total.item());
        for (Metric m : metrics) logs.put(m.name(), m.compute(y, pred));
        return logs;
    }

    // ---------------------------------------------------------------- summary and weights

    /** Keras's summary table. */
    public String summary() {
        return Summary.of(this);
    }

    /** Prints the summary table to {@code out}, as Keras's {@code model.summary(print_fn=...)}. */
    public void printSummary(PrintStream out) {
        out.print(summary());
    }

    /** Writes every weight, named like "dense/kernel", to a safetensors file, atomically. */
    public void saveWeights(Path path) {
        try {
            SafeTensors.write(path, namedWeights());
        } catch (IOException e) {
            throw new UncheckedIOException("saveWeights: cannot write " + path, e);
        }
    }

    /**
     * Reads weights saved by {@link #saveWeights} or any safetensors file of float32 tensors; names
     * and shapes must match this model's exactly. A file that does not leaves every weight as it was.
     */
    public void loadWeights(Path path) {
        try {
            SafeTensors.readInto(path, namedWeights());
        } catch (IOException e) {
            throw new UncheckedIOException("loadWeights: cannot read " + path, e);
        }
    }

    /**
     * Writes the whole model to one file, atomically, as Keras's {@code model.save("x.keras")}: its
     * architecture, its weights, and when compiled its loss, metrics and optimizer state (see
     * {@link ModelFile}). A layer of your own is saved when it overrides {@link Layer#config()}.
     */
    public void save(Path path) {
        ModelFile.save(this, path);
    }

    /**
     * Rebuilds a model saved by {@link #save}, with the same weights (the same predictions, bit for
     * bit), compiled with its loss, metrics and optimizer state when the file holds them, as
     * Keras's {@code load_model}. An unknown layer type or a file from a newer nabla is refused.
     */
    public static Model load(Path path) {
        return load(path, Map.of());
    }

    /** The same, with factories for layer types of your own, by type name (Keras's {@code custom_objects}). */
    public static Model load(Path path, Map<String, LayerFactory> customLayers) {
        return ModelFile.load(path, customLayers);
    }

    private List<Tensor> namedWeights() {
        if (!built()) throw new IllegalStateException("model '" + name() + "' has no weights yet: build it (call it, fit it, or give inputShape) first");
        return weights();
    }
}
