package dev.nabla.bench.sgemm;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One matrix product to benchmark, C = op(A)·op(B) with op(A) m×k and op(B) k×n, and its random
 * operands stored as the transpose flags say (A stored k×m with transA, B stored n×k with transB).
 *
 * <p>Named by a shape string: {@code "1024"} is the square product n = 1024; {@code "MxKxN"} is
 * op(A) M×K times op(B) K×N, e.g. {@code "32x784x100"} for a batch of 32 through a 784→100 dense
 * layer; a suffix {@code tA} or {@code tB} transposes that operand, as in the backward products
 * dW = Xᵀ·G ({@code "784x32x100tA"}) and dX = G·Wᵀ ({@code "32x100x784tB"}).
 */
public record Product(String shape, int m, int n, int k, boolean transA, boolean transB,
                      float[] a, float[] b, float[] c) {
    private static final Pattern SHAPE = Pattern.compile("(\\d+)x(\\d+)x(\\d+)(tA|tB)?");

    public static Product parse(String shape) {
        int m, n, k;
        boolean transA = false, transB = false;
        Matcher mm = SHAPE.matcher(shape);
        if (shape.matches("\\d+")) {
            m = n = k = Integer.parseInt(shape);
        } else if (mm.matches()) {
            m = Integer.parseInt(mm.group(1));
            k = Integer.parseInt(mm.group(2));
            n = Integer.parseInt(mm.group(3));
            transA = "tA".equals(mm.group(4));
            transB = "tB".equals(mm.group(4));
        } else {
            throw new IllegalArgumentException("shape '" + shape + "' is neither N nor MxKxN with an optional tA or tB");
        }
        SplittableRandom rng = new SplittableRandom(42);
        return new Product(shape, m, n, k, transA, transB, random(rng, m * k), random(rng, k * n), new float[m * n]);
    }

    /** Row stride of A as stored. */
    public int lda() {
        return transA ? m : k;
    }

    /** Row stride of B as stored. */
    public int ldb() {
        return transB ? k : n;
    }

    public double flops() {
        return 2.0 * m * n * k;
    }

    private static float[] random(SplittableRandom rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) (rng.nextDouble() * 2 - 1);
        return x;
    }
}
