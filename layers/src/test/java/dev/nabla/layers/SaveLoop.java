package dev.nabla.layers;

import dev.nabla.engine.Tensor;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Saves a model of 4 MB of weights over and over, every weight of the i-th save equal to i, and
 * prints "ready" once before the first; {@link SaveKillTest} kills it with SIGKILL at random moments.
 */
final class SaveLoop {
    private SaveLoop() {}

    static Sequential model() {
        return new Sequential(new Dense(1000).named("wide"), new Dense(10).named("narrow")).inputShape(1000);
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        Sequential m = model();
        System.out.println("ready");
        System.out.flush();
        for (int i = 1; ; i++) {
            for (Tensor w : m.weights()) Arrays.fill(w.data(), w.offset(), w.offset() + w.size(), i);
            m.saveWeights(file);
        }
    }
}
