package dev.nabla.layers;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Trace;
import dev.nabla.engine.kernels.Arena;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A layer: weights built lazily from the first input's shape, then {@code call(x, training)}.
 * Shapes given to and returned by a layer leave out the batch axis, as Keras's {@code (None, ...)}.
 * Losses a layer adds during a call (activity regularisation) are kept until its next call.
 */
public abstract class Layer {
    private String name;
    private int[] inputShape;
    private final List<Tensor> own = new ArrayList<>();
    private final List<Tensor> frozen = new ArrayList<>();
    private boolean trainable = true;
    private final List<Tensor> callLosses = new ArrayList<>();
    /** This layer's generator for initial weights, split from the current {@link LayerScope}. */
    protected final SplittableRandom rng = LayerScope.current().split();
    /** The seed of this layer's noise, drawn from {@link #rng} by the first {@link #noise()}, and how many calls have drawn noise. */
    private long noiseSeed, noiseCalls;
    private boolean noiseSeeded;

    protected Layer() {
        this.name = LayerScope.current().uniqueName(Names.snakeCase(typeName()), true);
    }

    /**
     * Forgets the automatic names the current {@link LayerScope} has handed out, like
     * {@code keras.backend.clear_session()}: the next Dense is {@code dense} again.
     */
    public static void clearSession() {
        LayerScope.current().forgetNames();
    }

    public String name() { return name; }

    /** Sets this layer's name (before its weights are built, or they keep their old names). */
    public Layer named(String newName) {
        if (newName == null || newName.isBlank() || newName.contains("/")) {
            throw new IllegalArgumentException("layer name must be non-empty and without '/': '" + newName + "'");
        }
        this.name = newName;
        for (Tensor w : own) w.name(newName + "/" + w.name().substring(w.name().indexOf('/') + 1));
        return this;
    }

    /** Keras's class name shown by summary(), e.g. "Dense". */
    public String typeName() { return getClass().getSimpleName(); }

    public boolean built() { return inputShape != null; }

    /** The input shape (without the batch axis) this layer was built for, or null. */
    public int[] inputShape() { return inputShape == null ? null : inputShape.clone(); }

    /**
     * Builds the weights for inputs of this shape (without the batch axis); once built, a layer
     * accepts only that shape, any length along the axes given as {@link Input#NONE}.
     */
    public final void build(int... shape) {
        if (inputShape != null) {
            if (!Dims.fit(inputShape, shape)) {
                throw new IllegalArgumentException("layer '" + name + "' (" + typeName() + ") was built for inputs of shape "
                        + batchShape(inputShape) + " but received " + batchShape(shape));
            }
            return;
        }
        try (var outside = Arena.suspend()) {       // weights outlive the training step that builds them
            createWeights(shape.clone());
        }
        inputShape = shape.clone();
    }

    /**
     * A generator for this call's noise (a dropout mask, Gaussian noise), seeded by the layer's
     * noise seed folded with the number of calls so far, as counter-based generators are (JAX's
     * {@code fold_in}, PyTorch's Philox offsets): the layer's random state is then one count,
     * which {@link BackupAndRestore} saves and restores.
     */
    protected final SplittableRandom noise() {
        if (!noiseSeeded) {
            noiseSeed = rng.nextLong();
            noiseSeeded = true;
        }
        return new SplittableRandom(foldIn(noiseSeed, noiseCalls++));
    }

