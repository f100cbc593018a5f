package dev.nabla.engine.kernels;

import java.util.Arrays;

/**
 * Host arrays recycled from one training step to the next. Every step of a training loop
 * allocates the same arrays again (the activations, their gradients, each kernel's output), so
 * instead of asking the garbage collector for them once more, an arena lends them out while it
 * is open on a thread and takes them all back when that scope closes: the next step gets the same
 * arrays back, zero-filled, as new ones would be. Only what {@link CpuBackend#allocate} hands out
 * on the thread that opened the scope comes from the arena.
 *
 * <p>Whoever opens a scope promises that nothing allocated inside it is read after it closes.
 * The fit loop opens one around each training step: the step's results leave it as numbers (the
 * loss and metrics), the parameters are updated in place, and their gradients live in buffers
 * the parameters own. Buffers meant to outlive the step are allocated under {@link #suspend()}.
 * <pre>{@code
 * Arena arena = new Arena();
 * for (Batch b : batches) {
 *     try (var step = arena.open()) { model.trainStep(b.x(), b.y()); }
 * }
 * }</pre>
 */
public final class Arena {
    private static final ThreadLocal<Arena> OPEN = new ThreadLocal<>();

    /** Free arrays by exact length: bucket i holds {@code freeCount[i]} arrays of {@code lengths[i]} floats. */
    private int[] lengths = new int[8];
    private float[][][] free = new float[8][][];
    private int[] freeCount = new int[8];
    private int buckets;
    /** The arrays lent since the scope opened, handed back when it closes. */
    private float[][] lent = new float[64][];
    private int lentCount;
    private boolean isOpen;

    /** Lends this arena's arrays to this thread's allocations until the returned scope closes. */
    public Scope open() {
        if (isOpen) throw new IllegalStateException("this arena is already open");
        isOpen = true;
        Arena previous = OPEN.get();
        OPEN.set(this);
        return () -> {
            OPEN.set(previous);
            isOpen = false;
            releaseAll();
        };
    }

    /** Allocations inside the returned scope are new arrays, not the open arena's, until it closes. */
    public static Scope suspend() {
        Arena previous = OPEN.get();
        OPEN.remove();
        return () -> OPEN.set(previous);
    }

    /** A zero-filled array of {@code length} floats: the open arena's, or a new one. */
    static float[] zeros(int length) {
        Arena arena = OPEN.get();
        return arena == null ? new float[length] : arena.lend(length, true);
    }

    /**
     * An array of {@code length} floats for a kernel that overwrites all of it: the open arena's
     * as an earlier step left it (not zero-filled), or a new one.
     */
    static float[] uninitialized(int length) {
        Arena arena = OPEN.get();
        return arena == null ? new float[length] : arena.lend(length, false);
    }

    private float[] lend(int length, boolean zeroFill) {
        int b = bucket(length);
        float[] a;
        if (freeCount[b] > 0) {
            a = free[b][--freeCount[b]];
            free[b][freeCount[b]] = null;
            if (zeroFill) Arrays.fill(a, 0f);
        } else {
            a = new float[length];
        }
        if (lentCount == lent.length) lent = Arrays.copyOf(lent, 2 * lentCount);
        lent[lentCount++] = a;
        return a;
    }

    /**
     * Fills every array waiting to be lent again with {@code value}: lets a test show that no op
     * reads an output it asked for {@link #uninitialized} before writing it.
     */
    void fillFree(float value) {
        for (int b = 0; b < buckets; b++) {
            for (int i = 0; i < freeCount[b]; i++) Arrays.fill(free[b][i], value);
        }
    }

    private void releaseAll() {
        for (int i = 0; i < lentCount; i++) {
            float[] a = lent[i];
            lent[i] = null;
            int b = bucket(a.length);
            if (freeCount[b] == free[b].length) free[b] = Arrays.copyOf(free[b], Math.max(4, 2 * freeCount[b]));
            free[b][freeCount[b]++] = a;
        }
        lentCount = 0;
    }

    /** The bucket of arrays of {@code length} floats, made on first use; a step has a few dozen lengths. */
    private int bucket(int length) {
        for (int i = 0; i < buckets; i++) if (lengths[i] == length) return i;
        if (buckets == lengths.length) {
            lengths = Arrays.copyOf(lengths, 2 * buckets);
            free = Arrays.copyOf(free, 2 * buckets);
            freeCount = Arrays.copyOf(freeCount, 2 * buckets);
        }
        lengths[buckets] = length;
        free[buckets] = new float[4][];
        return buckets++;
    }

    /** Closes an arena scope: {@code try (var step = arena.open()) { ... }}. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
