package dev.nabla.engine.autograd;

/**
 * Whether operations record the graph. Off inside {@link #noGrad()} scopes (inference, optimizer
 * steps, backward passes themselves). Per thread.
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {}

    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** {@code try (var s = GradMode.noGrad()) { ... }}: no graph is recorded inside. */
    public static Scope noGrad() {
        return set(false);
    }

    private static Scope set(boolean on) {
        boolean[] flag = ENABLED.get();
        boolean previous = flag[0];
        flag[0] = on;
        return () -> flag[0] = previous;
    }

    /** A scope that restores the previous mode when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
