package dev.nabla.engine.kernels;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** im2col and col2im against the definition, one float at a time, on awkward geometries. */
class Im2colTest {
    static Stream<ConvShape> shapes() {
        return Stream.of(
                // batch, inH, inW, C, kH, kW, sH, sW, padTop, padLeft, outH, outW
                new ConvShape(2, 5, 6, 1, 3, 3, 1, 1, 1, 1, 5, 6),     // 'same', one channel: runs of 3 floats
                new ConvShape(2, 7, 7, 17, 3, 3, 2, 2, 0, 0, 3, 3),    // 'valid' stride 2, the last row and column unread
                new ConvShape(1, 4, 3, 3, 3, 5, 1, 1, 1, 2, 4, 3),     // a window wider than the image: padding on both sides of a row
                new ConvShape(3, 6, 6, 2, 2, 2, 2, 2, 0, 0, 3, 3),     // even window, stride 2, no overlap
                new ConvShape(1, 3, 8, 4, 3, 3, 1, 2, 2, 1, 3, 4));    // uneven padding: rows of the window wholly in the padding
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void im2colCopiesEveryWindow(ConvShape s) {
        float[] x = random(s.batch() * s.inH() * s.inW() * s.channels(), 5, 1);
        float[] col = random(s.windows() * s.windowSize(), 0, 2);   // stale values must all be overwritten
        Im2col.im2col(s, x, 5, col);
        float[] expected = new float[col.length];
        forEachElement(s, (i, at) -> expected[i] = at < 0 ? 0f : x[5 + at]);
        assertArrayEquals(expected, col, s.toString());
    }

    /** Each pixel of dx sums its windows' values in the order (oh, ow, ki, kj): the bits of the definition. */
    @ParameterizedTest
    @MethodSource("shapes")
    void col2imSumsEveryWindowBackInOrder(ConvShape s) {
        int image = s.inH() * s.inW() * s.channels();
        float[] dcol = random(s.windows() * s.windowSize(), 0, 3);
        float[] dx = random(3 + s.batch() * image, 0, 4);           // stale values must be overwritten
        Im2col.col2im(s, dcol, dx, 3);
        float[] expected = new float[dx.length];
        System.arraycopy(dx, 0, expected, 0, 3);
        forEachElement(s, (i, at) -> {
            if (at >= 0) expected[3 + at] += dcol[i];
        });
        assertArrayEquals(expected, dx, s.toString());
    }

    interface Element {
        void visit(int index, int at);
    }

    /**
     * Visits every element of the lowered matrix in its row-major order (n, oh, ow, ki, kj, c):
     * its index, and the offset in the batch of the image value it copies, or −1 in the padding.
     */
    private static void forEachElement(ConvShape s, Element element) {
        int i = 0;
        for (int n = 0; n < s.batch(); n++)
            for (int oh = 0; oh < s.outH(); oh++)
                for (int ow = 0; ow < s.outW(); ow++)
                    for (int ki = 0; ki < s.kH(); ki++)
                        for (int kj = 0; kj < s.kW(); kj++) {
                            int ih = oh * s.strideH() - s.padTop() + ki, iw = ow * s.strideW() - s.padLeft() + kj;
                            boolean inside = ih >= 0 && ih < s.inH() && iw >= 0 && iw < s.inW();
                            int pixel = ((n * s.inH() + ih) * s.inW() + iw) * s.channels();
                            for (int c = 0; c < s.channels(); c++, i++) element.visit(i, inside ? pixel + c : -1);
                        }
    }

    private static float[] random(int size, int offset, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[offset + size];
        for (int i = 0; i < x.length; i++) x[i] = (float) (rng.nextDouble() * 2 - 1);
        return x;
    }
}
