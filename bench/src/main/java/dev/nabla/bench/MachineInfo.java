package dev.nabla.bench;

import dev.nabla.engine.kernels.Parallel;
import dev.nabla.engine.kernels.Sgemm;

/**
 * Prints what a results file records about the machine and the JVM: the JDK, the kernel threads,
 * and the sgemm configuration chosen for this processor (micro-kernel, cache blocks, vector
 * width, registers, caches). Run with the same JVM flags as the benchmark it describes.
 */
public final class MachineInfo {
    private MachineInfo() {}

    public static void main(String[] args) {
        System.out.println("jdk: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        System.out.println("threads: " + Parallel.threads());
        System.out.println("sgemm: " + Sgemm.configuration());
    }
}
