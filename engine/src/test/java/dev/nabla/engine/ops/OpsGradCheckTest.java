package dev.nabla.engine.ops;

import dev.nabla.engine.GradCheck;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A finite-difference check of every operation's hand-written backward pass, on shapes with
 * broadcasting, size-1 axes and non-contiguous (transposed or sliced) inputs.
 */
class OpsGradCheckTest {
    private final SplittableRandom rng = new SplittableRandom(42);
    private final GradCheck check = GradCheck.float32();

    private Tensor leaf(int... shape) {
        return Tensor.randn(rng, shape).requiresGrad(true);
    }

    /** Values away from 0 (for kinks and poles), with random signs. */
    private Tensor awayFromZero(int... shape) {
        Tensor t = Tensor.uniform(rng, 0.3f, 2f, shape);
        for (int i = 0; i < t.size(); i++) if (rng.nextBoolean()) t.data()[i] = -t.data()[i];
        return t.requiresGrad(true);
    }

    private Tensor positive(int... shape) {
        return Tensor.uniform(rng, 0.5f, 2f, shape).requiresGrad(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"add", "sub", "mul", "div"})
    void binaryOpsWithBroadcasting(String op) {
        Function<Tensor[], Tensor> f = switch (op) {
            case "add" -> in -> in[0].add(in[1]);
            case "sub" -> in -> in[0].sub(in[1]);
            case "mul" -> in -> in[0].mul(in[1]);
            default -> in -> in[0].div(in[1]);
        };
        int[][][] pairs = {
                {{3, 4}, {3, 4}}, {{3, 4}, {4}}, {{3, 1}, {1, 5}}, {{2, 3, 4}, {3, 1}}, {{1}, {2, 3}}, {{4}, {}},
        };
        for (int[][] p : pairs) {
            Tensor a = leaf(p[0]), b = op.equals("div") ? awayFromZero(p[1]) : leaf(p[1]);
            check.check(op + " " + java.util.Arrays.deepToString(p), f, a, b);
        }
        // a transposed (non-contiguous) operand
        Tensor a = leaf(4, 3), b = op.equals("div") ? awayFromZero(3, 4) : leaf(3, 4);
        check.check(op + " of a transposed view", in -> f.apply(new Tensor[] {in[0].transpose(), in[1]}), a, b);
    }

    @Test
    void randomBroadcastableShapes() {
        for (int trial = 0; trial < 25; trial++) {
            int rank = rng.nextInt(4);
            int[] full = new int[rank];
            for (int i = 0; i < rank; i++) full[i] = 1 + rng.nextInt(4);
            int[] a = dropSome(full), b = dropSome(full);
            String shapes = java.util.Arrays.toString(a) + " " + java.util.Arrays.toString(b);
            check.check("mul " + shapes, in -> in[0].mul(in[1]).add(in[0]), leaf(a), leaf(b));
            check.check("div " + shapes, in -> in[0].div(in[1]), leaf(a), awayFromZero(b));
        }
    }

    /** A shape that broadcasts to {@code full}: some leading axes removed, some axes set to 1. */
    private int[] dropSome(int[] full) {
        int lead = rng.nextInt(full.length + 1);
        int[] s = java.util.Arrays.copyOfRange(full, lead, full.length);
        for (int i = 0; i < s.length; i++) if (rng.nextInt(3) == 0) s[i] = 1;
        return s;
    }

    @Test
    void theCheckerCatchesAWrongBackward() {
        // y = 3x with a backward that claims dy/dx = 6: every check above would fail like this.
        Function<Tensor[], Tensor> wrong = in -> Autograd.record(in[0].detach().mul(3f), "wrong", (g, needs) -> new Tensor[] {g.mul(6f)}, in[0]);
        AssertionError e = assertThrows(AssertionError.class, () -> check.check("wrong", wrong, leaf(3)));
        assertTrue(e.getMessage().contains("wrong") && e.getMessage().contains("analytic"), e.getMessage());
    }

    @Test
    void sameTensorUsedTwice() {
        Tensor a = leaf(3, 2);
        check.check("x*x + x", in -> in[0].mul(in[0]).add(in[0]), a);
    }

    @Test
    void scaleAndNeg() {
        check.check("scale", in -> in[0].mul(2.5f), leaf(3, 4));
        check.check("neg", in -> in[0].neg(), leaf(2, 1, 3));
        check.check("add scalar", in -> in[0].add(3f).sub(1f).div(4f), leaf(5));
    }

    @Test
    void unaryMath() {
        check.check("exp", in -> in[0].exp(), leaf(3, 4));
        check.check("log", in -> in[0].log(), positive(3, 4));
        check.check("abs", in -> in[0].abs(), awayFromZero(3, 4));
        check.check("sqrt", in -> in[0].sqrt(), positive(2, 5));
        check.check("pow 3", in -> in[0].pow(3f), leaf(4, 3));
        check.check("pow -1.5", in -> in[0].pow(-1.5f), positive(4));
        check.check("square", in -> in[0].square(), leaf(7));
        check.check("clamp", in -> in[0].clamp(-0.5f, 0.7f), awayFromZeroAndEdges(6, 5));
        check.check("exp of a slice", in -> in[0].slice(1, 1, 3).exp(), leaf(3, 4));
    }

