package dev.nabla.bench.training;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.Activation;
import dev.nabla.layers.Dense;
import dev.nabla.layers.Fit;
import dev.nabla.layers.Flatten;
import dev.nabla.layers.History;
import dev.nabla.layers.RandomSeed;
import dev.nabla.layers.Reshape;
import dev.nabla.layers.Sequential;
import dev.nabla.layers.losses.Losses;
import dev.nabla.optim.Adam;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Times epochs of the HOML stacked autoencoder (784-100-30-100-784, gelu, sigmoid output, BCE,
 * Adam, batch 32) on the last 55,000 Fashion-MNIST training images scaled to [0, 1], as the book
 * trains it. Prints one "EPOCH_SECONDS" line per epoch. Args: [epochs] [idx.gz path].
 */
public final class StackedAutoencoderEpoch {
    private StackedAutoencoderEpoch() {}

    public static void main(String[] args) throws IOException {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        Path images = Path.of(args.length > 1 ? args[1] : "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");
        Tensor all = readIdxImages(images);
        Tensor train = all.slice(0, 5000, all.dim(0)).contiguous();

        RandomSeed.set(42);
        Sequential encoder = new Sequential(new Flatten(), new Dense(100, Activation.GELU), new Dense(30, Activation.GELU));
        Sequential decoder = new Sequential(new Dense(100, Activation.GELU), new Dense(784, Activation.SIGMOID), new Reshape(28, 28));
        Sequential ae = new Sequential(encoder, decoder).inputShape(28, 28);
        ae.compile(Losses.binaryCrossEntropy(), new Adam());
        for (int e = 1; e <= epochs; e++) {
            long t0 = System.nanoTime();
            History h = ae.fit(train, train, Fit.epochs(1).batchSize(32).seed(e));
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("EPOCH_SECONDS %d %.3f loss %.8f%n", e, s, h.last("loss"));
        }
    }

    /** An IDX3 file of unsigned bytes (magic 0x00000803, count, rows, cols), scaled to [0, 1]. */
    static Tensor readIdxImages(Path path) throws IOException {
        try (InputStream raw = Files.newInputStream(path); DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            int magic = in.readInt();
            if (magic != 0x803) throw new IOException(path + ": not an IDX3 image file (magic " + Integer.toHexString(magic) + ")");
            int n = in.readInt(), rows = in.readInt(), cols = in.readInt();
            byte[] bytes = in.readNBytes(n * rows * cols);
            if (bytes.length != n * rows * cols) throw new IOException(path + ": truncated, " + bytes.length + " of " + n * rows * cols + " pixels");
            float[] x = new float[bytes.length];
            for (int i = 0; i < x.length; i++) x[i] = (bytes[i] & 0xff) / 255f;
            return Tensor.of(x, n, rows, cols);
        }
    }
}
