package dev.nabla.exercises;

import dev.nabla.exercises.aul.CifarAutoencoder;
import dev.nabla.exercises.aul.CifarClassifier;
import dev.nabla.exercises.aul.ConvCifarAutoencoder;
import dev.nabla.exercises.aul.ConvMnistAutoencoder;
import dev.nabla.exercises.aul.ClassifierSummary;
import dev.nabla.exercises.aul.DeepCifarAutoencoder;
import dev.nabla.exercises.aul.MnistAutoencoder;
import dev.nabla.exercises.aul.MnistClassifier;
import dev.nabla.exercises.aul.ReluNeuron;
import dev.nabla.exercises.aul.SigmoidNeuron;
import dev.nabla.exercises.homl.CodeMap;
import dev.nabla.exercises.homl.ConvAutoencoder;
import dev.nabla.exercises.homl.Dcgan;
import dev.nabla.exercises.homl.DropoutDenoising;
import dev.nabla.exercises.homl.GaussianDenoising;
import dev.nabla.exercises.homl.GreedyLayerwise;
import dev.nabla.exercises.homl.KLSparseAutoencoder;
import dev.nabla.exercises.homl.L1SparseAutoencoder;
import dev.nabla.exercises.homl.Pretraining;
import dev.nabla.exercises.homl.RecurrentAutoencoder;
import dev.nabla.exercises.homl.StackedAutoencoder;
import dev.nabla.exercises.homl.TiedAutoencoder;
import dev.nabla.exercises.homl.VariationalAutoencoder;

import java.util.List;

/** The registry of exercises, in the order of the specification's table, then those beyond it. */
public final class Exercises {
    private Exercises() {}

    public static List<Exercise> all() {
        return List.of(
                new SigmoidNeuron(),
                new ReluNeuron(),
                new ClassifierSummary(),
                new CifarClassifier(),
                new MnistClassifier(),
                new CifarAutoencoder(),
                new MnistAutoencoder(),
                new DeepCifarAutoencoder(),
                new ConvCifarAutoencoder(),
                new ConvMnistAutoencoder(),
                new StackedAutoencoder(),
                new CodeMap(),
                new TiedAutoencoder(),
                new GreedyLayerwise(),
                new Pretraining(),
                new ConvAutoencoder(),
                new RecurrentAutoencoder(),
                new DropoutDenoising(),
                new GaussianDenoising(),
                new L1SparseAutoencoder(),
                new KLSparseAutoencoder(),
                new VariationalAutoencoder(),
                new Dcgan());
    }

    public static Exercise byId(String id) {
        for (Exercise e : all()) if (e.id().equals(id)) return e;
        throw new IllegalArgumentException("no exercise '" + id + "'; './nabla list' shows the ids");
    }
}
