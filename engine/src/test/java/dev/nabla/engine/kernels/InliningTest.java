package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InliningTest {
    @Test
    void theFirstUseOfVectorMathInstallsTheDirective() {
        FloatVector one = VectorMath.exp(FloatVector.zero(FloatVector.SPECIES_PREFERRED));
        assertEquals(1f, one.lane(0));
        assertTrue(Inlining.installed(), "HotSpot's DiagnosticCommand took the inlining directive");
    }
}
