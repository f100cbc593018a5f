package dev.nabla.engine;

import dev.nabla.engine.autograd.GradMode;
import dev.nabla.engine.autograd.GraphView;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Compares hand-written backward passes with central finite differences.
 *
 * <p>The function's output is reduced to a scalar L = Σ w·f(x) with fixed random weights w, so
 * every output element contributes with its own weight. For each input element,
 * dL/dx ≈ (L(x + h) − L(x − h)) / 2h, where each L is summed in double. The analytic gradient
 * comes from one {@link Tensor#backward()}.
 */
public final class GradCheck {
    /** Every op name seen in a graph whose check passed in this JVM, for the coverage test of the op table. */
    private static final Set<String> CHECKED_OPS = ConcurrentHashMap.newKeySet();

    private final double eps, atol, rtol;

    public GradCheck(double eps, double atol, double rtol) {
        this.eps = eps;
        this.atol = atol;
        this.rtol = rtol;
    }

    /** Defaults suited to float32: h = 1e-2 (truncation error O(h²)), tolerances 2e-2 absolute, 2e-2 relative. */
    public static GradCheck float32() {
        return new GradCheck(1e-2, 2e-2, 2e-2);
    }

    /**
     * Checks the gradient of {@code f} with respect to every input, which must be leaves that
     * require a gradient. Throws an AssertionError naming the input, element, and both values.
     */
    public void check(String what, Function<Tensor[], Tensor> f, Tensor... inputs) {
        for (Tensor in : inputs) {
            if (!in.requiresGrad() || !in.isLeaf()) throw new IllegalArgumentException(what + ": inputs must be leaves requiring a gradient");
            in.zeroGrad();
        }
        Tensor out = f.apply(inputs);
        Tensor weights = Tensor.uniform(new SplittableRandom(7), -1f, 1f, out.shape());
        out.mul(weights).sum().backward();

        try (var s = GradMode.noGrad()) {
            for (int t = 0; t < inputs.length; t++) {
                Tensor x = inputs[t];
                Tensor analytic = x.grad() == null ? Tensor.zeros(x.shape()) : x.grad().contiguous();
                int[] idx = new int[x.rank()];
                for (int flat = 0; flat < x.size(); flat++) {
                    int at = x.index(idx);
                    float original = x.data()[at];
                    x.data()[at] = (float) (original + eps);
                    double plus = weightedSum(f.apply(inputs), weights);
                    x.data()[at] = (float) (original - eps);
                    double minus = weightedSum(f.apply(inputs), weights);
                    x.data()[at] = original;
                    double numeric = (plus - minus) / (2 * eps);
                    double got = analytic.data()[analytic.offset() + flat];
                    if (!(Math.abs(got - numeric) <= atol + rtol * Math.abs(numeric))) {
                        throw new AssertionError(String.format("%s: d/d(input %d)%s analytic %.6g vs numeric %.6g",
                                what, t, java.util.Arrays.toString(idx), got, numeric));
                    }
                    for (int ax = idx.length - 1; ax >= 0 && ++idx[ax] == x.dim(ax); ax--) idx[ax] = 0;
                }
            }
        }
        CHECKED_OPS.addAll(GraphView.of(out).opNames());
    }

    /** The names of the ops whose backward passes some check in this JVM has verified. */
    public static Set<String> checkedOps() {
        return Set.copyOf(CHECKED_OPS);
    }

    private static double weightedSum(Tensor y, Tensor w) {
        Tensor c = y.contiguous();
        double s = 0;
        for (int i = 0; i < c.size(); i++) s += (double) c.data()[c.offset() + i] * w.data()[i];
        return s;
    }
}
