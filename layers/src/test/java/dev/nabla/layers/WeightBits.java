package dev.nabla.layers;

import dev.nabla.engine.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The raw bits of a model's weights, to check that a failed load changed none of them. */
final class WeightBits {
    private WeightBits() {}

    static List<int[]> of(Model m) {
        List<int[]> out = new ArrayList<>();
        for (Tensor w : m.weights()) {
            float[] v = w.toArray();
            int[] b = new int[v.length];
            for (int i = 0; i < v.length; i++) b[i] = Float.floatToRawIntBits(v[i]);
            out.add(b);
        }
        return out;
    }

    /** The index of the first weight whose bits differ, or -1. */
    static int firstDifference(List<int[]> a, List<int[]> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) return i;
        }
        return -1;
    }
}
