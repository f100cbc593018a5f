package dev.nabla.engine.kernels;

/**
 * Grow-only scratch arrays, one set per thread, for intermediate matrices that live only inside
 * one kernel call (the lowered im2col matrix and its gradient, a fused kernel's partial results).
 * Reusing them keeps a training step from allocating megabytes per convolution. A caller owns a slot only until it returns;
 * contents are undefined on entry.
 */
public final class Workspace {
    /** Slots a single operation may hold at once. */
    public enum Slot { COLUMNS, COLUMN_GRADIENT, SCRATCH }

    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[Slot.values().length][0]);
    private static final ThreadLocal<int[][]> INDICES = ThreadLocal.withInitial(() -> new int[1][0]);

    private Workspace() {}

    /** An array of at least {@code size} floats for this thread's slot. */
    public static float[] get(Slot slot, int size) {
        float[][] buffers = BUFFERS.get();
        if (buffers[slot.ordinal()].length < size) buffers[slot.ordinal()] = new float[size];
        return buffers[slot.ordinal()];
    }

    /** An array of at least {@code size} ints for this thread (a kernel's table of offsets). */
    public static int[] indices(int size) {
        int[][] buffer = INDICES.get();
        if (buffer[0].length < size) buffer[0] = new int[size];
        return buffer[0];
    }
}
