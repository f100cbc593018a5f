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
 * The book's notebook printed its run after earlier training: its epoch 1 already shows loss
 * 0.2691 and accuracy 0.9289, which a fresh model reaches after about 10 epochs (fresh run, seed
 * 42: epoch 10 loss 0.2787 acc 0.9253, epoch 11 loss 0.2684 acc 0.9278). So the reproduction first
 * trains those 10 earlier epochs, then the 20 the book prints, and compares the last of those with
 * the book's 0.9559.
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
    @Override int earlierEpochs() { return 10; }
    @Override String bookPrintedRun() { return "epoch 1 loss 0.2691, accuracy 0.9289; epoch 20 loss 0.1638, accuracy 0.9559"; }
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
