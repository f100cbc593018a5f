package dev.nabla.engine.ops;

import dev.nabla.engine.GradCheck;
import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class Conv2DTransposeTest {
    private static Tensor random(SplittableRandom rng, int... shape) {
        return Tensor.uniform(rng, -1f, 1f, shape).requiresGrad(true);
    }

    /**
     * The scatter definition: every input pixel adds x·K[ki, kj, f, c] at (ih·s + ki, iw·s + kj) of the
     * full output ((H − 1)·s + k rows); the result is that full output's window starting at
     * (cropTop, cropLeft) of size outH × outW (zeros where the full output ends early).
     */
    static float[] scatter(Tensor x, Tensor k, int s, int cropTop, int cropLeft, int outH, int outW) {
        int n = x.dim(0), h = x.dim(1), w = x.dim(2), c = x.dim(3), kh = k.dim(0), kw = k.dim(1), f = k.dim(2);
        int fullH = (h - 1) * s + kh, fullW = (w - 1) * s + kw;
        double[] full = new double[n * fullH * fullW * f];
        for (int i = 0; i < n; i++)
            for (int ih = 0; ih < h; ih++)
                for (int iw = 0; iw < w; iw++)
                    for (int ch = 0; ch < c; ch++)
                        for (int ki = 0; ki < kh; ki++)
                            for (int kj = 0; kj < kw; kj++)
                                for (int o = 0; o < f; o++)
                                    full[((i * fullH + ih * s + ki) * fullW + iw * s + kj) * f + o] += x.get(i, ih, iw, ch) * k.get(ki, kj, o, ch);
        float[] y = new float[n * outH * outW * f];
        for (int i = 0; i < n; i++)
            for (int oh = 0; oh < outH; oh++)
                for (int ow = 0; ow < outW; ow++)
                    for (int o = 0; o < f; o++) {
                        int fh = oh + cropTop, fw = ow + cropLeft;
                        if (fh < fullH && fw < fullW) y[((i * outH + oh) * outW + ow) * f + o] = (float) full[((i * fullH + fh) * fullW + fw) * f + o];
                    }
        return y;
    }

    @Test
    void kerasOutputSizesOfTheConvolutionalDecoder() {
        Tensor k = Tensor.zeros(3, 3, 1, 1);
        assertArrayEquals(new int[] {1, 7, 7, 1}, Conv2DTranspose.conv2dTranspose(Tensor.zeros(1, 3, 3, 1), k, null, 2, 2, Padding.VALID).shape());
        assertArrayEquals(new int[] {1, 14, 14, 1}, Conv2DTranspose.conv2dTranspose(Tensor.zeros(1, 7, 7, 1), k, null, 2, 2, Padding.SAME).shape());
        assertArrayEquals(new int[] {1, 28, 28, 1}, Conv2DTranspose.conv2dTranspose(Tensor.zeros(1, 14, 14, 1), k, null, 2, 2, Padding.SAME).shape());
    }

    @Test
    void sameIsTheFullTransposedConvolutionWithItsLastRowAndColumnCut() {
        var rng = new SplittableRandom(11);
        Tensor x = random(rng, 2, 7, 7, 3), k = random(rng, 3, 3, 5, 3), b = random(rng, 5);
        Tensor y = Conv2DTranspose.conv2dTranspose(x, k, b, 2, 2, Padding.SAME);
        float[] expected = scatter(x, k, 2, 0, 0, 14, 14);
        for (int i = 0; i < expected.length; i++) expected[i] += b.get(i % 5);
        assertArrayEquals(expected, y.toArray(), 1e-4f);
        // and 'valid' is the whole full output, 15×15
        Tensor full = Conv2DTranspose.conv2dTranspose(x, k, null, 2, 2, Padding.VALID);
        assertArrayEquals(scatter(x, k, 2, 0, 0, 15, 15), full.toArray(), 1e-4f);
    }

    @Test
    void forwardMatchesScatterForOtherGeometries() {
        var rng = new SplittableRandom(12);
        // 'same', k = 4, s = 2: the forward convolution pads max(k − s, 0) = 2, one before, so the crop starts at 1.
        Tensor x = random(rng, 1, 3, 4, 17), k = random(rng, 4, 4, 2, 17);
        assertArrayEquals(scatter(x, k, 2, 1, 1, 6, 8), Conv2DTranspose.conv2dTranspose(x, k, null, 2, 2, Padding.SAME).toArray(), 1e-4f);
        // k < s, 'valid': Keras gives in·s, one more than (in − 1)·s + k; the extra row and column are zero.
        Tensor x2 = random(rng, 1, 3, 3, 2), k2 = random(rng, 1, 1, 3, 2);
        Tensor y2 = Conv2DTranspose.conv2dTranspose(x2, k2, null, 2, 2, Padding.VALID);
        assertArrayEquals(new int[] {1, 6, 6, 3}, y2.shape());
        assertArrayEquals(scatter(x2, k2, 2, 0, 0, 6, 6), y2.toArray(), 1e-5f);
    }

    @Test
    void isTheAdjointOfConv2D() {
        // ⟨conv(u), v⟩ = ⟨u, convᵀ(v)⟩ for the same kernel, strides and padding.
        var rng = new SplittableRandom(13);
        Tensor u = random(rng, 2, 14, 14, 3), k = random(rng, 3, 3, 3, 6);
        Tensor v = random(rng, 2, 7, 7, 6);
        double lhs = Conv2D.conv2d(u, k, null, 2, 2, Padding.SAME).mul(v).sum().item();
        double rhs = u.mul(Conv2DTranspose.conv2dTranspose(v, k, null, 2, 2, Padding.SAME)).sum().item();
        assertEquals(lhs, rhs, 1e-3 * Math.abs(lhs));
    }

    @Test
    void gradients() {
        var rng = new SplittableRandom(14);
        GradCheck.float32().check("conv2dTranspose same s2", in -> Conv2DTranspose.conv2dTranspose(in[0], in[1], in[2], 2, 2, Padding.SAME),
                random(rng, 2, 3, 4, 17), random(rng, 3, 3, 5, 17), random(rng, 5));
        GradCheck.float32().check("conv2dTranspose valid s2", in -> Conv2DTranspose.conv2dTranspose(in[0], in[1], null, 2, 2, Padding.VALID),
                random(rng, 2, 3, 3, 2), random(rng, 3, 3, 18, 2));
        GradCheck.float32().check("conv2dTranspose same s1", in -> Conv2DTranspose.conv2dTranspose(in[0], in[1], in[2], 1, 1, Padding.SAME),
                random(rng, 1, 5, 5, 3), random(rng, 3, 3, 3, 3), random(rng, 3));
    }
}
