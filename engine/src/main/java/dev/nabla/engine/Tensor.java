package dev.nabla.engine;

import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.autograd.Node;
import dev.nabla.engine.kernels.Arena;
import dev.nabla.engine.kernels.Backend;
import dev.nabla.engine.kernels.ElementWise;
import dev.nabla.engine.kernels.HostStorage;
import dev.nabla.engine.kernels.Storage;
import dev.nabla.engine.ops.Activations;
import dev.nabla.engine.ops.Arithmetic;
import dev.nabla.engine.ops.MatMul;
import dev.nabla.engine.ops.Reductions;
import dev.nabla.engine.ops.ShapeOps;
import dev.nabla.engine.ops.Softmax;
import dev.nabla.engine.ops.UnaryMath;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A float32 n-dimensional array with reverse-mode automatic differentiation.
 *
 * <p>Storage is a {@code float[]} read through an offset and per-axis strides, so reshape,
 * transpose and slice return views that share storage. A tensor that requires a gradient and was
 * produced by an operation remembers that operation as its {@link Node}; {@link #backward()} walks
 * those nodes in reverse topological order. Operations live in {@code dev.nabla.engine.ops}, each
 * with its forward and its hand-written backward side by side; the methods here only delegate.
 */
public final class Tensor {
    private final Storage storage;
    private final int offset;
    private final int[] shape;
    private final int[] strides;

    private boolean requiresGrad;
    private Tensor grad;
    private Tensor gradBuffer;
    private Node node;
    private String name;
    private Logits logits;

    /** A view on {@code data} in host memory; no copy. Most code wants {@link #of} or {@link #zeros}. */
    public Tensor(float[] data, int offset, int[] shape, int[] strides) {
        this(new HostStorage(data), offset, shape, strides);
    }

    /** A view on any backend's storage; no copy. */
    public Tensor(Storage storage, int offset, int[] shape, int[] strides) {
        if (shape.length != strides.length) {
            throw new IllegalArgumentException("shape " + Shape.str(shape) + " and strides " + Shape.str(strides) + " differ in rank");
        }
        this.storage = storage;
        this.offset = offset;
        this.shape = shape.clone();
        this.strides = strides.clone();
    }

    // ---------------------------------------------------------------- creation

    /** Wraps {@code data} (not copied) as a contiguous tensor of the given shape. */
    public static Tensor of(float[] data, int... shape) {
        int n = Shape.size(shape);
        if (data.length != n) {
            throw new IllegalArgumentException("Tensor.of: " + data.length + " values do not fill shape " + Shape.str(shape) + " (" + n + " elements)");
        }
        return new Tensor(data, 0, shape, Shape.contiguousStrides(shape));
    }

    public static Tensor scalar(float value) {
        return of(new float[] {value});
    }

    public static Tensor zeros(int... shape) {
        return of(new float[Shape.size(shape)], shape);
    }

    /** Zeros in memory of the given backend. */
    public static Tensor zeros(Backend backend, int... shape) {
        return new Tensor(backend.allocate(Shape.size(shape)), 0, shape, Shape.contiguousStrides(shape));
    }

    /**
     * A tensor of the given shape in memory of the given backend whose values are unspecified, as
     * {@code torch.empty}: for an op's output that its kernel overwrites entirely (see
     * {@link Backend#allocateUninitialized}).
     */
    public static Tensor empty(Backend backend, int... shape) {
        return new Tensor(backend.allocateUninitialized(Shape.size(shape)), 0, shape, Shape.contiguousStrides(shape));
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    public static Tensor full(float value, int... shape) {
        float[] d = new float[Shape.size(shape)];
        Arrays.fill(d, value);
        return of(d, shape);
    }

    /** Standard normal values from a seeded generator. */
    public static Tensor randn(SplittableRandom rng, int... shape) {
        float[] d = new float[Shape.size(shape)];
        for (int i = 0; i < d.length; i += 2) {
            // Box-Muller: two independent normals from two uniforms.
            double u1 = 1.0 - rng.nextDouble(), u2 = rng.nextDouble();
            double r = Math.sqrt(-2 * Math.log(u1));
            d[i] = (float) (r * Math.cos(2 * Math.PI * u2));
            if (i + 1 < d.length) d[i + 1] = (float) (r * Math.sin(2 * Math.PI * u2));
        }
        return of(d, shape);
    }

    /** Uniform values in [low, high) from a seeded generator. */
    public static Tensor uniform(SplittableRandom rng, float low, float high, int... shape) {
        float[] d = new float[Shape.size(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (float) (low + (high - low) * rng.nextDouble());
        return of(d, shape);
    }

    // ---------------------------------------------------------------- storage and shape

    public int[] shape() { return shape.clone(); }
    public int dim(int axis) { return shape[Shape.axis("dim", axis, shape.length)]; }
    public int rank() { return shape.length; }
    public int size() { return Shape.size(shape); }
    public int[] strides() { return strides.clone(); }
    public int offset() { return offset; }

    /**
     * The backing host array. Only contiguous tensors map element i to {@code data()[offset() + i]}.
     * A tensor whose storage lives on a device has none: move it with {@link #to} first.
     */
    public float[] data() {
        if (storage instanceof HostStorage h) return h.array();
        throw new IllegalStateException("this tensor's values live on " + storage.backend() + ", not in host memory; copy them with to(CpuBackend.INSTANCE)");
    }

    /** The memory behind this tensor; its backend runs every operation on it. */
    public Storage storage() { return storage; }

    public Backend backend() { return storage.backend(); }

    /** This tensor's values, contiguous, in the memory of {@code backend} (this tensor if already there and contiguous). */
    public Tensor to(Backend backend) {
        if (backend == backend() && isContiguous()) return this;
        return new Tensor(backend.fromHost(toArray()), 0, shape, Shape.contiguousStrides(shape));
    }

    public boolean isContiguous() {
        return Shape.isContiguous(shape, strides);
    }

    /** This tensor if contiguous, else a contiguous copy (recorded for autodiff). */
    public Tensor contiguous() {
        return isContiguous() ? this : ShapeOps.copy(this);
    }

    /** Storage offset of the element at a full index. */
    public int index(int... idx) {
        if (idx.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(idx) + " has rank " + idx.length + ", tensor has shape " + Shape.str(shape));
        }
        int p = offset;
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(idx) + " out of bounds for shape " + Shape.str(shape));
            }
            p += idx[i] * strides[i];
        }
        return p;
    }

    public float get(int... idx) { return data()[index(idx)]; }
    public void set(float value, int... idx) { data()[index(idx)] = value; }

    /** The single value of a one-element tensor. */
    public float item() {
        if (size() != 1) throw new IllegalStateException("item() needs one element, shape is " + Shape.str(shape));
        return storage instanceof HostStorage h ? h.array()[offset] : backend().toHost(storage, offset, 1)[0];
    }

    /** A fresh row-major host copy of the values. */
    public float[] toArray() {
        Tensor c = isContiguous() ? this : detach().contiguous();
        return c.backend().toHost(c.storage, c.offset, c.size());
    }

    // ---------------------------------------------------------------- autodiff state

    public boolean requiresGrad() { return requiresGrad; }

    /** Marks a leaf as a variable whose gradient {@link #backward()} accumulates into {@link #grad()}. */
    public Tensor requiresGrad(boolean on) {
        if (node != null && !on) throw new IllegalStateException("cannot stop a non-leaf tensor from requiring a gradient; use detach()");
        this.requiresGrad = on;
        return this;
    }

    /**
     * The gradient accumulated by backward, or null. A leaf's gradient lives in a buffer the leaf
     * keeps from one backward to the next: after {@link #zeroGrad()} the next backward overwrites
     * it, so copy a gradient that must outlive the next step.
     */
    public Tensor grad() { return grad; }
    public void setGrad(Tensor g) { this.grad = g; }
    public void zeroGrad() { this.grad = null; }

    /**
     * Adds {@code g} into this leaf's gradient, what backward does at a leaf. The buffer is
     * allocated outside any open {@link Arena} the first time, so a parameter's gradient can be
     * read after the training step that made it.
     */
    public void accumulateGrad(Tensor g) {
        if (gradBuffer == null) {
            try (var outside = Arena.suspend()) {
                gradBuffer = zeros(backend(), shape);
            }
        }
        Storage buffer = gradBuffer.storage;
        int[] dense = gradBuffer.strides;
        if (grad == null) {
            backend().copy(shape, g.storage, g.offset, g.strides, buffer, 0, dense);
        } else {
            if (grad != gradBuffer) backend().copy(shape, grad.storage, grad.offset, grad.strides, buffer, 0, dense);
            backend().binary(ElementWise.BinaryOp.ADD, shape, buffer, 0, dense, g.storage, g.offset, g.strides, buffer);
        }
        grad = gradBuffer;
    }

    /** The operation that produced this tensor, or null for a leaf. */
    public Node node() { return node; }
    public boolean isLeaf() { return node == null; }

    /** Called by {@link Autograd#record}; not for user code. */
    public void attach(Node producer) {
        this.node = producer;
        this.requiresGrad = true;
    }

    /** The same values, cut from the graph. */
    public Tensor detach() { return new Tensor(storage, offset, shape, strides); }

    public String name() { return name; }
    public Tensor name(String name) { this.name = name; return this; }

    /**
     * The pre-activation values behind an activation's output, as Keras 3 attaches
     * {@code _keras_logits} to the output of its sigmoid and softmax: a cross-entropy loss given
     * such an output can use the stable from-logits formula. {@code activation} is "sigmoid"
     * (element-wise) or "softmax" (over the last axis).
     */
    public record Logits(String activation, Tensor values) {}

    /** The logits this tensor carries (see {@link Logits}), or null. */
    public Logits logits() { return logits; }

    /** Attaches the logits this tensor was computed from; they must have its shape. */
    public Tensor withLogits(String activation, Tensor values) {
        if (!Arrays.equals(values.shape, shape)) {
            throw new IllegalArgumentException("logits of shape " + Shape.str(values.shape) + " for an output of shape " + Shape.str(shape));
        }
        this.logits = new Logits(activation, values);
        return this;
    }

    /** Back-propagates from this scalar: d(this)/d(this) = 1. */
    public void backward() { Autograd.backward(this, (Tensor) null); }

    /** Back-propagates a given upstream gradient of the same shape as this tensor. */
    public void backward(Tensor gradOutput) { Autograd.backward(this, gradOutput); }

    /**
     * Throws if any value is NaN or infinite, naming the tensor, its shape and the first bad
     * element. Use it on activations, on losses, and on gradients after {@link #backward()}.
     */
    public Tensor checkFinite(String what) {
        float[] values = toArray();
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (!Float.isFinite(v)) {
                throw new NonFiniteException(what + " (shape " + Shape.str(shape) + ") holds " + v + " at flat index " + i);
            }
        }
        return this;
    }

    // ---------------------------------------------------------------- operations (see dev.nabla.engine.ops)

    public Tensor add(Tensor o) { return Arithmetic.add(this, o); }
    public Tensor sub(Tensor o) { return Arithmetic.sub(this, o); }
    public Tensor mul(Tensor o) { return Arithmetic.mul(this, o); }
    public Tensor div(Tensor o) { return Arithmetic.div(this, o); }
    public Tensor add(float c) { return Arithmetic.add(this, scalar(c).to(backend())); }
    public Tensor sub(float c) { return Arithmetic.sub(this, scalar(c).to(backend())); }
    public Tensor mul(float c) { return Arithmetic.scale(this, c); }
    public Tensor div(float c) { return Arithmetic.scale(this, 1f / c); }
    public Tensor neg() { return Arithmetic.neg(this); }

    public Tensor exp() { return UnaryMath.exp(this); }
    public Tensor log() { return UnaryMath.log(this); }
    public Tensor abs() { return UnaryMath.abs(this); }
    public Tensor sqrt() { return UnaryMath.sqrt(this); }
    public Tensor pow(float p) { return UnaryMath.pow(this, p); }
    public Tensor square() { return UnaryMath.pow(this, 2f); }
    public Tensor clamp(float min, float max) { return UnaryMath.clamp(this, min, max); }

    public Tensor sigmoid() { return Activations.sigmoid(this); }
    public Tensor tanh() { return Activations.tanh(this); }
    public Tensor relu() { return Activations.relu(this); }
    public Tensor leakyRelu(float slope) { return Activations.leakyRelu(this, slope); }
    public Tensor gelu() { return Activations.gelu(this); }
    public Tensor selu() { return Activations.selu(this); }
    public Tensor softmax(int axis) { return Softmax.softmax(this, axis); }
    public Tensor logSoftmax(int axis) { return Softmax.logSoftmax(this, axis); }

    public Tensor sum() { return Reductions.sum(this, null, false); }
    public Tensor mean() { return Reductions.mean(this, null, false); }
    public Tensor sum(boolean keepDims, int... axes) { return Reductions.sum(this, axes, keepDims); }
    public Tensor mean(boolean keepDims, int... axes) { return Reductions.mean(this, axes, keepDims); }
    public Tensor max(boolean keepDims, int... axes) { return Reductions.max(this, axes, keepDims); }

    public Tensor matmul(Tensor o) { return MatMul.matmul(this, o, false, false); }
    public Tensor matmul(Tensor o, boolean transposeThis, boolean transposeOther) { return MatMul.matmul(this, o, transposeThis, transposeOther); }

    public Tensor reshape(int... newShape) { return ShapeOps.reshape(this, newShape); }
    public Tensor permute(int... axes) { return ShapeOps.permute(this, axes); }
    public Tensor transpose() { return ShapeOps.transpose(this, -2, -1); }
    public Tensor transpose(int a, int b) { return ShapeOps.transpose(this, a, b); }
    public Tensor slice(int axis, int start, int end) { return ShapeOps.slice(this, axis, start, end); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor").append(Shape.str(shape));
        if (name != null) sb.append(" '").append(name).append('\'');
        if (node != null) sb.append(" <").append(node.op()).append('>');
        float[] v = toArray();
        sb.append(' ').append(Arrays.toString(v.length > 12 ? Arrays.copyOf(v, 12) : v));
        if (v.length > 12) sb.setLength(sb.length() - 1);
        if (v.length > 12) sb.append(", ...]");
        return sb.toString();
    }
}
