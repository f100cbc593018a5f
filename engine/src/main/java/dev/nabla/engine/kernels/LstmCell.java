package dev.nabla.engine.kernels;

/**
 * The element-wise part of one LSTM time step for a batch, on rows of 4U gate values laid out
 * [i | f | g | o] (Keras's order i, f, c, o): input gate i, forget gate f, candidate g, output
 * gate o. The matrix products that produce the pre-activations live with the caller.
 *
 * <pre>
 *   i = σ(z_i)  f = σ(z_f)  g = tanh(z_g)  o = σ(z_o)
 *   c = f ⊙ c_prev + i ⊙ g      h = o ⊙ tanh(c)
 * </pre>
 */
public final class LstmCell {
    private LstmCell() {}

    /**
     * Turns the pre-activations in {@code gates} (rows × 4U, from gOff) into activations in place,
     * and writes c, tanh(c) and h (rows × U each).
     */
    public static void forward(int rows, int units, float[] gates, int gOff, float[] cPrev, int cPrevOff,
                               float[] c, float[] tanhC, int cOff, float[] h, int hOff) {
        int u = units;
        for (int r = 0; r < rows; r++) {
            int z = gOff + r * 4 * u, s = r * u;
            ElementWise.sigmoid(gates, z, gates, z, 2 * u);                              // i, f
            ElementWise.unary(Unary.TANH, gates, z + 2 * u, gates, z + 2 * u, u); // g
            ElementWise.sigmoid(gates, z + 3 * u, gates, z + 3 * u, u);                  // o
            for (int j = 0; j < u; j++) {
                c[cOff + s + j] = gates[z + u + j] * cPrev[cPrevOff + s + j] + gates[z + j] * gates[z + 2 * u + j];
            }
            ElementWise.unary(Unary.TANH, c, cOff + s, tanhC, cOff + s, u);
            for (int j = 0; j < u; j++) h[hOff + s + j] = gates[z + 3 * u + j] * tanhC[cOff + s + j];
        }
    }

    /**
     * Backpropagates one step. In: the step's activated gates, c_prev and tanh(c); dh = dL/dh_t
     * (everything that reaches h_t); dc = dL/dc_t from the later step (rows × U from dcOff). Out: dz (rows × 4U), the
     * gradient of the pre-activations, and dc overwritten with dL/dc_prev.
     *
     * <pre>
     *   do = dh ⊙ tanh(c)            dc ← dc + dh ⊙ o ⊙ (1 − tanh²(c))
     *   di = dc ⊙ g   dg = dc ⊙ i   df = dc ⊙ c_prev   dc_prev = dc ⊙ f
     *   dz = [di·i(1−i) | df·f(1−f) | dg·(1−g²) | do·o(1−o)]
     * </pre>
     */
    public static void backward(int rows, int units, float[] gates, int gOff, float[] cPrev, int cPrevOff,
                                float[] tanhC, int cOff, float[] dh, int dhOff, float[] dc, int dcOff, float[] dz, int dzOff) {
        int u = units;
        for (int r = 0; r < rows; r++) {
            int z = gOff + r * 4 * u, d = dzOff + r * 4 * u, s = r * u, sc = dcOff + s;
            for (int j = 0; j < u; j++) {
                float i = gates[z + j], f = gates[z + u + j], g = gates[z + 2 * u + j], o = gates[z + 3 * u + j];
                float tc = tanhC[cOff + s + j], dhj = dh[dhOff + s + j];
                float dcj = dc[sc + j] + dhj * o * (1f - tc * tc);
                float dO = dhj * tc;
                dz[d + j] = dcj * g * i * (1f - i);
                dz[d + u + j] = dcj * cPrev[cPrevOff + s + j] * f * (1f - f);
                dz[d + 2 * u + j] = dcj * i * (1f - g * g);
                dz[d + 3 * u + j] = dO * o * (1f - o);
                dc[sc + j] = dcj * f;
            }
        }
    }
}
