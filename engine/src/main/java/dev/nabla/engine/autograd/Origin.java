package dev.nabla.engine.autograd;

/**
 * Where a node comes from: the name scope it was recorded in (the layer, such as
 * {@code sequential/dense_1}; empty outside any), and, when sites are traced ({@link Trace#sites},
 * anomaly mode), the op method that recorded it (where its backward is written) and the first
 * caller outside nabla's engine, layers and optimizers (the user's line).
 */
public record Origin(String scope, StackTraceElement op, StackTraceElement caller) {
    static final Origin NONE = new Origin("", null, null);

    /** "op at Class.method(File.java:12), called from User.main(User.java:34)", as far as known. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (!scope.isEmpty()) sb.append(" in ").append(scope);
        if (op != null) sb.append(" at ").append(op);
        if (caller != null) sb.append(", called from ").append(caller);
        return sb.toString();
    }
}
