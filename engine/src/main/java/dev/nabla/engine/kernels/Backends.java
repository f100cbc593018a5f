package dev.nabla.engine.kernels;

/** Holds the backend that operations run on: the CPU unless another is installed. */
public final class Backends {
    private static volatile Backend current = CpuBackend.INSTANCE;

    private Backends() {}

    public static Backend current() {
        return current;
    }

    /** Installs a backend for all later operations, e.g. a CUDA one. */
    public static void use(Backend backend) {
        current = backend;
    }
}
