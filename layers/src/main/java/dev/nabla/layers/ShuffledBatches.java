package dev.nabla.layers;

import dev.nabla.engine.Tensor;

import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Training data cut into batches of a fixed size (the last one may be smaller), in an order that
 * {@link #shuffle()} permutes with a seeded generator; sample weights, when given, are cut in the
 * same order. A batch's tensors share buffers with the next batch of the same size: use them
 * before asking for the next.
 */
final class ShuffledBatches implements Iterable<Batch> {
    private final Tensor x, y, w;
    private final int batchSize;
    private final int[] order;
    private final SplittableRandom shuffler;
    private final float[] xBuffer, yBuffer, wBuffer;

    /** Batches of (x, y) and of the sample weights w, one per sample, or null for none. */
    ShuffledBatches(Tensor x, Tensor y, Tensor w, int batchSize, long seed) {
        this.x = x.contiguous();
        this.y = y.contiguous();
        this.w = w == null ? null : w.contiguous();
        this.batchSize = batchSize;
        int n = x.dim(0);
        this.order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        this.shuffler = new SplittableRandom(seed);
        this.xBuffer = new float[batchSize * (x.size() / n)];
        this.yBuffer = new float[batchSize * (y.size() / n)];
        this.wBuffer = w == null ? null : new float[batchSize];
    }

    int count() {
        return (order.length + batchSize - 1) / batchSize;
    }

    /** Permutes the order of the samples (Fisher–Yates). */
    void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = shuffler.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Batch {@code step}, counted from 0. */
    Batch get(int step) {
        int from = step * batchSize, to = Math.min(order.length, from + batchSize);
        return new Batch(Batches.gather(x, order, from, to, xBuffer), Batches.gather(y, order, from, to, yBuffer),
                w == null ? null : Batches.gather(w, order, from, to, wBuffer));
    }

    /** The batches in the current order. */
    @Override
    public Iterator<Batch> iterator() {
        return IntStream.range(0, count()).mapToObj(this::get).iterator();
    }
}
