package dev.nabla.layers;

import dev.nabla.engine.Tensor;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Remembers the pre-activation logits of sigmoid and softmax outputs, as TF Keras attaches
 * {@code _keras_logits} to them, so that cross-entropy losses can use the stable from-logits
 * form. Entries are keyed by tensor identity and vanish with the tensor.
 *
 * <p>Unlike Keras, {@link Reshape} and {@link Flatten} carry the entry over to their output: in
 * Keras a Reshape after the sigmoid (the HOML stacked autoencoder) hides the logits, and the loss
 * falls back to clipped probabilities. The two forms agree except where σ saturates beyond
 * 1e-7, where the clipped form's gradient is zero and this one's is not.
 */
public final class Logits {
    private record Entry(Tensor logits, Activation activation) {}

    private static final Map<Tensor, Entry> ENTRIES = Collections.synchronizedMap(new WeakHashMap<>());

    private Logits() {}

    static void remember(Tensor output, Tensor logits, Activation activation) {
        ENTRIES.put(output, new Entry(logits, activation));
    }

    /** Lets {@code to}, a reshaped view of {@code from}, be traced to the same logits. */
    static void carry(Tensor from, Tensor to) {
        Entry e = ENTRIES.get(from);
        if (e != null) ENTRIES.put(to, e);
    }

    /** The logits that {@code output} was computed from by {@code activation}, shaped like it; or null. */
    public static Tensor of(Tensor output, Activation activation) {
        Entry e = ENTRIES.get(output);
        if (e == null || e.activation != activation || e.logits.size() != output.size()) return null;
        return e.logits.reshape(output.shape());
    }
}
