package dev.nabla.engine.ops;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.autograd.Autograd;
import dev.nabla.engine.kernels.Backend;
import dev.nabla.engine.kernels.LstmCell;
import dev.nabla.engine.kernels.Storage;

/**
 * A long short-term memory layer run over a whole sequence as one operation, with
 * backpropagation through time written by hand. Keras's LSTM: gates in the order i, f, c, o,
 * activation tanh, recurrent activation sigmoid, zero initial state:
 *
 * <pre>
 *   z_t = x_t·W + h_{t−1}·R + b            (N × 4U)
 *   [i | f | g | o] = [σ | σ | tanh | σ](z_t)
 *   c_t = f ⊙ c_{t−1} + i ⊙ g      h_t = o ⊙ tanh(c_t)
 * </pre>
 *
 * The input projection of all steps is one GEMM; each step adds one GEMM for the recurrence and
 * the fused element-wise cell ({@link LstmCell}). Internally everything is time-major (T, N, ·)
 * so that a step's rows are contiguous. The recurrence never mixes the rows of a batch, so the
 * backend may run ranges of rows through all their steps on different threads
 * ({@link Backend#forIndependentRows}); every row is computed the same way whatever the ranges.
 */
public final class Lstm {
    private Lstm() {}

    /**
     * @param x               (N, T, F)
     * @param kernel          W, (F, 4U)
     * @param recurrentKernel R, (U, 4U)
     * @param bias            b, (4U), or null for none
     * @return all hidden states h_1 … h_T, (N, T, U)
     */
    public static Tensor lstm(Tensor x, Tensor kernel, Tensor recurrentKernel, Tensor bias) {
        checkShapes(x, kernel, recurrentKernel, bias);
        int n = x.dim(0), steps = x.dim(1), features = x.dim(2), units = recurrentKernel.dim(0);
        int gateRow = 4 * units, stepGates = n * gateRow, stepState = n * units;
        Backend be = Dense.backend("lstm", x, kernel, recurrentKernel, bias);
        Tensor xt = Dense.of(x.detach().permute(1, 0, 2));             // (T, N, F)
        Tensor w = Dense.of(kernel), r = Dense.of(recurrentKernel);

        // Pre-activations of every step from the input, then the recurrence adds h_{t−1}·R.
        Storage gates = be.allocate(steps * stepGates);                // (T, N, 4U), activated in place
        be.sgemm(false, false, steps * n, gateRow, features, 1f, xt.storage(), xt.offset(), features,
                w.storage(), w.offset(), gateRow, 0f, gates, 0, gateRow);
        if (bias != null) {
            Tensor b = Dense.of(bias);
            be.addToRows(b.storage(), b.offset(), gates, 0, steps * n, gateRow);
        }
        // States h_t and c_t for t = 0 … T (slot 0 is the zero initial state), and tanh(c_t).
        Storage h = be.allocate((steps + 1) * stepState), c = be.allocate((steps + 1) * stepState),
                tanhC = be.allocate((steps + 1) * stepState);
        // Row i of z_t needs only row i of h_{t−1}: each range of the batch's rows runs all its
        // steps on its own, with no hand-off between threads from one step to the next.
        be.forIndependentRows(n, (r0, r1) -> {
            for (int t = 0; t < steps; t++) {
                int g = t * stepGates + r0 * gateRow, s = t * stepState + r0 * units;   // this step's rows r0..
                if (t > 0) {
                    be.sgemm(false, false, r1 - r0, gateRow, units, 1f, h, s, units,
                            r.storage(), r.offset(), gateRow, 1f, gates, g, gateRow);
                }
                be.lstmCellForward(r1 - r0, units, gates, g, c, s, c, tanhC, s + stepState, h, s + stepState);
            }
        });
        Tensor out = batchMajor(h, stepState, steps, n, units);

        // Backpropagation through time. At step t, dL/dh_t is the output's gradient plus what
        // flows back through the recurrence, dz_{t+1}·Rᵀ; dL/dc_t flows back through f.
        // The weight gradients sum over all steps, so each is one GEMM over the stacked steps.

        // dx = dZ·Wᵀ,  dW = Xᵀ·dZ,  dR = H_prevᵀ·dZ,  db = Σ_rows dZ, with dZ the gates' gradient through time
        return Autograd.record(out, "lstm", (grad, needs) -> {
            Tensor gt = Dense.of(grad.permute(1, 0, 2));                 // (T, N, U)
            // Rᵀ stored once, (4U, U): each step's dz·Rᵀ then reads it in place instead of
            // packing a transposed R again at every step.
            Tensor rt = Dense.of(r.transpose());
            Storage dz = be.allocate(steps * stepGates), dh = be.allocate(stepState), dc = be.allocate(stepState);
            be.forIndependentRows(n, (r0, r1) -> {    // as forward: rows never mix
                int[] rowsOfStep = {(r1 - r0) * units}, unit = {1};
                int d = r0 * units;                   // these rows of dh and dc
                for (int t = steps - 1; t >= 0; t--) {
                    int g = t * stepGates + r0 * gateRow, s = t * stepState + d;
                    be.copy(rowsOfStep, gt.storage(), gt.offset() + s, unit, dh, d, unit);
                    if (t < steps - 1) {
                        be.sgemm(false, false, r1 - r0, units, gateRow, 1f, dz, g + stepGates, gateRow,
                                rt.storage(), rt.offset(), units, 1f, dh, d, units);
                    }
                    be.lstmCellBackward(r1 - r0, units, gates, g, c, s, tanhC, s + stepState, dh, d, dc, d, dz, g);
                }
            });
            Tensor dx = null, dw = null, dr = null, db = null;
            if (needs[0]) {
                Storage dxt = be.allocate(steps * n * features);
                be.sgemm(false, true, steps * n, features, gateRow, 1f, dz, 0, gateRow, w.storage(), w.offset(), gateRow, 0f, dxt, 0, features);
                dx = batchMajor(dxt, 0, steps, n, features);
            }
            if (needs[1]) {
                dw = Tensor.zeros(be, features, gateRow);
                be.sgemm(true, false, features, gateRow, steps * n, 1f, xt.storage(), xt.offset(), features, dz, 0, gateRow, 0f, dw.storage(), 0, gateRow);
            }
            if (needs[2]) {
                dr = Tensor.zeros(be, units, gateRow);
                be.sgemm(true, false, units, gateRow, steps * n, 1f, h, 0, units, dz, 0, gateRow, 0f, dr.storage(), 0, gateRow);
            }
            if (needs[3]) {
                db = Tensor.zeros(be, gateRow);
                be.sumAxis(dz, 0, 1, steps * n, gateRow, db.storage(), 0);
            }
            return new Tensor[] {dx, dw, dr, db};
        }, x, kernel, recurrentKernel, bias);
    }

