package dev.nabla.layers.losses;

import dev.nabla.engine.Tensor;

/** A quality measure reported during training: the mean over a batch's samples. */
public interface Metric {
    /** The key in History and evaluate(), e.g. "accuracy"; validation uses "val_" + name. */
    String name();

    double compute(Tensor yTrue, Tensor yPred);

    /** The concrete metric for a loss (Keras picks which accuracy "accuracy" means from the loss). */
    default Metric resolve(Loss loss) { return this; }
}
