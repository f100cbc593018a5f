package dev.nabla.engine.kernels;

/** Storage in a Java array, read and written in place by a host backend's kernels. */
public record HostStorage(float[] array, Backend backend) implements Storage {
    /** An array owned by the CPU backend. */
    public HostStorage(float[] array) {
        this(array, CpuBackend.INSTANCE);
    }
}
