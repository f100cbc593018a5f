package dev.nabla.layers;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;

import java.util.Map;
import java.util.TreeMap;

/**
 * Keras's {@code class_weight}: a weight for each class index 0 … K − 1, turned into one weight
 * per sample from the targets, the class of a sample being the argmax of its one-hot (or
 * probability) row, or its index for sparse labels of shape (samples) or (samples, 1).
 */
final class ClassWeights {
    private final float[] byClass;

    /** Checks that the keys are 0 … K − 1, as Keras requires, and the weights finite. */
    ClassWeights(Map<Integer, Double> classWeight) {
        if (classWeight.isEmpty()) throw new IllegalArgumentException("Fit: class weights are empty");
        Map<Integer, Double> sorted = new TreeMap<>(classWeight);
        byClass = new float[sorted.size()];
        int expected = 0;
        for (var e : sorted.entrySet()) {
            if (e.getKey() == null || e.getKey() != expected) {
                throw new IllegalArgumentException("Fit: class weights need the keys 0 to one less than the number of classes, got " + sorted.keySet());
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("Fit: the weight of class " + e.getKey() + " is " + e.getValue() + ", not a finite number");
            }
            byClass[expected++] = e.getValue().floatValue();
        }
    }

    /** One weight per sample of the targets y: the weight of its class. */
    Tensor sampleWeights(Tensor y) {
        if (y.rank() < 1 || y.rank() > 2) {
            throw new IllegalArgumentException("fit: class weights need class labels as targets, (samples) indices or (samples, classes) one-hot rows; y has shape "
                    + Shape.str(y.shape()) + " (as Keras, class weights are not supported for 3+ dimensional targets)");
        }
        int n = y.dim(0), width = y.rank() == 2 ? y.dim(1) : 1;
        float[] v = y.contiguous().toArray(), w = new float[n];
        for (int i = 0; i < n; i++) w[i] = byClass[width == 1 ? index(v[i], i) : argmax(v, i, width)];
        return Tensor.of(w, n);
    }

    /** A sparse label: an integer class that has a weight. */
    private int index(float label, int sample) {
        if (label != Math.rint(label) || label < 0 || label >= byClass.length) {
            throw new IllegalArgumentException("fit: class weights need class labels as targets; sample " + sample + " holds " + label
                    + ", not a class index in [0, " + byClass.length + ")");
        }
        return (int) label;
    }

    /** The class of a one-hot (or probability) row; a row that is not a distribution is not a class label. */
    private int argmax(float[] v, int row, int width) {
        int base = row * width, best = 0;
        double sum = 0;
        boolean probabilities = true;
        for (int k = 0; k < width; k++) {
            float p = v[base + k];
            probabilities &= p >= 0 && p <= 1;
            sum += p;
            if (p > v[base + best]) best = k;
        }
        if (!probabilities || Math.abs(sum - 1) > 1e-3) {
            throw new IllegalArgumentException("fit: class weights need class labels as targets; row " + row + " of y is not a one-hot (or probability) row");
        }
        if (best >= byClass.length) {
            throw new IllegalArgumentException("fit: row " + row + " of y is class " + best + " but the class weights cover 0 to " + (byClass.length - 1));
        }
        return best;
    }
}
