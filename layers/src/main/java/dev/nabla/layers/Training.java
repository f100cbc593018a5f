package dev.nabla.layers;

/**
 * The running fit, as callbacks see it: the model, a way to stop (Keras's
 * {@code model.stop_training}), and a way to resume after epochs done before ({@link BackupAndRestore}).
 */
public final class Training {
    private final Model model;
    private String stopReason;
    private int epochsDone;
    private String resumedFrom;

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

    /**
     * Called before the first epoch: the model's state is that after {@code epochs} epochs, so the
     * fit goes on with the next one (Keras's {@code initial_epoch}); {@code from} says from what.
     */
    public void resumeAfter(int epochs, String from) {
        if (epochs < 0) throw new IllegalArgumentException("resumeAfter: a negative epoch count " + epochs);
        this.epochsDone = epochs;
        this.resumedFrom = from;
    }

    /** The epochs done before this fit started: 0 unless resumed. */
    public int epochsDone() { return epochsDone; }

    /** What the fit resumed from, or null. */
    String resumedFrom() { return resumedFrom; }
}
