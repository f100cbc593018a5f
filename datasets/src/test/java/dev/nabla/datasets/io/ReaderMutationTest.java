package dev.nabla.datasets.io;

import dev.nabla.datasets.DatasetCatalog;
import dev.nabla.datasets.MalformedDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static dev.nabla.datasets.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded random mutations (bit flips, truncation, inserted bytes, extreme 32-bit values) of every
 * fixture, read by the data set readers that sit on top of the pickle and IDX parsers: each mutant
 * must load or fail with {@link MalformedDataException}, never another exception.
 */
class ReaderMutationTest {
    private static final int MUTANTS = 150;
    private static final int[] EXTREMES = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 3072, 10_000};

    @TempDir
    Path dir;

    private interface Reader {
        void read(Path file) throws IOException;
    }

    static byte[] mutate(byte[] original, SplittableRandom rng) {
        byte[] b = original.clone();
        switch (rng.nextInt(4)) {
            case 0 -> {
                for (int k = 1 + rng.nextInt(4); k > 0; k--) {
                    b[rng.nextInt(b.length)] ^= (byte) (1 << rng.nextInt(8));
                }
            }
            case 1 -> b = Arrays.copyOf(b, rng.nextInt(b.length));
            case 2 -> {
                int at = rng.nextInt(b.length);
                byte[] extra = new byte[1 + rng.nextInt(8)];
                rng.nextBytes(extra);
                byte[] out = new byte[b.length + extra.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(extra, 0, out, at, extra.length);
                System.arraycopy(b, at, out, at + extra.length, b.length - at);
                b = out;
            }
            default -> {
                int at = rng.nextInt(Math.max(1, b.length - 4));
                ByteBuffer.wrap(b, at, 4).putInt(EXTREMES[rng.nextInt(EXTREMES.length)]);
            }
        }
        return b;
    }

    private void survive(String name, byte[] original, Reader reader) throws IOException {
        SplittableRandom rng = new SplittableRandom(name.hashCode());
        Path file = dir.resolve(name);
        for (int i = 0; i < MUTANTS; i++) {
            Files.write(file, mutate(original, rng));
            try {
                reader.read(file);
            } catch (MalformedDataException expected) {
                // the clear error we want
            } catch (RuntimeException | IOException e) {
                Path kept = Files.copy(file, dir.resolve(name + ".mutant" + i));
                fail("mutant " + i + " of " + name + " (" + kept + ") threw " + e, e);
            }
        }
    }

    @Test
    void cifarPythonBatch() throws IOException {
        survive("cifar_py2_20.pkl", Files.readAllBytes(fixture("cifar_py2_20.pkl")), CifarPythonReader::read);
    }

    @Test
    void cifarBinaryBatch() throws IOException {
        survive("cifar_bin_20.bin", Files.readAllBytes(fixture("cifar_bin_20.bin")), CifarBinaryReader::read);
    }

    @Test
    void mnistPickles() throws IOException {
        for (int protocol = 2; protocol <= 5; protocol++) {
            String name = "mnist_p" + protocol + "_20.pkl";
            survive(name, Files.readAllBytes(fixture(name)), MnistPickleReader::read);
        }
    }

    @Test
    void idxImagesPlainAndGzip() throws IOException {
        byte[] images = BadInputTest.idx(new int[]{3, 4, 5}, 60);
        byte[] labels = BadInputTest.idx(new int[]{3}, 3);
        Path goodLabels = Files.write(dir.resolve("labels.idx"), labels);
        Path goodImages = Files.write(dir.resolve("images.idx"), images);
        survive("images.idx.mut", images, f -> IdxImages.read(f, goodLabels, DatasetCatalog.MNIST));
        survive("images.idx.gz", BadInputTest.gzip(images), f -> IdxImages.read(f, goodLabels, DatasetCatalog.MNIST));
        survive("labels.idx.gz", BadInputTest.gzip(labels), f -> IdxImages.read(goodImages, f, DatasetCatalog.MNIST));
    }
}
