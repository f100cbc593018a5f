package dev.nabla.layers;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.GradMode;

import java.util.Arrays;

/** Cutting sample-major data into batches, and batched inference. */
final class Batches {
    private Batches() {}

    /** The feature shape of sample-major data: its shape without the first axis. */
    static int[] sampleShape(Tensor x) {
        return Arrays.copyOfRange(x.shape(), 1, x.rank());
    }

    /**
     * Samples {@code order[from..to)} of x copied into {@code buffer} (reused across batches of the
     * same size) and wrapped as a tensor (to − from, …).
     */
    static Tensor gather(Tensor x, int[] order, int from, int to, float[] buffer) {
        int per = x.size() / x.dim(0);
        float[] src = x.data();
        for (int i = from; i < to; i++) System.arraycopy(src, x.offset() + order[i] * per, buffer, (i - from) * per, per);
        int[] shape = x.shape();
        shape[0] = to - from;
        return Tensor.of(buffer.length == (to - from) * per ? buffer : Arrays.copyOf(buffer, (to - from) * per), shape);
    }

    /** A contiguous range of samples as a view (no copy). */
    static Tensor range(Tensor x, int from, int to) {
        return x.slice(0, from, to);
    }

    static Tensor predict(Layer model, Tensor x, int batchSize) {
        if (x.rank() < 1 || x.dim(0) == 0) throw new IllegalArgumentException("predict: needs at least one sample, got shape " + Shape.str(x.shape()));
        Tensor xc = x.contiguous();
        int n = x.dim(0);
        Tensor out = null;
        try (var s = GradMode.noGrad()) {
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                Tensor y = model.call(range(xc, from, to), false).contiguous();
                if (out == null) {
                    int[] shape = y.shape();
                    shape[0] = n;
                    out = Tensor.zeros(shape);
                }
                int per = y.size() / (to - from);
                System.arraycopy(y.data(), y.offset(), out.data(), from * per, y.size());
            }
        }
        return out;
    }
}
