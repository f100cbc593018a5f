package dev.nabla.engine.autograd;

import java.util.List;
import java.util.Optional;

/**
 * What the graph remembers about each node beyond its backward, per thread: the name scope it is
 * recorded in (layers open one per call, so a picture of the graph can group a layer's ops), and,
 * inside {@link #sites()}, where it was created. Finding the sites walks the stack at every op, so
 * it is off unless asked for, and turned on by anomaly mode.
 */
public final class Trace {
    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    private static final class State {
        /** The current name scope as the origin of nodes recorded without sites: one object per scope, not per node. */
        Origin scope = Origin.NONE;
        boolean sites;
        boolean anomaly;
    }

    /** Classes and packages whose frames are nabla itself (or the JDK), not the user's code. */
    private static final List<String> LIBRARY = List.of("dev.nabla.engine.Tensor", "dev.nabla.engine.GradCheck", "dev.nabla.engine.ops.",
            "dev.nabla.engine.autograd.", "dev.nabla.engine.kernels.", "dev.nabla.layers.", "dev.nabla.optim.", "java.", "jdk.");

    private Trace() {}

    /** {@code try (var s = Trace.name("dense_1")) { ... }}: ops recorded inside belong to that name, nested with "/". */
    public static GradMode.Scope name(String name) {
        State st = STATE.get();
        Origin previous = st.scope;
        st.scope = new Origin(previous.scope().isEmpty() ? name : previous.scope() + "/" + name, null, null);
        return () -> st.scope = previous;
    }

    /** Records, for every node made inside, the op method and the user's line that created it. */
    public static GradMode.Scope sites() {
        State st = STATE.get();
        boolean previous = st.sites;
        st.sites = true;
        return () -> st.sites = previous;
    }

    static GradMode.Scope anomaly(boolean on) {
        State st = STATE.get();
        boolean previous = st.anomaly;
        st.anomaly = on;
        GradMode.Scope sites = on ? sites() : () -> {};
        return () -> {
            sites.close();
            st.anomaly = previous;
        };
    }

    static boolean anomaly() {
        return STATE.get().anomaly;
    }

    /** The origin of a node being recorded now, by a call from {@link Autograd#record}. */
    static Origin here() {
        State st = STATE.get();
        if (!st.sites) return st.scope;
        List<StackWalker.StackFrame> frames = StackWalker.getInstance().walk(s -> s
                .dropWhile(f -> f.getClassName().startsWith(Trace.class.getPackageName() + ".")).limit(64).toList());
        StackTraceElement op = frames.isEmpty() ? null : frames.getFirst().toStackTraceElement();
        Optional<StackWalker.StackFrame> user = frames.stream().filter(f -> LIBRARY.stream().noneMatch(f.getClassName()::startsWith)).findFirst();
        return new Origin(st.scope.scope(), op, user.map(StackWalker.StackFrame::toStackTraceElement).orElse(null));
    }
}
