package dev.nabla.datasets.pickle;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nabla.datasets.MalformedDataException;

import java.util.Map;

/**
 * Coverage-guided fuzzing of the pickle reader: any input must either load or fail with
 * {@link MalformedDataException}; any other exception, a hang or running out of memory is a bug.
 * The default test run replays the seeds in {@code UnpicklerFuzzTestInputs/}; run
 * {@code JAZZER_FUZZ=1 ./mvnw -pl datasets -am test -Dtest=UnpicklerFuzzTest} to fuzz.
 */
class UnpicklerFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void loadsOrRefuses(byte[] input) {
        Object result;
        try {
            result = Unpickler.load(input, "fuzz.pkl");
        } catch (MalformedDataException expected) {
            return;
        }
        // Whatever loaded must be usable: read every top-level array back.
        if (result instanceof Map<?, ?> dict) {
            dict.values().forEach(UnpicklerFuzzTest::touch);
        } else {
            touch(result);
        }
    }

    private static void touch(Object value) {
        if (value instanceof NdArray array && array.isFilled()) {
            int[] shape = array.shape();
            long count = 1;
            for (int d : shape) {
                count *= d;
            }
            if (count != array.size() || array.toFloatArray().length != count || array.toDoubleArray().length != count) {
                throw new AssertionError("array size disagrees with its shape");
            }
        }
    }
}
