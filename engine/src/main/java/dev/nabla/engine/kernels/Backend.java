package dev.nabla.engine.kernels;

/**
 * The compute kernels that a device provides. The CPU implementation is the default; a GPU
 * implementation (module {@code cuda-kernels}) can be installed with {@link Backends#use}.
 * Kernels are plain functions on arrays: they know nothing of tensors or autodiff.
 */
public interface Backend {
    String name();

    /**
     * Single-precision general matrix multiply on row-major arrays, as BLAS's
     * {@code cblas_sgemm(RowMajor, ...)}: {@code C = alpha * op(A) * op(B) + beta * C}, where
     * op(A) is m×k, op(B) is k×n and C is m×n. With {@code transA}, A is stored k×m (so op(A) = Aᵀ);
     * likewise B. {@code lda}, {@code ldb}, {@code ldc} are the row strides of the stored matrices.
     * When {@code beta == 0}, C is overwritten and its old values (even NaN) are ignored.
     */
    void sgemm(boolean transA, boolean transB, int m, int n, int k,
               float alpha, float[] a, int aOff, int lda,
               float[] b, int bOff, int ldb,
               float beta, float[] c, int cOff, int ldc);
}
