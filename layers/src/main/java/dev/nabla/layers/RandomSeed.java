package dev.nabla.layers;

import java.util.SplittableRandom;

/**
 * The global seed for weight initialisation and for dropout and noise masks (Keras's
 * {@code keras.utils.set_random_seed}). Each layer takes its own generator, split from this one
 * when the layer is constructed, so the same seed and the same model code give the same
 * weights and masks.
 */
public final class RandomSeed {
    private static SplittableRandom root = new SplittableRandom(42);

    private RandomSeed() {}

    public static synchronized void set(long seed) {
        root = new SplittableRandom(seed);
    }

    static synchronized SplittableRandom split() {
        return root.split();
    }
}
