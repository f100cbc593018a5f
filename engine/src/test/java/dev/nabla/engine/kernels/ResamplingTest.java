package dev.nabla.engine.kernels;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ResamplingTest {
    /**
     * A batch large enough for the kernel threads: upsampling copies each pixel to its block, and
     * its adjoint sums each block row by row into the pixel, the same bits as that loop on one
     * thread.
     */
    @Test
    void upsamplingAndItsAdjointOnABatchInPieces() {
        int batch = 9, h = 8, w = 8, c = 17, fH = 2, fW = 3, outH = h * fH, outW = w * fW;
        var rng = new SplittableRandom(41);
        float[] x = new float[3 + batch * h * w * c], g = new float[2 + batch * outH * outW * c];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextDouble(-1, 1);
        for (int i = 0; i < g.length; i++) g[i] = (float) rng.nextDouble(-1, 1);
        float[] up = new float[batch * outH * outW * c], expectedUp = new float[up.length];
        float[] dx = new float[batch * h * w * c], expectedDx = new float[dx.length];
        for (int n = 0; n < batch; n++)
            for (int i = 0; i < outH; i++)
                for (int j = 0; j < outW; j++)
                    for (int ch = 0; ch < c; ch++) {
                        int o = ((n * outH + i) * outW + j) * c + ch, in = ((n * h + i / fH) * w + j / fW) * c + ch;
                        expectedUp[o] = x[3 + in];
                        expectedDx[in] += g[2 + o];
                    }
        java.util.Arrays.fill(dx, Float.NaN);      // overwritten, not added to
        Resampling.upsampleNearest(x, 3, batch, h, w, c, fH, fW, up);
        Resampling.upsampleNearestBackward(g, 2, batch, h, w, c, fH, fW, dx);
        assertArrayEquals(expectedUp, up, 0f);
        assertArrayEquals(expectedDx, dx, 0f);
    }
}
