package dev.nabla.layers;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * Where layers take their random generator and their automatic name. A layer constructed inside
 * {@code try (var scope = LayerScope.open(seed)) { … }} splits its generator (for initial weights
 * and for dropout and noise masks) from the scope's root, seeded with {@code seed}, and takes a
 * name unique within the scope ({@code dense}, {@code dense_1}, …, see {@link Names}). The same
 * seed and the same model code therefore give the same weights and masks, whatever else the
 * program builds outside the scope.
 *
 * <p>Scopes belong to the thread that opens them and nest: the innermost open one is current,
 * and closing it makes the one around it current again. Outside any scope a thread uses its
 * default scope, seeded {@value #DEFAULT_SEED}, which lives as long as the thread.
 * {@link Layer#clearSession()} forgets the names of the current scope, as Keras's
 * {@code clear_session()}, and leaves its generator as it is.
 */
public final class LayerScope implements AutoCloseable {
    /** The seed of each thread's default scope. */
    public static final long DEFAULT_SEED = 42;

    private static final ThreadLocal<Deque<LayerScope>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);
    private static final ThreadLocal<LayerScope> DEFAULT = ThreadLocal.withInitial(() -> new LayerScope(DEFAULT_SEED));

    private final SplittableRandom root;
    private final Names names = new Names();

    private LayerScope(long seed) {
        this.root = new SplittableRandom(seed);
    }

    /** Opens a scope seeded with {@code seed}; it is current on this thread until closed. */
    public static LayerScope open(long seed) {
        LayerScope scope = new LayerScope(seed);
        OPEN.get().push(scope);
        return scope;
    }

    /** The innermost scope open on this thread, or the thread's default scope. */
    static LayerScope current() {
        LayerScope open = OPEN.get().peek();
        return open != null ? open : DEFAULT.get();
    }

    /** A new generator for one layer, the next split of the root. */
    SplittableRandom split() {
        return root.split();
    }

    /** The next automatic name for {@code prefix} in this scope (see {@link Names}). */
    String uniqueName(String prefix, boolean zeroBased) {
        return names.unique(prefix, zeroBased);
    }

    void forgetNames() {
        names.clear();
    }

    /** Ends the scope; the one it was opened in becomes current again. Closing twice does nothing. */
    @Override
    public void close() {
        Deque<LayerScope> open = OPEN.get();
        if (!open.contains(this)) return;
        if (open.peek() != this) throw new IllegalStateException("a layer scope must be closed after the scopes opened inside it");
        open.pop();
    }
}
