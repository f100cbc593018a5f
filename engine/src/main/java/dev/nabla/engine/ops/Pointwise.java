package dev.nabla.engine.ops;

import dev.nabla.engine.Tensor;

/** Runs flat-array kernels over whole tensors of one shape (inputs made contiguous first). */
final class Pointwise {
    private Pointwise() {}

    /** A kernel y = f(x) over n elements. */
    interface Kernel1 {
        void run(float[] x, int xo, float[] y, int yo, int n);
    }

    /** A kernel z = f(x, y) over n elements, e.g. a backward that combines a saved value and g. */
    interface Kernel2 {
        void run(float[] x, int xo, float[] y, int yo, float[] z, int zo, int n);
    }

    static Tensor map(Tensor x, Kernel1 k) {
        Tensor in = x.contiguous();
        Tensor out = Tensor.zeros(x.shape());
        k.run(in.data(), in.offset(), out.data(), 0, out.size());
        return out;
    }

    static Tensor map(Tensor x, Tensor y, Kernel2 k) {
        Tensor a = x.contiguous(), b = y.contiguous();
        Tensor out = Tensor.zeros(x.shape());
        k.run(a.data(), a.offset(), b.data(), b.offset(), out.data(), 0, out.size());
        return out;
    }
}
