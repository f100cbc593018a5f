package dev.nabla.datasets;

import java.util.List;

/** Class names and a description of each data set this module reads. */
public enum DatasetCatalog {
    FASHION_MNIST(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
            "Fashion-MNIST (Zalando Research, 2017): 70,000 grayscale 28x28 images of clothing articles from"
                    + " Zalando's catalogue, 60,000 for training and 10,000 for testing, 7,000 per class in 10 classes"
                    + " (T-shirt/top to ankle boot). Designed as a drop-in replacement for MNIST with the same image size"
                    + " and split, it is harder to classify and is the data set of the Hands-On ML autoencoder chapter."
                    + " MIT licence."),
    MNIST(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            "MNIST (LeCun, Cortes and Burges): grayscale 28x28 images of handwritten digits 0 to 9, size-normalised"
                    + " and centred from NIST's special databases. The books' mnist.pkl holds 10,000 of them as a"
                    + " dict {'images': uint8 (N, 28, 28), 'labels': int64 (N,)}; it is the data set of the Applied"
                    + " Unsupervised Learning autoencoder lesson."),
    CIFAR10(List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
            "CIFAR-10 (Krizhevsky, 2009): 60,000 colour 32x32 photographs in 10 classes of 6,000 (airplane to truck),"
                    + " a labelled subset of the 80 Million Tiny Images collection, in five training batches and one test"
                    + " batch of 10,000. Each record stores the red, green and blue planes one after the other (CHW);"
                    + " readers here convert them to channels-last (HWC).");

    private final List<String> classNames;
    private final String description;

    DatasetCatalog(List<String> classNames, String description) {
        this.classNames = classNames;
        this.description = description;
    }

    public List<String> classNames() {
        return classNames;
    }

    public String description() {
        return description;
    }
}
