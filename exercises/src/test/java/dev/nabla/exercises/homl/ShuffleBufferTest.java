package dev.nabla.exercises.homl;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.Batch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShuffleBufferTest {
    /** n samples of shape (2, 1, 1), sample i holding (i, −i), so that a batch shows which samples it took. */
    private static Tensor numbered(int n) {
        float[] v = new float[2 * n];
        for (int i = 0; i < n; i++) {
            v[2 * i] = i;
            v[2 * i + 1] = -i;
        }
        return Tensor.of(v, n, 2, 1, 1);
    }

    @Test
    void eachPassIsANewPermutationThatTakesNoSampleBeforeItEntersTheBuffer() {
        var dataset = new ShuffleBuffer(numbered(50), 8, 5, new SplittableRandom(1));
        int[] first = dataset.order(), second = dataset.order();
        for (int[] order : List.of(first, second)) {
            assertArrayEquals(IntStream.range(0, 50).toArray(), Arrays.stream(order).sorted().toArray(), "a permutation");
            // sample j enters the buffer when j − 8 + 1 samples have been taken, so it comes at position j − 7 or later
            for (int i = 0; i < 50; i++) assertTrue(order[i] <= i + 7, "sample " + order[i] + " at position " + i);
        }
        assertFalse(Arrays.equals(first, second), "reshuffled on each pass");
    }

    @Test
    void aBufferOfOneKeepsTheOrderAndOneAsLargeAsTheDataShufflesAll() {
        assertArrayEquals(IntStream.range(0, 20).toArray(), new ShuffleBuffer(numbered(20), 1, 4, new SplittableRandom(2)).order());
        int[] all = new ShuffleBuffer(numbered(20), 1000, 4, new SplittableRandom(2)).order();
        assertTrue(IntStream.range(0, 20).anyMatch(i -> all[i] > i + 10), "late samples can come early: " + Arrays.toString(all));
    }

    @Test
    void batchesHoldTheSamplesOfThePassInOrderAndDropTheRemainder() {
        Tensor x = numbered(23);
        var dataset = new ShuffleBuffer(x, 4, 5, new SplittableRandom(3));
        assertEquals(4, dataset.size(), "23 samples: four batches of 5, the last 3 dropped");
        List<Float> seen = new ArrayList<>();
        for (Batch b : dataset) {
            assertArrayEquals(new int[] {5, 2, 1, 1}, b.x().shape());
            assertNull(b.y(), "inputs alone");
            float[] v = b.x().toArray();
            for (int i = 0; i < 5; i++) {
                assertEquals(-v[2 * i], v[2 * i + 1], 0f, "sample kept whole");
                seen.add(v[2 * i]);
            }
        }
        assertEquals(20, seen.stream().distinct().count(), "no sample twice in a pass: " + seen);
    }
}