    /** SplitMix64's finaliser over seed + (n + 1)·γ: well-mixed, distinct seeds for n = 0, 1, 2, …. */
    private static long foldIn(long seed, long n) {
        long z = seed + (n + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** How many calls have drawn noise: the layer's random state. */
    long noiseCalls() { return noiseCalls; }

    /** Continues the noise as after {@code calls} calls. */
    void noiseCalls(long calls) { this.noiseCalls = calls; }

    /** The layers inside this one (a model's, a wrapper's), for what walks a whole model. */
    List<Layer> innerLayers() { return List.of(); }

    /** Creates the weights for this input shape; layers without weights need not override. */
    protected void createWeights(int[] shape) {}

    /** Adds a trainable weight named {@code layer/weight}. */
    protected final Tensor addWeight(String weightName, Tensor initial) {
        return addWeight(weightName, initial, true);
    }

    /**
     * Adds a weight named {@code layer/weight}; a non-trainable one (BatchNormalization's moving
     * statistics) is saved and counted but never given a gradient or updated by an optimizer.
     */
    protected final Tensor addWeight(String weightName, Tensor initial, boolean trainableWeight) {
        initial.requiresGrad(trainableWeight).name(name + "/" + weightName);
        own.add(initial);
        if (!trainableWeight) frozen.add(initial);
        return initial;
    }

    /** How deep in nested layer calls this thread is: the outermost call starts a fresh set of added losses. */
    private static final ThreadLocal<int[]> CALL_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * Runs the layer on a batch (first axis = samples), building it on the first call. As in Keras,
     * the losses layers add are those of the latest outermost call: a layer called twice inside one
     * model call keeps both calls' losses.
     */
    public final Tensor call(Tensor x, boolean training) {
        if (x.rank() < 1) throw new IllegalArgumentException("layer '" + name + "' needs a batch axis; got a scalar");
        build(Arrays.copyOfRange(x.shape(), 1, x.rank()));
        int[] depth = CALL_DEPTH.get();
        if (depth[0] == 0) clearLosses();
        depth[0]++;
        try (var scope = Trace.name(name)) {      // the layer's ops, grouped by name in a picture of the graph
            return forward(x, training);
        } finally {
            depth[0]--;
        }
    }

    /** Forgets the losses added so far, this layer's and (for models) its layers'. */
    protected void clearLosses() {
        callLosses.clear();
    }

    /** The layer's computation on a batch of the built shape. */
    protected abstract Tensor forward(Tensor x, boolean training);

    /**
     * The arguments that rebuild this layer, under Keras's names (its {@code get_config} without
     * the name and the trainable flag, which the file stores beside it); what {@link Model#save}
     * writes and a {@link LayerFactory} reads back. Null, the default, for a layer that a model
     * file cannot hold: a layer of your own overrides it to be saved.
     */
    protected Map<String, Object> config() {
        return null;
    }

    /** Output shape for an input shape, both without the batch axis. */
    public abstract int[] computeOutputShape(int[] inputShapeWithoutBatch);

    /** Functional API: builds the layer for {@code x}'s shape and returns its symbolic output. */
    public SymbolicTensor apply(SymbolicTensor x) {
        build(x.shape());
        return new SymbolicTensor(computeOutputShape(x.shape()), this, x);
    }

    /** This layer's weights (a tied layer lists only its own), Keras's {@code layer.weights}. */
    public List<Tensor> weights() { return List.copyOf(own); }

    /** Copies of the weights' values, in {@link #weights()} order, as Keras's {@code get_weights()}. */
    public List<Tensor> getWeights() {
        return weights().stream().map(w -> Tensor.of(w.toArray(), w.shape())).toList();
    }

    /**
     * Sets every weight from values in {@link #weights()} order and layouts (Keras's
     * {@code set_weights}: a Dense kernel is (in, out)); the layer must be built. Checks all
     * counts and shapes before changing anything.
     */
    public void setWeights(List<Tensor> values) {
        List<Tensor> ws = weights();
        if (ws.isEmpty() && !built() && !values.isEmpty()) {
            throw new IllegalStateException("layer '" + name + "' (" + typeName() + ") is not built yet; build it for an input shape before setWeights");
        }
        if (values.size() != ws.size()) {
            throw new IllegalArgumentException("layer '" + name + "' (" + typeName() + ") has " + ws.size() + " weights, setWeights got " + values.size());
        }
        for (int i = 0; i < ws.size(); i++) {
            if (!Arrays.equals(ws.get(i).shape(), values.get(i).shape())) {
                throw new IllegalArgumentException("setWeights: weight '" + ws.get(i).name() + "' has shape " + Shape.str(ws.get(i).shape())
                        + ", the value given has shape " + Shape.str(values.get(i).shape()));
            }
        }
        for (int i = 0; i < ws.size(); i++) {
            Tensor w = ws.get(i);
            System.arraycopy(values.get(i).toArray(), 0, w.data(), w.offset(), w.size());
        }
    }

    /** The weights that training updates: all but the non-trainable ones, or none once {@code trainable(false)}. */
    public List<Tensor> trainableWeights() {
        return trainable ? own.stream().filter(w -> !frozen.contains(w)).toList() : List.of();
    }

    public boolean trainable() { return trainable; }

    /** Freezes (false) or unfreezes the layer's weights, as Keras's {@code layer.trainable = False}; set it before compile. */
    public Layer trainable(boolean on) {
        this.trainable = on;
        return this;
    }

    public long countParams() {
        return sizeOf(weights());
    }

    static long sizeOf(List<Tensor> tensors) {
        long n = 0;
        for (Tensor w : tensors) n += w.size();
        return n;
    }

    /** Adds a loss (a scalar) to the training objective for this call. */
    protected final void addLoss(Tensor loss) {
        if (loss.size() != 1) throw new IllegalArgumentException("layer '" + name + "': an added loss must be a scalar, got shape " + Shape.str(loss.shape()));
        callLosses.add(loss);
    }

    /** Losses added during the last call (of this layer and, for models, of its layers). */
    public List<Tensor> losses() { return List.copyOf(callLosses); }

    static String batchShape(int[] shape) {
        StringBuilder sb = new StringBuilder("(None");
        for (int d : shape) sb.append(", ").append(Dims.str(d));
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return name + " (" + typeName() + ")";
    }
}
