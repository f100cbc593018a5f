package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** VectorMath against double-precision java.lang.Math, and its bits across JIT modes. */
class VectorMathTest {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Test
    void expIsWithinTwoUlpsOfMathExp() {
        SplittableRandom rng = new SplittableRandom(1);
        float[] x = new float[1 << 16];
        for (int i = 0; i < x.length; i++) x[i] = (float) (rng.nextDouble() * 175.3 - 86.6);  // e^-86.6 .. e^88.7
        checkUlps("exp", VectorMath::exp, Math::exp, x, 2);
    }

    @Test
    void erfIsWithinSixUlpsOfErf() {
        // Over [-6, 6], past the clamp at ±3.8325, and tiny, where erf(x) ≈ 2x/√π.
        checkUlps("erf", VectorMath::erf, VectorMathTest::erfReference, spreadAndTiny(4, 6), 6);
    }

    @Test
    void erfOfOneFloatHasTheBitsOfTheVectorErf() {
        SplittableRandom rng = new SplittableRandom(5);
        float[] x = new float[1 << 12];
        for (int i = 0; i < x.length; i++) x[i] = (float) (rng.nextDouble() * 10 - 5);
        x[0] = Float.NaN;
        x[1] = -0f;
        x[2] = Float.POSITIVE_INFINITY;
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i += S.length()) VectorMath.erf(FloatVector.fromArray(S, x, i)).intoArray(y, i);
        for (int i = 0; i < x.length; i++) assertEquals(Float.floatToRawIntBits(y[i]), Float.floatToRawIntBits(VectorMath.erf(x[i])), "erf(" + x[i] + ")");
        assertTrue(Float.isNaN(y[0]));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(y[1]));
        assertEquals(1f, y[2], 1e-7f);
    }

    /**
     * erf in double: its Maclaurin series up to |x| = 3, beyond it 1 − erfc(x) with erfc from its
     * continued fraction, e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))).
     */
    private static double erfReference(double x) {
        double ax = Math.abs(x);
        if (ax > 3) {
            double fraction = ax;
            for (int n = 80; n >= 1; n--) fraction = ax + n / 2.0 / fraction;
            return Math.signum(x) * (1 - Math.exp(-ax * ax) / (Math.sqrt(Math.PI) * fraction));
        }
        double sum = 0, term = ax;
        for (int n = 0; n < 200; n++) {
            sum += term / (2 * n + 1);
            term *= -ax * ax / (n + 1);
        }
        return Math.signum(x) * 2 / Math.sqrt(Math.PI) * sum;
    }

    @Test
    void expFlushesResultsBelowTwoToTheMinus125ToZero() {
        assertEquals(List.of(0f, 0f, 0f), apply(VectorMath::exp, -87f, -100f, -1e30f));
        assertTrue(apply(VectorMath::exp, -86.5f).get(0) > 0f);
    }

    @Test
    void logIsWithinTwoUlpsOfMathLogOverTheWholeFloatRange() {
        SplittableRandom rng = new SplittableRandom(2);
        float[] x = new float[1 << 16];
        for (int i = 0; i < x.length; i++) {
            // Every binade from the subnormals (2^-149) to the largest floats.
            x[i] = (float) (Math.pow(2, rng.nextDouble() * 277 - 149) * (1 + rng.nextDouble()));
            if (Float.isInfinite(x[i])) x[i] = Float.MAX_VALUE;
        }
        checkUlps("log", VectorMath::log, Math::log, x, 2);
    }

    @Test
    void tanhIsWithinTwoUlpsOfMathTanh() {
        // Over [-12, 12], and tiny, where 1 - 2/(e^2x + 1) would cancel.
        checkUlps("tanh", VectorMath::tanh, Math::tanh, spreadAndTiny(3, 12), 2);
    }

    @Test
    void specialValues() {
        assertEquals(List.of(Float.NaN, 0f, Float.POSITIVE_INFINITY, 1f, Float.POSITIVE_INFINITY, 0f),
                apply(VectorMath::exp, Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 0f, 89f, -110f));
        assertEquals(List.of(Float.NaN, Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 0f, (float) Math.log(Float.MIN_VALUE)),
                apply(VectorMath::log, Float.NaN, -1f, 0f, Float.POSITIVE_INFINITY, 1f, Float.MIN_VALUE));
        assertEquals(List.of(Float.NaN, -1f, 1f, 0f, 1f),
                apply(VectorMath::tanh, Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 0f, 20f));
    }

    @Test
    void sumLanesAddsInLaneOrder() {
        // 1e8, 1, -1e8, 0, …: in lane order (1e8 + 1) rounds to 1e8, so the sum is 0; pairwise
        // order would give 1. With two lanes (no usable vectors), 1e8 + 1 rounds the same way.
        float[] lanes = new float[S.length()];
        lanes[0] = 1e8f;
        lanes[1] = 1f;
        if (lanes.length > 2) lanes[2] = -1e8f;
        assertEquals(lanes.length > 2 ? 0f : 1e8f, VectorMath.sumLanes(FloatVector.fromArray(S, lanes, 0)));
    }

    @Test
    void sumLanesPairwiseAddsTheUpperHalfOntoTheLowerFirst() {
        // The same lanes: pairwise, 1e8 meets −1e8 before 1 is added, so the sum is 1. With two
        // lanes, 1e8 + 1 rounds to 1e8.
        float[] lanes = new float[S.length()];
        lanes[0] = 1e8f;
        lanes[1] = 1f;
        if (lanes.length > 2) lanes[2] = -1e8f;
        assertEquals(lanes.length > 2 ? 1f : 1e8f, VectorMath.sumLanesPairwise(FloatVector.fromArray(S, lanes, 0)));
        float[] counting = new float[S.length()];
        for (int i = 0; i < counting.length; i++) counting[i] = i + 1;
        assertEquals(counting.length * (counting.length + 1) / 2f, VectorMath.sumLanesPairwise(FloatVector.fromArray(S, counting, 0)));
    }

    /**
     * The same bits from a JVM that only interprets and from this one once the JIT has compiled
     * the loop (thousands of calls): the property that makes two training runs with one seed
     * agree. With the Vector API's own EXP operator in place of VectorMath.exp this fails.
     */
    @Test
    void interpretedAndCompiledCodeGiveTheSameBits() throws IOException, InterruptedException {
        String interpreted = digestInChildJvm("-Xint");
        String compiled = VectorMathDigest.digest();
        for (int i = 0; i < 3000; i++) compiled = VectorMathDigest.digest();
        assertEquals(interpreted, compiled);
    }

    private static String digestInChildJvm(String... modeFlags) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new java.util.ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector"));
        // The vector width this JVM was told to act as (-XX:UseAVX, -XX:MaxVectorSize): lane sums depend on it.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:")).forEach(command::add);
        command.addAll(List.of(modeFlags));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), VectorMathDigest.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "child JVM " + command + " failed: " + err);
        assertTrue(out.matches("[0-9a-f]+"), "child JVM printed '" + out + "'");
        return out;
    }

    /** 2¹⁶ inputs: half spread over [−halfWidth, halfWidth], half tiny (|x| from 0.5 down to 5·10⁻⁸). */
    private static float[] spreadAndTiny(long seed, double halfWidth) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[1 << 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (i % 2 == 0 ? (rng.nextDouble() * 2 - 1) * halfWidth : (rng.nextDouble() - 0.5) * Math.pow(10, -rng.nextInt(8)));
        }
        return x;
    }

    /** f on each of x, a vector at a time (any number of values, whatever the vector width). */
    private static List<Float> apply(UnaryOperator<FloatVector> f, float... x) {
        int padded = (x.length + S.length() - 1) / S.length() * S.length();
        float[] in = Arrays.copyOf(x, padded), out = new float[padded];
        for (int i = 0; i < padded; i += S.length()) f.apply(FloatVector.fromArray(S, in, i)).intoArray(out, i);
        List<Float> result = new java.util.ArrayList<>();
        for (int i = 0; i < x.length; i++) result.add(out[i]);
        return result;
    }

    /** Each result within maxUlps units in the last place of the float nearest the exact value. */
    private static void checkUlps(String name, UnaryOperator<FloatVector> f, DoubleUnaryOperator exact, float[] x, int maxUlps) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i += S.length()) f.apply(FloatVector.fromArray(S, x, i)).intoArray(y, i);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            float expected = (float) exact.applyAsDouble(x[i]);
            double ulps = y[i] == expected ? 0 : Math.abs((double) y[i] - expected) / Math.ulp(expected);
            worst = Math.max(worst, ulps);
            if (!(ulps <= maxUlps)) fail(name + "(" + x[i] + ") = " + y[i] + ", expected " + expected + " (" + ulps + " ulps)");
        }
        assertTrue(worst > 0, name + ": every value exact is not plausible for a polynomial; is the test comparing with itself?");
    }
}
