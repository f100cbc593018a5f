package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.Backend;

import java.util.Arrays;

/**
 * Matrix product of the last two axes, batched over the leading axes (which broadcast).
 * Transposed operands are views; the kernel reads a view whose last two axes are row-major or
 * column-major directly, passing the matching transpose flag to sgemm, so nothing is copied.
 */
public final class MatMul {
    private MatMul() {}

    /** op(a) · op(b), where op transposes the last two axes when the flag is set. */
    public static Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        return matmul(transposeA ? a.transpose() : a, transposeB ? b.transpose() : b);
    }

    /** a: (..., m, k), b: (..., k, n) → (..., m, n). */
    public static Tensor matmul(Tensor a, Tensor b) {
        if (a.rank() < 2 || b.rank() < 2) {
            throw new IllegalArgumentException("matmul: needs rank ≥ 2 operands, got " + Shape.str(a.shape()) + " and " + Shape.str(b.shape()));
        }
        int m = a.dim(-2), k = a.dim(-1), n = b.dim(-1);
        if (b.dim(-2) != k) {
            throw new IllegalArgumentException("matmul: shapes " + Shape.str(a.shape()) + " and " + Shape.str(b.shape())
                    + " do not align (" + k + " columns vs " + b.dim(-2) + " rows)");
        }
        // A batch times one matrix is one tall product: (B·m, k) · (k, n).
        if (b.rank() == 2 && a.rank() > 2 && a.isContiguous()) {
            int[] outShape = a.shape();
            outShape[outShape.length - 1] = n;
            return matmul(a.reshape(-1, k), b).reshape(outShape);
        }
        int[] batchA = Arrays.copyOf(a.shape(), a.rank() - 2), batchB = Arrays.copyOf(b.shape(), b.rank() - 2);
        int[] batch = Shape.broadcast("matmul", batchA, batchB);
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        Backend be = Dense.backend("matmul", a, b);
        Tensor out = Tensor.zeros(be, outShape);

        Operand pa = new Operand(a), pb = new Operand(b);
        int[] sa = batchStrides(pa.t, batch.length), sb = batchStrides(pb.t, batch.length);
        int count = Shape.size(batch);
        int[] idx = new int[batch.length];
        for (int i = 0; i < count; i++) {
            int offA = pa.t.offset(), offB = pb.t.offset();
            for (int d = 0; d < batch.length; d++) {
                offA += idx[d] * sa[d];
                offB += idx[d] * sb[d];
            }
            be.sgemm(pa.trans, pb.trans, m, n, k, 1f, pa.t.storage(), offA, pa.ld,
                    pb.t.storage(), offB, pb.ld, 0f, out.storage(), i * m * n, n);
            for (int d = batch.length - 1; d >= 0 && ++idx[d] == batch[d]; d--) idx[d] = 0;
        }
        // dA = G·Bᵀ,  dB = Aᵀ·G, each summed over batch axes that were broadcast
        return Autograd.record(out, "matmul", (g, needs) -> new Tensor[] {
                needs[0] ? Broadcast.sumTo(matmul(g, b.transpose()), a.shape()) : null,
                needs[1] ? Broadcast.sumTo(matmul(a.transpose(), g), b.shape()) : null}, a, b);
    }

    /** A matrix operand as sgemm wants it: storage, transpose flag and leading dimension. */
    private static final class Operand {
        final Tensor t;
        final boolean trans;
        final int ld;

        Operand(Tensor x) {
            int r = x.rank();
            int rows = x.dim(-2), cols = x.dim(-1);
            int s0 = x.strides()[r - 2], s1 = x.strides()[r - 1];
            if ((s1 == 1 || cols == 1) && s0 >= Math.max(cols, 1)) {        // row-major
                t = x; trans = false; ld = Math.max(s0, 1);
            } else if ((s0 == 1 || rows == 1) && s1 >= Math.max(rows, 1)) { // column-major: a transposed view
                t = x; trans = true; ld = Math.max(s1, 1);
            } else {
                t = Dense.copyOf(x); trans = false; ld = Math.max(cols, 1);
            }
        }
    }

    private static int[] batchStrides(Tensor t, int batchRank) {
        int r = t.rank() - 2;
        int[] s = new int[batchRank];
        for (int i = 0; i < r; i++) s[batchRank - r + i] = t.dim(i) == 1 ? 0 : t.strides()[i];
        return s;
    }
}
