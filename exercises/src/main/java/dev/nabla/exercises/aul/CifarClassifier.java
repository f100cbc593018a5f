package dev.nabla.exercises.aul;

import dev.nabla.datasets.LabeledImages;
import dev.nabla.engine.Tensor;
import dev.nabla.exercises.Data;
import dev.nabla.exercises.Options;
import dev.nabla.exercises.Target;
import dev.nabla.layers.Dense;
import dev.nabla.layers.Sequential;

import static dev.nabla.layers.Activation.RELU;
import static dev.nabla.layers.Activation.SOFTMAX;

/**
 * AUL-5 Exercise 20, training the classifier of Exercise 19 on CIFAR-10's {@code data_batch_1}:
 * <pre>
 * images = batch_1['data'].reshape((-1, 3, 32, 32)).transpose((0, 2, 3, 1)).mean(axis=-1) / 255   # gray
 * images = images.reshape((-1, 1024)); labels = one-hot
 * model.compile(loss='categorical_crossentropy', optimizer='sgd', metrics=['accuracy'])
 * model.fit(images, labels, epochs=100)
 * </pre>
 * The book states "about 90%" training accuracy without a printed run, so the figure is reported.
 * The CIFAR-10 copy here is JPEG-derived (see the data README), so figures differ slightly.
 */
public final class CifarClassifier extends ImageClassifier {
    @Override public String id() { return "aul-ex20"; }
    @Override public String title() { return "AUL-5 Ex. 20 train the 1024-500-10 classifier on gray CIFAR-10 data_batch_1"; }
    @Override public Target target() { return Target.report("accuracy", 0.90); }

    /** Exercise 19's model: {@code Dense(500, relu, input 1024) → Dense(10, softmax)}. */
    static Sequential network() {
        return new Sequential(new Dense(500, RELU), new Dense(10, SOFTMAX)).inputShape(1024);
    }

    @Override Sequential model() { return network(); }
    @Override int epochs() { return 100; }
    @Override int shown() { return 12; }

    @Override
    LabeledImages data(Options options) throws Exception {
        return Data.cifar10Batch1(options);
    }

    @Override
    Tensor features(LabeledImages images) {
        return images.grayImages().reshape(images.count(), 32 * 32);
    }
}
