package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;

import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * A checksum of the bits of exp, log, tanh and the pairwise lane sum from {@link VectorMath} over fixed inputs, printed
 * by {@link #main} so that a test can compare it across JVMs run in different modes.
 */
final class VectorMathDigest {
    private VectorMathDigest() {}

    static String digest() {
        int vl = FloatVector.SPECIES_PREFERRED.length();
        SplittableRandom rng = new SplittableRandom(11);
        float[] x = new float[4096], y = new float[x.length];
        for (int i = 0; i < x.length; i++) x[i] = (float) (rng.nextDouble() * 60 - 30);
        CRC32 crc = new CRC32();
        for (int f = 0; f < 4; f++) {
            for (int i = 0; i < x.length; i += vl) {
                FloatVector v = FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, i);
                if (f == 3) {
                    y[i] = VectorMath.sumLanesPairwise(v);
                    continue;
                }
                FloatVector r = switch (f) {
                    case 0 -> VectorMath.exp(v);
                    case 1 -> VectorMath.log(v.abs());
                    default -> VectorMath.tanh(v.mul(0.2f));
                };
                r.intoArray(y, i);
            }
            for (float value : y) {
                int bits = Float.floatToRawIntBits(value);
                crc.update(new byte[] {(byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24)});
            }
        }
        return Long.toHexString(crc.getValue());
    }

    public static void main(String[] args) {
        System.out.println(digest());
    }
}
