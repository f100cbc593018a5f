package dev.nabla.layers;

/** The running fit, as callbacks see it: the model, and a way to stop (Keras's {@code model.stop_training}). */
public final class Training {
    private final Model model;
    private String stopReason;

    Training(Model model) {
        this.model = model;
    }

    public Model model() { return model; }

    /** Stops after the current batch; the reason is printed and kept in {@link History#stopReason()}. */
    public void stop(String reason) {
        if (stopReason == null) stopReason = reason;
    }

    public boolean stopped() { return stopReason != null; }

    public String stopReason() { return stopReason; }
}
