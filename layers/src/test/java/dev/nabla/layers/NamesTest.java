package dev.nabla.layers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamesTest {
    @Test
    void classNamesBecomeKerasSnakeCase() {
        assertEquals("dense", Names.snakeCase("Dense"));
        assertEquals("gaussian_noise", Names.snakeCase("GaussianNoise"));
        assertEquals("conv2d", Names.snakeCase("Conv2D"));
        assertEquals("conv2d_transpose", Names.snakeCase("Conv2DTranspose"));
        assertEquals("max_pooling2d", Names.snakeCase("MaxPooling2D"));
        assertEquals("up_sampling2d", Names.snakeCase("UpSampling2D"));
        assertEquals("lstm", Names.snakeCase("LSTM"));
        assertEquals("time_distributed", Names.snakeCase("TimeDistributed"));
    }

    @Test
    void layersAreNamedAfterTheirKerasType() {
        Layer.clearSession();
        assertEquals("max_pooling2d", new MaxPool2D(2).name());
        assertEquals("conv2d", new Conv2D(4, 3, 1, "same", Activation.RELU).name());
        assertEquals("conv2d_1", new Conv2D(4, 3, 1, "same", Activation.RELU).name());
        assertEquals("lstm", new LSTM(3, false).name());
    }

    @Test
    void aCutNameStillLeavesAGapBeforeTheShape() {
        Layer.clearSession();
        Sequential m = new Sequential(new Conv2DTranspose(2, 3, 2, "valid", Activation.RELU)).inputShape(3, 3, 4);
        String row = m.summary().lines().filter(l -> l.startsWith("conv2d_transpose")).findFirst().orElseThrow();
        // Keras: "conv2d_transpose (Conv2DTrans" cut to 29, its last character replaced by a space, then the shape.
        assertTrue(row.startsWith("conv2d_transpose (Conv2DTran (None, 7, 7, 2)"), row);
    }
}
