package dev.nabla.layers;

/**
 * Reports the first non-finite batch loss of a fit on standard error, once, unless a callback
 * has stopped the training (as PyTorch's anomaly mode does; Keras says nothing): every later loss
 * will be non-finite too.
 */
final class NonFiniteWarning {
    private boolean warned;

    void check(int epoch, int batch, double loss, Training training) {
        if (warned || Double.isFinite(loss) || training.stopped()) return;
        warned = true;
        System.err.println("warning: epoch " + epoch + ", batch " + batch + ": loss is " + loss
                + "; training goes on (give TerminateOnNaN as a callback to stop at the first non-finite loss)");
    }
}
