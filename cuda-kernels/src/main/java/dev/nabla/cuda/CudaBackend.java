package dev.nabla.cuda;

import dev.nabla.engine.kernels.CpuBackend;
import dev.nabla.engine.kernels.Parallel.RangeTask;
import dev.nabla.engine.kernels.Storage;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;
import jcuda.runtime.JCuda;

import static jcuda.jcublas.cublasOperation.CUBLAS_OP_N;
import static jcuda.jcublas.cublasOperation.CUBLAS_OP_T;
import static jcuda.runtime.cudaMemcpyKind.cudaMemcpyDeviceToHost;
import static jcuda.runtime.cudaMemcpyKind.cudaMemcpyHostToDevice;

/**
 * A backend whose sgemm runs on an NVIDIA GPU with cuBLAS (through JCuda); every other kernel is
 * the CPU's. Its storage is still host memory: each sgemm copies the operands to the device,
 * multiplies, and copies C back, which is worth it for large products only. Tensors moved to it
 * with {@code tensor.to(cuda)} run their operations here.
 *
 * <pre>
 * if (CudaBackend.isAvailable()) try (CudaBackend cuda = CudaBackend.create()) { x = x.to(cuda); ... }
 * </pre>
 *
 * <p>cuBLAS is column-major. A row-major m×n matrix with row stride ld is, read column-major, its
 * n×m transpose with the same leading dimension. So the row-major C = op(A)·op(B) is computed as
 * the column-major Cᵀ = op(B)ᵀ·op(A)ᵀ: swap the operands (and m with n), keep each transpose flag.
 */
public final class CudaBackend extends CpuBackend implements AutoCloseable {
    private final cublasHandle handle;

    private CudaBackend(cublasHandle handle) {
        this.handle = handle;
    }

    /** Whether a CUDA driver and at least one device can be used from here. */
    public static boolean isAvailable() {
        return unavailableReason() == null;
    }

    /**
     * A backend on the current CUDA device.
     *
     * @throws IllegalStateException when there is no usable CUDA driver or device, saying why
     */
    public static CudaBackend create() {
        String reason = unavailableReason();
        if (reason != null) throw new IllegalStateException("CUDA backend unavailable: " + reason);
        cublasHandle handle = new cublasHandle();
        JCublas2.cublasCreate(handle);
        return new CudaBackend(handle);
    }

    /** Null when CUDA works, else what is missing. */
    static String unavailableReason() {
        return Probe.REASON;
    }

    /** Loads the natives and counts devices once: a failed native load cannot be retried anyway. */
    private static final class Probe {
        static final String REASON = probe();

        private static String probe() {
            try {
                JCuda.setExceptionsEnabled(true);
                int[] count = new int[1];
                JCuda.cudaGetDeviceCount(count);
                if (count[0] == 0) return "no CUDA device found";
                JCublas2.setExceptionsEnabled(true);
                return null;
            } catch (Throwable e) {   // UnsatisfiedLinkError without a driver, CudaException without a device
                return "no usable CUDA driver or device (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            }
        }
    }

    @Override
    public String toString() {
        return "cuda";
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, Storage as, int aOff, int lda,
                      Storage bs, int bOff, int ldb,
                      float beta, Storage cs, int cOff, int ldc) {
        if (m == 0 || n == 0 || k == 0 || alpha == 0) {
            // Nothing to multiply, only C = beta·C: not worth a trip to the device.
            super.sgemm(transA, transB, m, n, k, alpha, as, aOff, lda, bs, bOff, ldb, beta, cs, cOff, ldc);
            return;
        }
        float[] a = a(as), b = a(bs), c = a(cs);
        Pointer dA = upload(a, aOff, lda, transA ? k : m, transA ? m : k);
        Pointer dB = upload(b, bOff, ldb, transB ? n : k, transB ? k : n);
        Pointer dC = new Pointer();
        try {
            JCuda.cudaMalloc(dC, (long) m * ldc * Sizeof.FLOAT);
            if (beta != 0) copy2D(dC, c, cOff, ldc, m, n, true);   // beta = 0: C is not read
            JCublas2.cublasSgemm(handle, transB ? CUBLAS_OP_T : CUBLAS_OP_N, transA ? CUBLAS_OP_T : CUBLAS_OP_N,
                    n, m, k, Pointer.to(new float[] {alpha}), dB, ldb, dA, lda,
                    Pointer.to(new float[] {beta}), dC, ldc);
            copy2D(dC, c, cOff, ldc, m, n, false);
        } finally {
            JCuda.cudaFree(dA);
            JCuda.cudaFree(dB);
            JCuda.cudaFree(dC);
        }
    }

    /** All rows on the calling thread: the cuBLAS handle is used from one thread at a time. */
    @Override
    public void forIndependentRows(int rows, RangeTask task) {
        task.run(0, rows);
    }

    /** A stored rows × cols row-major matrix to a new device buffer with the same row stride. */
    private static Pointer upload(float[] x, int off, int ld, int rows, int cols) {
        Pointer d = new Pointer();
        JCuda.cudaMalloc(d, (long) rows * ld * Sizeof.FLOAT);
        copy2D(d, x, off, ld, rows, cols, true);
        return d;
    }

    /** rows × cols floats between host x[off..] and device d, both with row stride ld. */
    private static void copy2D(Pointer d, float[] x, int off, int ld, int rows, int cols, boolean toDevice) {
        long end = off + (long) (rows - 1) * ld + cols;
        if (off < 0 || ld < cols || end > x.length) {
            throw new IllegalArgumentException("sgemm: a " + rows + "×" + cols + " matrix at offset " + off
                    + " with leading dimension " + ld + " does not fit in an array of " + x.length);
        }
        Pointer host = Pointer.to(x).withByteOffset((long) off * Sizeof.FLOAT);
        long pitch = (long) ld * Sizeof.FLOAT, width = (long) cols * Sizeof.FLOAT;
        if (toDevice) JCuda.cudaMemcpy2D(d, pitch, host, pitch, width, rows, cudaMemcpyHostToDevice);
        else JCuda.cudaMemcpy2D(host, pitch, d, pitch, width, rows, cudaMemcpyDeviceToHost);
    }

    @Override
    public void close() {
        JCublas2.cublasDestroy(handle);
    }
}