    /** The time-major (T, N, d) storage starting at off, copied to a batch-major (N, T, d) tensor. */
    private static Tensor batchMajor(Storage timeMajor, int off, int steps, int n, int d) {
        return Dense.of(new Tensor(timeMajor, off, new int[] {steps, n, d}, new int[] {n * d, d, 1}).permute(1, 0, 2));
    }
    private static void checkShapes(Tensor x, Tensor kernel, Tensor recurrentKernel, Tensor bias) {
        if (x.rank() != 3) throw new IllegalArgumentException("lstm: input must be (batch, steps, features), got " + Shape.str(x.shape()));
        if (recurrentKernel.rank() != 2 || recurrentKernel.dim(1) != 4 * recurrentKernel.dim(0)) {
            throw new IllegalArgumentException("lstm: recurrent kernel must be (units, 4·units), got " + Shape.str(recurrentKernel.shape()));
        }
        int gates = recurrentKernel.dim(1);
        if (kernel.rank() != 2 || kernel.dim(0) != x.dim(2) || kernel.dim(1) != gates) {
            throw new IllegalArgumentException("lstm: kernel must be (" + x.dim(2) + ", " + gates + ") for input " + Shape.str(x.shape())
                    + " and recurrent kernel " + Shape.str(recurrentKernel.shape()) + ", got " + Shape.str(kernel.shape()));
        }
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != gates)) {
            throw new IllegalArgumentException("lstm: bias must be (" + gates + "), got " + Shape.str(bias.shape()));
        }
    }
}
