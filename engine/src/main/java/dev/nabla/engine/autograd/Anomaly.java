package dev.nabla.engine.autograd;

import dev.nabla.engine.NonFiniteException;
import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;

import java.util.Arrays;
import java.util.StringJoiner;

/** The checks of anomaly mode ({@link Autograd#detectAnomaly}): where a NaN or infinity first appears. */
final class Anomaly {
    private Anomaly() {}

    /** A forward output that is not finite, caught at the op that produced it. */
    static void checkForward(Tensor out, String op, Tensor[] inputs) {
        int bad = firstNonFinite(out);
        if (bad < 0) return;
        boolean inputsFinite = Arrays.stream(inputs).allMatch(in -> in == null || firstNonFinite(in) < 0);
        throw new NonFiniteException("anomaly: forward of '" + op + "'" + Trace.here().describe() + " produced " + valueAt(out, bad)
                + " at " + indexOf(out, bad) + " of its output " + Shape.str(out.shape()) + " from inputs " + shapes(inputs)
                + (inputsFinite ? ", all finite" : ", some already non-finite"));
    }

    /** A gradient a backward produced that is not finite, named with the node's origin. */
    static void checkBackward(Node node, Tensor gradOutput, Tensor[] inputGrads) {
        for (int i = 0; i < inputGrads.length; i++) {
            if (inputGrads[i] == null) continue;
            int bad = firstNonFinite(inputGrads[i]);
            if (bad < 0) continue;
            throw new NonFiniteException("anomaly: backward of '" + node.op() + "'" + node.origin().describe() + " produced " + valueAt(inputGrads[i], bad)
                    + " at " + indexOf(inputGrads[i], bad) + " of the gradient for input " + i + " (inputs " + shapes(node.inputs()) + "); the gradient arriving at its output was "
                    + (firstNonFinite(gradOutput) < 0 ? "finite" : "already non-finite"));
        }
    }

    /** Flat row-major index of the first NaN or infinity, or −1; reading a view records nothing. */
    private static int firstNonFinite(Tensor t) {
        float[] v = values(t);
        for (int i = 0; i < v.length; i++) if (!Float.isFinite(v[i])) return i;
        return -1;
    }

    private static float[] values(Tensor t) {
        try (var off = Trace.anomaly(false); var noGrad = GradMode.noGrad()) {
            return t.toArray();
        }
    }

    private static float valueAt(Tensor t, int flat) {
        return values(t)[flat];
    }

    private static String indexOf(Tensor t, int flat) {
        int[] shape = t.shape(), idx = new int[shape.length];
        for (int ax = shape.length - 1; ax >= 0; ax--) {
            idx[ax] = flat % shape[ax];
            flat /= shape[ax];
        }
        return "index " + Arrays.toString(idx);
    }

    private static String shapes(Tensor[] ts) {
        StringJoiner j = new StringJoiner(", ");
        for (Tensor t : ts) j.add(t == null ? "none" : Shape.str(t.shape()));
        return j.toString();
    }
}
