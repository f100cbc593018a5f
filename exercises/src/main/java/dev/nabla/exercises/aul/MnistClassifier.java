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
 * AUL-5 Activity 9, an MNIST classifier on the 10,000 digits of {@code mnist.pkl}:
 * <pre>
 * images = mnist['images'].reshape((-1, 784)) / 255; labels = one-hot
 * model = Sequential([Dense(600, input_shape=(784,), activation='relu'), Dense(10, activation='softmax')])
 * model.compile(loss='categorical_crossentropy', optimizer='sgd', metrics=['accuracy'])
 * model.fit(images, labels, epochs=20)
 * </pre>
 * The book's notebook printed 0.9559 training accuracy at epoch 20 after earlier training; a fresh
 * run starts lower.
 */
public final class MnistClassifier extends ImageClassifier {
    @Override public String id() { return "aul-act9"; }
    @Override public String title() { return "AUL-5 Act. 9 MNIST classifier 784-600-10 on mnist.pkl"; }
    @Override public Target target() { return Target.accuracy("accuracy", 0.9559, 0.01); }

    @Override
    Sequential model() {
        return new Sequential(new Dense(600, RELU), new Dense(10, SOFTMAX)).inputShape(784);
    }

    @Override int epochs() { return 20; }
    @Override int shown() { return 10; }

    @Override
    LabeledImages data(Options options) throws Exception {
        return Data.mnist(options);
    }

    @Override
    Tensor features(LabeledImages images) {
        return images.flatImages();
    }
}
