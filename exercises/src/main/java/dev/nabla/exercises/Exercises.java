package dev.nabla.exercises;

import dev.nabla.exercises.aul.ReluNeuron;
import dev.nabla.exercises.aul.SigmoidNeuron;

import java.util.List;

/** The registry of exercises, in the order of the books. */
public final class Exercises {
    private Exercises() {}

    public static List<Exercise> all() {
        return List.of(
                new SigmoidNeuron(),
                new ReluNeuron());
    }

    public static Exercise byId(String id) {
        for (Exercise e : all()) if (e.id().equals(id)) return e;
        throw new IllegalArgumentException("no exercise '" + id + "'; './nabla list' shows the ids");
    }
}
