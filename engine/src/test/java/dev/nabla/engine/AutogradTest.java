package dev.nabla.engine;

import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.ops.Affine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract between the graph and a backward pass: the mask of inputs that need a gradient. */
class AutogradTest {
    @Test
    void backwardIsToldWhichInputsNeedAGradient() {
        Tensor a = Tensor.of(new float[] {1, 2}, 2).requiresGrad(true), b = Tensor.of(new float[] {3, 4}, 2);
        List<boolean[]> masks = new ArrayList<>();
        Tensor y = Autograd.record(a.detach().mul(b), "probe", (g, needs) -> {
            masks.add(needs.clone());
            return new Tensor[] {g.mul(b), null, null};
        }, a, b, null);
        y.sum().backward();
        assertEquals(1, masks.size());
        assertArrayEquals(new boolean[] {true, false, false}, masks.get(0));
        assertArrayEquals(new float[] {3, 4}, a.grad().toArray());
    }

    @Test
    void aGradientForAnInputThatNeedsNoneIsAnError() {
        Tensor a = Tensor.of(new float[] {1}, 1).requiresGrad(true), b = Tensor.of(new float[] {2}, 1);
        Tensor y = Autograd.record(a.detach().mul(b), "extra", (g, needs) -> new Tensor[] {g, g}, a, b);
        var e = assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertTrue(e.getMessage().contains("extra backward returned a gradient for input 1, which needs none"), e.getMessage());
    }

    @Test
    void aMissingGradientIsAnError() {
        Tensor a = Tensor.of(new float[] {1}, 1).requiresGrad(true);
        Tensor y = Autograd.record(a.detach().mul(2f), "lazy", (g, needs) -> new Tensor[] {null}, a);
        var e = assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertTrue(e.getMessage().contains("lazy backward returned no gradient for input 0"), e.getMessage());
    }

    @Test
    void anAbsentOptionalInputIsNullInTheNode() {
        Tensor x = Tensor.of(new float[] {1, 2}, 1, 2).requiresGrad(true), w = Tensor.of(new float[] {3, 4}, 2, 1);
        Tensor y = Affine.affine(x, w, null, false);
        assertEquals(3, y.node().inputs().length);
        assertNull(y.node().inputs()[2]);
        assertArrayEquals(new boolean[] {true, false, false}, y.node().needs());
        y.sum().backward();
        assertArrayEquals(new float[] {3, 4}, x.grad().toArray());
    }

    @Test
    void operationsReadAViewWithoutRecordingACopy() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).requiresGrad(true);
        Tensor y = x.transpose().exp();
        // exp's only input is the transposed view itself: no orphan copy node in between
        assertEquals("permute", y.node().inputs()[0].node().op());
        assertSame(x, y.node().inputs()[0].node().inputs()[0]);
    }
}
