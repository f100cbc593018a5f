package dev.nabla.engine.kernels;

/**
 * The memory behind a tensor: a run of floats owned by the {@link Backend} whose kernels read
 * and write it. A tensor's operations run on its storage's backend, so tensors stay wherever
 * they were made (host memory for the CPU, device memory for a GPU) and values cross between
 * host and device only where a program asks for them ({@link Backend#toHost}, {@link Backend#fromHost}).
 */
public interface Storage {
    /** The backend that owns this memory and runs every kernel on it. */
    Backend backend();
}