    /** Values at least 0.05 away from the clamp edges -0.5 and 0.7, where clamp has kinks. */
    private Tensor awayFromZeroAndEdges(int... shape) {
        Tensor t = Tensor.uniform(rng, -1.5f, 1.5f, shape);
        for (int i = 0; i < t.size(); i++) {
            float v = t.data()[i];
            if (Math.abs(v + 0.5f) < 0.05f || Math.abs(v - 0.7f) < 0.05f) t.data()[i] = v + 0.2f;
        }
        return t.requiresGrad(true);
    }

    @Test
    void activations() {
        check.check("sigmoid", in -> in[0].sigmoid(), leaf(4, 5));
        check.check("tanh", in -> in[0].tanh(), leaf(4, 5));
        check.check("relu", in -> in[0].relu(), awayFromZero(4, 5));
        check.check("leakyRelu", in -> in[0].leakyRelu(0.3f), awayFromZero(4, 5));
        check.check("gelu", in -> in[0].gelu(), leaf(37)); // longer than a vector: both the vector and the tail loop
        check.check("selu", in -> in[0].selu(), awayFromZero(3, 7));
        check.check("gelu of a transposed view", in -> in[0].transpose().gelu(), leaf(3, 17));
    }

    @Test
    void softmaxAndLogSoftmax() {
        for (int axis : new int[] {0, 1, -1}) {
            check.check("softmax axis " + axis, in -> in[0].softmax(axis), leaf(3, 5));
            check.check("logSoftmax axis " + axis, in -> in[0].logSoftmax(axis), leaf(3, 5));
        }
        check.check("softmax middle axis", in -> in[0].softmax(1), leaf(2, 3, 4));
        check.check("softmax size-1 axis", in -> in[0].softmax(1), leaf(4, 1));
        check.check("logSoftmax of a transposed view", in -> in[0].transpose().logSoftmax(-1), leaf(5, 3));
    }

    @Test
    void reductions() {
        Tensor x = leaf(2, 3, 4);
        check.check("sum all", in -> in[0].sum(), x);
        check.check("mean all", in -> in[0].mean(), x);
        check.check("sum axis 1 keep", in -> in[0].sum(true, 1), x);
        check.check("sum axes 0,2", in -> in[0].sum(false, 0, 2), x);
        check.check("mean axis -1", in -> in[0].mean(false, -1), x);
        check.check("max axis 1", in -> in[0].max(false, 1), x);
        check.check("max axes 0,2 keep", in -> in[0].max(true, 0, 2), x);
        check.check("max all", in -> in[0].max(false), x);
        check.check("sum of a transposed view", in -> in[0].transpose().sum(false, 0), leaf(3, 4));
        check.check("sum over size-1 axis", in -> in[0].sum(false, 1), leaf(3, 1, 2));
    }

    @Test
    void matmul() {
        check.check("2-D", in -> in[0].matmul(in[1]), leaf(3, 4), leaf(4, 5));
        check.check("Aᵀ·B", in -> in[0].matmul(in[1], true, false), leaf(4, 3), leaf(4, 5));
        check.check("A·Bᵀ", in -> in[0].matmul(in[1], false, true), leaf(3, 4), leaf(5, 4));
        check.check("Aᵀ·Bᵀ", in -> in[0].matmul(in[1], true, true), leaf(4, 3), leaf(5, 4));
        check.check("batched", in -> in[0].matmul(in[1]), leaf(2, 3, 4), leaf(2, 4, 5));
        check.check("batch × matrix", in -> in[0].matmul(in[1]), leaf(2, 3, 4), leaf(4, 2));
        check.check("broadcast batch", in -> in[0].matmul(in[1]), leaf(2, 1, 3, 4), leaf(3, 4, 2));
        check.check("batched transposed", in -> in[0].matmul(in[1], true, true), leaf(2, 4, 3), leaf(2, 5, 4));
        check.check("vector-like shapes", in -> in[0].matmul(in[1]), leaf(1, 7), leaf(7, 1));
        check.check("sliced operand", in -> in[0].slice(1, 1, 4).matmul(in[1]), leaf(3, 6), leaf(3, 2));
    }

    @Test
    void shapeOps() {
        check.check("reshape", in -> in[0].reshape(4, -1).exp(), leaf(2, 3, 2));
        check.check("reshape of a transposed view", in -> in[0].transpose().reshape(-1).exp(), leaf(3, 4));
        check.check("permute", in -> in[0].permute(2, 0, 1).exp(), leaf(2, 3, 4));
        check.check("transpose", in -> in[0].transpose(0, 2).mul(in[0].transpose(0, 2)), leaf(2, 3, 4));
        check.check("slice", in -> in[0].slice(0, 1, 3).mul(in[0].slice(0, 0, 2)), leaf(4, 3));
        check.check("concat", in -> ShapeOps.concat(1, in[0], in[1], in[0].exp()), leaf(2, 3), leaf(2, 1));
        check.check("stack", in -> ShapeOps.stack(1, in[0], in[1].exp()), leaf(2, 3), leaf(2, 3));
        check.check("expand", in -> ShapeOps.expand(in[0], new int[] {4, 3, 2}), leaf(3, 1));
        check.check("contiguous copy", in -> in[0].transpose().contiguous(), leaf(3, 5));
    }

    @Test
    void compositeNetwork() {
        Tensor x = leaf(5, 4), w1 = leaf(4, 6), b1 = leaf(6), w2 = leaf(6, 3);
        check.check("two-layer net with softmax cross-entropy",
                in -> in[0].matmul(in[1]).add(in[2]).gelu().matmul(in[3]).logSoftmax(-1).slice(1, 0, 1).mean().neg(),
                x, w1, b1, w2);
    }
}
