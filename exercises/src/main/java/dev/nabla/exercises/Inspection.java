package dev.nabla.exercises;

/** What a run can show of its training besides the figure; each is a flag of {@code run}. */
public enum Inspection {
    /** {@code --graph}: the graph of the first training step, as DOT (and SVG with Graphviz), and its backward node by node. */
    GRAPH("--graph"),
    /** {@code --profile}: time per op and direction, per kernel and per span, as a table and a Chrome trace. */
    PROFILE("--profile"),
    /** {@code --grad-flow}: each layer's mean gradient norm per epoch, drawn beside the loss curve. */
    GRAD_FLOW("--grad-flow"),
    /** {@code --anomaly}: training in anomaly mode, stopping at the op that first makes a NaN or an infinity. */
    ANOMALY("--anomaly");

    private final String flag;

    Inspection(String flag) {
        this.flag = flag;
    }

    static Inspection ofFlag(String flag) {
        for (Inspection i : values()) if (i.flag.equals(flag)) return i;
        return null;
    }
}
