package dev.nabla.engine.kernels;

/**
 * The geometry of one 2-D convolution over a batch of channels-last images: input
 * (batch, inH, inW, channels) is read through kH×kW windows that move by (strideH, strideW)
 * over the input padded with padTop rows above and padLeft columns on the left (and whatever
 * zeros the far side needs), giving an outH×outW grid of windows.
 *
 * <p>Window (oh, ow) covers input rows oh·strideH − padTop + ki for ki in [0, kH), likewise
 * columns; positions outside the image read as zero.
 */
public record ConvShape(int batch, int inH, int inW, int channels, int kH, int kW,
                        int strideH, int strideW, int padTop, int padLeft, int outH, int outW) {

    public ConvShape {
        if (batch < 0 || inH <= 0 || inW <= 0 || channels <= 0 || kH <= 0 || kW <= 0 || strideH <= 0 || strideW <= 0
                || padTop < 0 || padLeft < 0 || outH <= 0 || outW <= 0) {
            throw new IllegalArgumentException("convolution geometry has a non-positive size: " + this);
        }
    }

    /** Rows of the lowered (im2col) matrix: one per window of the batch. */
    public int windows() {
        return batch * outH * outW;
    }

    /** Columns of the lowered matrix: one per (ki, kj, channel) of a window. */
    public int windowSize() {
        return kH * kW * channels;
    }
}
