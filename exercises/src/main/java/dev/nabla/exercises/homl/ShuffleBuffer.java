package dev.nabla.exercises.homl;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.Batch;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * {@code tf.data.Dataset.from_tensor_slices(x).shuffle(buffer).batch(size, drop_remainder=True)}:
 * batches of inputs alone, in an order drawn anew on each pass (tf.data reshuffles every
 * iteration) through tf.data's shuffle buffer: the buffer holds the next {@code buffer} samples,
 * each sample taken comes from a random place in it, and that place is refilled with the next
 * sample of x. A last batch smaller than {@code size} is dropped.
 */
final class ShuffleBuffer extends AbstractCollection<Batch> {
    private final Tensor x;
    private final int bufferSize, batchSize;
    private final SplittableRandom random;

    ShuffleBuffer(Tensor x, int bufferSize, int batchSize, SplittableRandom random) {
        if (bufferSize < 1 || batchSize < 1) throw new IllegalArgumentException("ShuffleBuffer: buffer and batch sizes must be positive");
        this.x = x.contiguous();
        this.bufferSize = bufferSize;
        this.batchSize = batchSize;
        this.random = random;
    }

    /** The number of whole batches. */
    @Override
    public int size() {
        return x.dim(0) / batchSize;
    }

    @Override
    public Iterator<Batch> iterator() {
        int[] order = order();
        return IntStream.range(0, size()).mapToObj(b -> new Batch(gather(order, b * batchSize))).iterator();
    }

    /** One pass's order of the samples through the buffer. */
    int[] order() {
        int n = x.dim(0);
        int[] buffer = new int[Math.min(bufferSize, n)], order = new int[n];
        Arrays.setAll(buffer, i -> i);
        int held = buffer.length, next = buffer.length;
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(held);
            order[i] = buffer[k];
            buffer[k] = next < n ? next++ : buffer[--held];
        }
        return order;
    }

    /** Samples order[from], …, order[from + batchSize − 1] as one tensor. */
    private Tensor gather(int[] order, int from) {
        int per = x.size() / x.dim(0);
        float[] values = new float[batchSize * per];
        for (int i = 0; i < batchSize; i++) System.arraycopy(x.data(), x.offset() + order[from + i] * per, values, i * per, per);
        int[] shape = x.shape();
        shape[0] = batchSize;
        return Tensor.of(values, shape);
    }
}
