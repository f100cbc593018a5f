package dev.nabla.engine.ops;

import dev.nabla.engine.GradCheck;
import dev.nabla.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Conv2DTest {
    private static Tensor random(SplittableRandom rng, int... shape) {
        return Tensor.uniform(rng, -1f, 1f, shape).requiresGrad(true);
    }

    /** Direct definition with explicit zero padding: y = b + Σ x[oh·s − pad + ki, ...] K[ki, kj, c, f]. */
    static float[] direct(Tensor x, Tensor k, Tensor b, int s, int padTop, int padLeft, int outH, int outW) {
        int n = x.dim(0), h = x.dim(1), w = x.dim(2), c = x.dim(3), kh = k.dim(0), kw = k.dim(1), f = k.dim(3);
        float[] y = new float[n * outH * outW * f];
        for (int i = 0; i < n; i++)
            for (int oh = 0; oh < outH; oh++)
                for (int ow = 0; ow < outW; ow++)
                    for (int o = 0; o < f; o++) {
                        double acc = b == null ? 0 : b.get(o);
                        for (int ki = 0; ki < kh; ki++)
                            for (int kj = 0; kj < kw; kj++)
                                for (int ch = 0; ch < c; ch++) {
                                    int ih = oh * s - padTop + ki, iw = ow * s - padLeft + kj;
                                    if (ih >= 0 && ih < h && iw >= 0 && iw < w) acc += x.get(i, ih, iw, ch) * k.get(ki, kj, ch, o);
                                }
                        y[((i * outH + oh) * outW + ow) * f + o] = (float) acc;
                    }
        return y;
    }

    @Test
    void sameStrideTwoPadsZeroBeforeAndOneAfterAsTensorFlow() {
        // 4×4 image 1..16, 3×3 kernel of ones, stride 2, 'same': out 2×2, pad_total = 1 → 0 before, 1 after.
        float[] v = new float[16];
        for (int i = 0; i < 16; i++) v[i] = i + 1;
        Tensor y = Conv2D.conv2d(Tensor.of(v, 1, 4, 4, 1), Tensor.ones(3, 3, 1, 1), null, 2, 2, Padding.SAME);
        assertArrayEquals(new int[] {1, 2, 2, 1}, y.shape());
        // rows 0–2 × cols 0–2; rows 0–2 × cols 2–3; rows 2–3 × cols 0–2; rows 2–3 × cols 2–3
        assertArrayEquals(new float[] {54, 45, 72, 54}, y.toArray());
    }

    @Test
    void forwardMatchesDirectConvolution() {
        var rng = new SplittableRandom(3);
        record Case(int h, int w, int c, int f, int k, int s, Padding p) {}
        for (Case t : new Case[] {new Case(7, 7, 17, 5, 3, 1, Padding.SAME), new Case(7, 6, 3, 18, 3, 2, Padding.SAME),
                new Case(9, 8, 2, 3, 3, 2, Padding.VALID), new Case(5, 5, 1, 16, 2, 1, Padding.VALID), new Case(8, 8, 4, 2, 5, 3, Padding.SAME),
                new Case(6, 9, 32, 3, 3, 1, Padding.SAME), new Case(9, 7, 16, 1, 3, 2, Padding.VALID)}) {
            Tensor x = random(rng, 2, t.h, t.w, t.c), k = random(rng, t.k, t.k, t.c, t.f), b = random(rng, t.f);
            Tensor y = Conv2D.conv2d(x, k, b, t.s, t.s, t.p);
            int outH = t.p == Padding.SAME ? (t.h + t.s - 1) / t.s : (t.h - t.k) / t.s + 1;
            int outW = t.p == Padding.SAME ? (t.w + t.s - 1) / t.s : (t.w - t.k) / t.s + 1;
            int padTop = t.p == Padding.SAME ? Math.max((outH - 1) * t.s + t.k - t.h, 0) / 2 : 0;
            int padLeft = t.p == Padding.SAME ? Math.max((outW - 1) * t.s + t.k - t.w, 0) / 2 : 0;
            assertArrayEquals(new int[] {2, outH, outW, t.f}, y.shape(), t.toString());
            assertArrayEquals(direct(x, k, b, t.s, padTop, padLeft, outH, outW), y.toArray(), 1e-4f, t.toString());
        }
    }

    @Test
    void gradientsStrideOneSameOddSizesSeventeenChannels() {
        var rng = new SplittableRandom(5);
        GradCheck.float32().check("conv2d same s1", in -> Conv2D.conv2d(in[0], in[1], in[2], 1, 1, Padding.SAME),
                random(rng, 2, 5, 7, 17), random(rng, 3, 3, 17, 5), random(rng, 5));
    }

    @Test
    void gradientsStrideTwoSameAndValid() {
        var rng = new SplittableRandom(6);
        GradCheck.float32().check("conv2d same s2", in -> Conv2D.conv2d(in[0], in[1], in[2], 2, 2, Padding.SAME),
                random(rng, 2, 7, 6, 3), random(rng, 3, 3, 3, 18), random(rng, 18));
        GradCheck.float32().check("conv2d valid s2", in -> Conv2D.conv2d(in[0], in[1], null, 2, 1, Padding.VALID),
                random(rng, 3, 9, 8, 2), random(rng, 3, 2, 2, 3));
    }

    @Test
    void gradientsWithFewFiltersComputedWithoutALoweredMatrix() {
        // At most four filters and window rows of at least one vector: the direct kernels (DirectConv).
        var rng = new SplittableRandom(8);
        GradCheck.float32().check("conv2d same s1 3 filters", in -> Conv2D.conv2d(in[0], in[1], in[2], 1, 1, Padding.SAME),
                random(rng, 2, 5, 7, 17), random(rng, 3, 3, 17, 3), random(rng, 3));
        GradCheck.float32().check("conv2d valid s2 1 filter", in -> Conv2D.conv2d(in[0], in[1], null, 2, 2, Padding.VALID),
                random(rng, 2, 8, 7, 16), random(rng, 3, 3, 16, 1));
    }

    /**
     * The forward pass keeps each layer's lowered matrix for its kernel gradient: with two layers
     * of different shapes, the second's forward must not overwrite what the first's backward reads.
     */
    @Test
    void kernelGradientsOfTwoStackedConvolutions() {
        var rng = new SplittableRandom(9);
        GradCheck.float32().check("conv2d ∘ conv2d", in -> Conv2D.conv2d(Conv2D.conv2d(in[0], in[1], null, 1, 1, Padding.SAME), in[2], null, 2, 2, Padding.SAME),
                random(rng, 2, 6, 5, 3), random(rng, 3, 3, 3, 8), random(rng, 3, 3, 8, 6));
    }

    /** The kernel gradient from the kept lowered matrix has the bits of one that lowers the input again. */
    @Test
    void keptLoweredMatrixGivesTheBitsOfLoweringAgain() {
        var rng = new SplittableRandom(10);
        Tensor x = random(rng, 2, 7, 6, 5), k = random(rng, 3, 3, 5, 9), g = random(rng, 2, 7, 6, 9);
        var s = new dev.nabla.engine.kernels.ConvShape(2, 7, 6, 5, 3, 3, 1, 1, 1, 1, 7, 6);
        var be = x.backend();
        Tensor out = Tensor.empty(be, 2, 7, 6, 9), kept = Tensor.empty(be, 3, 3, 5, 9), lowered = Tensor.empty(be, 3, 3, 5, 9);
        var col = Convolution.convolve(be, s, x, k, 9, out.storage(), 0, true);
        assertTrue(col != null, "a lowered matrix kept");
        Convolution.kernelGradient(be, s, x, col, g, 9, kept.storage());
        Convolution.kernelGradient(be, s, x, null, g, 9, lowered.storage());
        assertArrayEquals(lowered.toArray(), kept.toArray(), 0f);
        assertEquals(null, Convolution.convolve(be, s, x, k, 9, out.storage(), 0, false), "none kept when not asked");
    }

    @Test
    void gradientOfANonContiguousInput() {
        var rng = new SplittableRandom(7);
        Tensor x = random(rng, 2, 3, 5, 5); // used as a (2, 5, 5, 3) view through a permute
        GradCheck.float32().check("conv2d of permuted", in -> Conv2D.conv2d(in[0].permute(0, 2, 3, 1), in[1], null, 1, 1, Padding.SAME),
                x, random(rng, 3, 3, 3, 4));
    }

    @Test
    void rejectsMismatchedShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Conv2D.conv2d(Tensor.zeros(1, 5, 5, 3), Tensor.zeros(3, 3, 2, 4), null, 1, 1, Padding.SAME));
        assertTrue(e.getMessage().contains("input channels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Conv2D.conv2d(Tensor.zeros(1, 2, 2, 1), Tensor.zeros(3, 3, 1, 1), null, 1, 1, Padding.VALID));
        assertThrows(IllegalArgumentException.class, () -> Conv2D.conv2d(Tensor.zeros(1, 5, 5, 1), Tensor.zeros(3, 3, 1, 2), Tensor.zeros(3), 1, 1, Padding.SAME));
        assertEquals(Padding.SAME, Padding.of("Same"));
        assertThrows(IllegalArgumentException.class, () -> Padding.of("full"));
    }
}
