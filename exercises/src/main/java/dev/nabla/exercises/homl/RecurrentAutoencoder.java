package dev.nabla.exercises.homl;

import dev.nabla.exercises.Target;
import dev.nabla.layers.Dense;
import dev.nabla.layers.LSTM;
import dev.nabla.layers.Model;
import dev.nabla.layers.RepeatVector;
import dev.nabla.layers.Sequential;
import dev.nabla.layers.TimeDistributed;

import static dev.nabla.layers.Activation.SIGMOID;
import static dev.nabla.layers.Input.NONE;

/**
 * HOML-17, recurrent autoencoder: each image is a sequence of 28 rows of 28 pixels.
 * <pre>
 * recurrent_encoder = Sequential([LSTM(100, return_sequences=True, input_shape=[None, 28]), LSTM(30)])
 * recurrent_decoder = Sequential([RepeatVector(28, input_shape=[30]), LSTM(100, return_sequences=True),
 *                                 TimeDistributed(Dense(28, activation="sigmoid"))])
 * recurrent_ae = Sequential([recurrent_encoder, recurrent_decoder])
 * </pre>
 * The encoder takes sequences of any length ({@code NONE} steps), as the book's.
 */
public final class RecurrentAutoencoder extends FashionAutoencoder {
    @Override public String id() { return "homl-recurrent"; }
    @Override public String title() { return "HOML-17 recurrent (LSTM) autoencoder on Fashion-MNIST rows"; }
    @Override public Target target() { return Target.loss("val_loss", 0.2711, 0.015); }

    @Override
    Model build() {
        var recurrentEncoder = new Sequential(new LSTM(100, true), new LSTM(30)).inputShape(NONE, 28);
        var recurrentDecoder = new Sequential(new RepeatVector(28), new LSTM(100, true), new TimeDistributed(new Dense(28, SIGMOID))).inputShape(30);
        return new Sequential(recurrentEncoder, recurrentDecoder).inputShape(NONE, 28);
    }

    @Override
    double[] bookValLoss() {
        return new double[] {0.3127, 0.2962, 0.2896, 0.2832, 0.2795, 0.2769, 0.2747, 0.2733, 0.2723, 0.2711};
    }
}
