package dev.nabla.bench.training;

import dev.nabla.layers.Activation;
import dev.nabla.layers.Dense;
import dev.nabla.layers.LSTM;
import dev.nabla.layers.Model;
import dev.nabla.layers.RepeatVector;
import dev.nabla.layers.Sequential;
import dev.nabla.layers.TimeDistributed;

/**
 * Times epochs of the HOML recurrent autoencoder, as the exercise {@code homl-recurrent} defines
 * it: each image a sequence of 28 rows of 28 pixels through LSTM(100, return_sequences) →
 * LSTM(30) → RepeatVector(28) → LSTM(100, return_sequences) → TimeDistributed(Dense(28,
 * sigmoid)), with {@link AutoencoderEpochs}' run and arguments: {@code [epochs] [--limit ROWS] [--data DIR]}.
 */
public final class RecurrentAutoencoderEpoch {
    private RecurrentAutoencoderEpoch() {}

    public static void main(String[] args) {
        AutoencoderEpochs.run(args, RecurrentAutoencoderEpoch::model);
    }

    static Model model() {
        Sequential encoder = new Sequential(new LSTM(100, true), new LSTM(30));
        Sequential decoder = new Sequential(new RepeatVector(28), new LSTM(100, true), new TimeDistributed(new Dense(28, Activation.SIGMOID)));
        return new Sequential(encoder, decoder).inputShape(28, 28);
    }
}
