package dev.nabla.optim;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies gradients to parameters in place. An optimizer sees only (parameter, gradient) pairs
 * and its own per-parameter state ("slots": momentum, moment estimates, accumulators), created
 * zero-filled the first time it meets a parameter. Each update is one vectorised pass over the
 * parameter's storage, so a step allocates nothing after the first.
 */
public abstract class Optimizer {
    private LearningRateSchedule schedule;
    private float learningRate;
    private final int slotCount;
    private final Map<Tensor, float[][]> slots = new IdentityHashMap<>();
    private long iterations;

    protected Optimizer(float learningRate, int slotCount) {
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": learning rate must be a positive number, got " + learningRate);
        }
        this.learningRate = learningRate;
        this.schedule = LearningRateSchedule.constant(learningRate);
        this.slotCount = slotCount;
    }

    /** The learning rate of the current (or, between steps, the last) step. */
    public float learningRate() { return learningRate; }

    /** Follows a schedule from the next step on, as Keras's {@code learning_rate=schedule}. */
    public Optimizer learningRate(LearningRateSchedule schedule) {
        this.schedule = schedule;
        this.learningRate = schedule.at(iterations);
        return this;
    }

    /** A constant rate from the next step on (what {@code ReduceLROnPlateau} sets). */
    public Optimizer learningRate(float rate) {
        if (!(rate > 0) || !Float.isFinite(rate)) throw new IllegalArgumentException(getClass().getSimpleName() + ": learning rate must be a positive number, got " + rate);
        return learningRate(LearningRateSchedule.constant(rate));
    }

    /** How many steps have been applied (Keras's {@code optimizer.iterations}). */
    public long iterations() { return iterations; }

    /** One step using each parameter's accumulated {@link Tensor#grad()}; parameters without a gradient are skipped. */
    public void step(List<Tensor> parameters) {
        begin();
        for (Tensor p : parameters) {
            if (p.grad() != null) update(p, p.grad());
        }
        iterations++;
    }

    /** One step with explicit gradients, paired by position (Keras's {@code apply_gradients}). */
    public void applyGradients(List<Tensor> parameters, List<Tensor> gradients) {
        if (parameters.size() != gradients.size()) {
            throw new IllegalArgumentException("applyGradients: " + parameters.size() + " parameters but " + gradients.size() + " gradients");
        }
        begin();
        for (int i = 0; i < parameters.size(); i++) update(parameters.get(i), gradients.get(i));
        iterations++;
    }

    private void update(Tensor p, Tensor grad) {
        if (!p.isContiguous()) throw new IllegalArgumentException("optimizer: parameter " + describe(p) + " is not contiguous");
        if (!java.util.Arrays.equals(p.shape(), grad.shape())) {
            throw new IllegalArgumentException("optimizer: gradient of shape " + Shape.str(grad.shape()) + " for parameter " + describe(p));
        }
        Tensor g = grad.contiguous();
        float[][] s = slots.computeIfAbsent(p, k -> new float[slotCount][k.size()]);
        update(p.data(), p.offset(), g.data(), g.offset(), s, p.size());
    }

    private static String describe(Tensor p) {
        return (p.name() == null ? "" : "'" + p.name() + "' ") + "of shape " + Shape.str(p.shape());
    }

    /** The step's learning rate from the schedule, then the optimizer's own per-step work. */
    private void begin() {
        learningRate = schedule.at(iterations);
        beginStep(iterations + 1);
    }

    /** Called once per step before the updates, with the 1-based step number t (for bias corrections). */
    protected void beginStep(long t) {}

    // ---------------------------------------------------------------- saving and restoring

    /**
     * The hyperparameters that rebuild this optimizer with {@link Optimizers#create}, under Keras's
     * names ({@code learning_rate}, {@code beta_1}, …); the learning rate is the current one, so a
     * schedule is saved as the rate it has reached.
     */
    public final Map<String, Float> config() {
        Map<String, Float> c = new LinkedHashMap<>();
        c.put("learning_rate", learningRate);
        hyperparameters(c);
        return c;
    }

    /** Adds this optimizer's own hyperparameters to its {@link #config()}. */
    protected abstract void hyperparameters(Map<String, Float> config);

    /** How many slot arrays each parameter has (Adam: m and v). */
    public final int slotCount() { return slotCount; }

    /**
     * Each parameter's slots, in the parameters' order: copies, zero-filled for a parameter the
     * optimizer has not met yet (as it would create them).
     */
    public final List<float[][]> slots(List<Tensor> parameters) {
        List<float[][]> out = new ArrayList<>();
        for (Tensor p : parameters) {
            float[][] s = slots.get(p), copy = new float[slotCount][];
            for (int k = 0; k < slotCount; k++) copy[k] = s == null ? new float[p.size()] : s[k].clone();
            out.add(copy);
        }
        return out;
    }

    /**
     * Continues from a saved state: the step count and each parameter's slots, paired by position
     * with {@code parameters} (Keras's optimizer variables). Checks every count and length before
     * changing anything.
     */
    public final void restore(long iterations, List<Tensor> parameters, List<float[][]> saved) {
        String name = getClass().getSimpleName();
        if (iterations < 0) throw new IllegalArgumentException(name + ": a saved step count of " + iterations);
        if (saved.size() != parameters.size()) {
            throw new IllegalArgumentException(name + ": the saved state has slots for " + saved.size() + " parameters, the model has " + parameters.size());
        }
        for (int i = 0; i < saved.size(); i++) {
            float[][] s = saved.get(i);
            Tensor p = parameters.get(i);
            if (s.length != slotCount) throw new IllegalArgumentException(name + ": " + s.length + " saved slots for " + describe(p) + ", expected " + slotCount);
            for (float[] slot : s) {
                if (slot.length != p.size()) throw new IllegalArgumentException(name + ": a saved slot of " + slot.length + " values for " + describe(p));
            }
        }
        slots.clear();
        for (int i = 0; i < saved.size(); i++) {
            float[][] s = new float[slotCount][];
            for (int k = 0; k < slotCount; k++) s[k] = saved.get(i)[k].clone();
            slots.put(parameters.get(i), s);
        }
        this.iterations = iterations;
        this.learningRate = schedule.at(iterations);
        restored(iterations);
    }

    /** Recomputes state that follows from the step count alone (Nadam's momentum product) after {@link #restore}. */
    protected void restored(long iterations) {}

    /** Updates {@code n} weights {@code w[wo..]} from gradients {@code g[go..]} and this parameter's slots. */
    protected abstract void update(float[] w, int wo, float[] g, int go, float[][] slots, int n);
}
