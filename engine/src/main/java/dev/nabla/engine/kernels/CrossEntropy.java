package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused cross-entropy kernels, computed from logits.
 * <pre>
 *   sigmoid:  ℓ(z, y) = max(z, 0) − z·y + log(1 + e^−|z|)     dℓ/dz = σ(z) − y
 *   softmax:  ℓ(z, y) = −Σ_i y_i·log softmax(z)_i             dℓ/dz_i = softmax(z)_i·Σ_j y_j − y_i
 * </pre>
 * The sigmoid form never takes the log of a rounded-off probability, so it stays finite and exact
 * where σ(z) saturates to 0 or 1 in float32. Each kernel takes optional weights (null: all 1),
 * one per element for the sigmoid and one per row for the softmax, that scale each term and its
 * gradient; a weight of 1 leaves every bit as it is without weights.
 */
public final class CrossEntropy {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private CrossEntropy() {}

    /** Lanes per block of {@link #partialSum}'s log(1 + e^−|z|) pass. */
    static final int BLOCK = 1024;
    /**
     * Lanes per partial sum of {@link #sigmoidSum}: each partial adds its lanes in float, and the
     * partials are added in double, in order. The partials are the pieces the threads take, so
     * the sum has the same bits on any number of threads.
     */
    static final int PARTIAL = 4096;

    /**
     * Σ over n elements of w·ℓ for the sigmoid cross-entropy ℓ (w null: all 1), in double: the
     * vector lanes in partials of {@link #PARTIAL}, computed in parallel, then the last n mod
     * (vector length) elements one by one.
     */
    public static double sigmoidSum(float[] z, int zo, float[] y, int yo, float[] w, int n) {
        int bound = S.loopBound(n), parts = (bound + PARTIAL - 1) / PARTIAL;
        float[] partial = Arena.uninitialized(parts);
        Parallel.forEach(parts, n, ElementWise.PARALLEL_MIN_FLOATS,
                p -> partial[p] = partialSum(z, zo, y, yo, w, p * PARTIAL, Math.min(bound, (p + 1) * PARTIAL)));
        double sum = 0;
        for (int p = 0; p < parts; p++) sum += partial[p];
        for (int i = bound; i < n; i++) {
            float zi = z[zo + i];
            double loss = Math.max(zi, 0f) - zi * y[yo + i] + Math.log1p(Math.exp(-Math.abs(zi)));
            sum += w == null ? loss : w[i] * loss;
        }
        return sum;
    }

    /**
     * The float sum of w·ℓ over the lanes [from, to), a multiple of the vector length long. Each
     * block of {@link #BLOCK} lanes first writes log(1 + e^−|z|) to this thread's scratch
     * workspace, in two loops of their own: exp and log in one loop are more code than C2 inlines
     * into one method, and a vector handed to a call that is not inlined is boxed on the heap.
     */
    private static float partialSum(float[] z, int zo, float[] y, int yo, float[] w, int from, int to) {
        float[] scratch = Workspace.get(Workspace.Slot.SCRATCH, BLOCK);
        FloatVector acc = FloatVector.zero(S);
        for (int start = from; start < to; start += BLOCK) {
            int length = Math.min(to - start, BLOCK);
            onePlusExpMinusAbs(z, zo + start, scratch, length);
            // log(1 + t) for t = e^−|z| in (0, 1]: the argument lies in (1, 2], where log is accurate
            // to float precision, so the slower log1p (not a vector intrinsic everywhere) is not needed
            ElementWise.unary(Unary.LOG, scratch, 0, scratch, 0, length);
            for (int i = start; i < start + length; i += S.length()) {
                FloatVector zv = FloatVector.fromArray(S, z, zo + i), yv = FloatVector.fromArray(S, y, yo + i);
                FloatVector loss = zv.max(0f).sub(zv.mul(yv)).add(FloatVector.fromArray(S, scratch, i - start));
                acc = acc.add(w == null ? loss : loss.mul(FloatVector.fromArray(S, w, i)));
            }
        }
        return VectorMath.sumLanes(acc);
    }

    /** t = 1 + e^−|z| over {@code length} lanes, a multiple of the vector length. */
    private static void onePlusExpMinusAbs(float[] z, int zo, float[] t, int length) {
        for (int j = 0; j < length; j += S.length()) {
            VectorMath.exp(FloatVector.fromArray(S, z, zo + j).abs().neg()).add(1f).intoArray(t, j);
        }
    }

    /** dz = scale · (σ(z) − y) · w, element by element, in pieces on the kernel threads. */
    public static void sigmoidBackward(float[] z, int zo, float[] y, int yo, float[] w, float scale, float[] dz, int n) {
        Parallel.forRanges(n, S.length(), ElementWise.PARALLEL_MIN_FLOATS, (from, to) -> sigmoidBackward(z, zo, y, yo, w, scale, dz, from, to));
    }

    /** {@link #sigmoidBackward} on the elements [from, to); only the last piece has a scalar tail. */
    private static void sigmoidBackward(float[] z, int zo, float[] y, int yo, float[] w, float scale, float[] dz, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector zv = FloatVector.fromArray(S, z, zo + i);
            FloatVector sig = FloatVector.broadcast(S, 1f).div(VectorMath.exp(zv.neg()).add(1f));
            FloatVector d = sig.sub(FloatVector.fromArray(S, y, yo + i)).mul(scale);
            (w == null ? d : d.mul(FloatVector.fromArray(S, w, i))).intoArray(dz, i);
        }
        for (; i < to; i++) {
            float d = scale * ((float) (1.0 / (1.0 + Math.exp(-z[zo + i]))) - y[yo + i]);
            dz[i] = w == null ? d : d * w[i];
        }
    }

    /** −Σ w_row·y·logp over n elements in rows of {@code classes}, in double. */
    public static double softmaxSum(float[] logp, float[] y, int yo, float[] w, int classes, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double term = (double) y[yo + i] * logp[i];
            sum -= w == null ? term : w[i / classes] * term;
        }
        return sum;
    }

    /** dz = scale · w_row · (e^{logp}·Σ_row y − y) for each row of {@code classes}. */
    public static void softmaxBackward(float[] logp, float[] y, int yo, float[] w, int rows, int classes, float scale, float[] dz) {
        for (int r = 0; r < rows; r++) {
            int base = r * classes;
            float rowScale = w == null ? scale : scale * w[r];
            float ySum = 0;
            for (int c = 0; c < classes; c++) ySum += y[yo + base + c];
            for (int c = 0; c < classes; c++) {
                dz[base + c] = rowScale * ((float) Math.exp(logp[base + c]) * ySum - y[yo + base + c]);
            }
        }
    }
}
