package dev.nabla.datasets.locate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a data set's files can be found: its environment variable, its folder name (in the cache
 * and in archives), the Debian package that ships it, and what to download when it is nowhere on
 * disk: single files, or an archive whose {@code folder}/ entries hold the files.
 *
 * @param name     display name, e.g. "Fashion-MNIST"
 * @param envVar   environment variable naming a folder (or, for a single file, the file) to use
 * @param folder   folder name of the files in the cache and in archives
 * @param debian   the Debian package holding the files, if any: looked for installed, else fetched
 * @param files    files downloadable one by one (empty when only an archive is published)
 * @param archive  a tar.gz holding {@code folder/<file>} entries, if any
 * @param howToGet a sentence telling a user how to get the data by hand
 */
public record DatasetSource(String name, String envVar, String folder, Optional<DebianPackage> debian, List<RemoteFile> files,
                            Optional<RemoteFile> archive, String howToGet) {
    public DatasetSource {
        files = List.copyOf(files);
    }

    /** True when the data can be downloaded at all. */
    public boolean downloadable() {
        return !files.isEmpty() || archive.isPresent();
    }

    private static final String FASHION_RAW = "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/";
    private static final String FASHION_S3 = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";

    private static RemoteFile fashion(String name, String sha256) {
        return new RemoteFile(name, List.of(FASHION_S3 + name, FASHION_RAW + name), sha256);
    }

    /**
     * Fashion-MNIST's four IDX files. Zalando publishes MD5 sums only; the SHA-256 digests below are
     * those of the same official files as listed, next to the official MD5s, by several independent
     * projects. Debian's package re-compresses the files, so its .gz bytes differ while the
     * decompressed IDX data is the same: copies taken from the package are checked against the
     * SHA-256 of the decompressed files instead.
     */
    public static final DatasetSource FASHION_MNIST = new DatasetSource("Fashion-MNIST", "NABLA_FASHION_MNIST", "fashion-mnist",
            Optional.of(new DebianPackage("dataset-fashion-mnist", "usr/share/datasets/fashion-mnist", Map.of(
                    "train-images-idx3-ubyte.gz", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                    "train-labels-idx1-ubyte.gz", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                    "t10k-images-idx3-ubyte.gz", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                    "t10k-labels-idx1-ubyte.gz", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"))),
            List.of(fashion("train-images-idx3-ubyte.gz", "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
                    fashion("train-labels-idx1-ubyte.gz", "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
                    fashion("t10k-images-idx3-ubyte.gz", "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
                    fashion("t10k-labels-idx1-ubyte.gz", "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5")),
            Optional.empty(),
            "install the Debian package (apt-get install dataset-fashion-mnist), or download the four .gz files from "
                    + FASHION_S3 + " (or " + FASHION_RAW + ")");

    /** CIFAR-10, python version; the archive's SHA-256 is the one Keras checks. */
    public static final DatasetSource CIFAR10 = new DatasetSource("CIFAR-10", "NABLA_CIFAR10", "cifar-10-batches-py",
            Optional.empty(), List.of(),
            Optional.of(new RemoteFile("cifar-10-python.tar.gz", List.of("https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"),
                    "6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce")),
            "download https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz and extract it (tar xzf) into the cache folder");

    /** The Applied Unsupervised Learning book's mnist.pkl (not downloadable: no checksummed official copy). */
    public static final DatasetSource MNIST_PKL = new DatasetSource("MNIST (mnist.pkl)", "NABLA_MNIST_PKL", "mnist-10k",
            Optional.empty(), List.of(), Optional.empty(),
            "download mnist.pkl from the Applied Unsupervised Learning with Python repository (Lesson05)");
}
