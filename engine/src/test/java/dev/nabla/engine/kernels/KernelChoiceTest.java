package dev.nabla.engine.kernels;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The micro-kernel and cache blocks chosen from a machine description, and the ones this JVM runs. */
class KernelChoiceTest {
    private static final long KIB = 1024, MIB = 1024 * KIB;

    private static Machine machine(String arch, int bits, int registers) {
        return new Machine(arch, bits, registers, true, 32 * KIB, MIB, 16 * MIB);
    }

    @Test
    void registerFileDecidesTheTile() {
        assertInstanceOf(Kernel8x2.class, MicroKernel.choose(machine("amd64", 512, 32)));   // AVX-512
        assertInstanceOf(Kernel8x2.class, MicroKernel.choose(machine("aarch64", 128, 32))); // NEON
        assertInstanceOf(Kernel5x2.class, MicroKernel.choose(machine("amd64", 256, 16)));   // AVX2
        assertInstanceOf(Kernel5x2.class, MicroKernel.choose(machine("amd64", 128, 16)));   // SSE
        assertInstanceOf(ScalarKernel4x4.class, MicroKernel.choose(machine("amd64", 64, 32)));
    }

    @Test
    void cacheBlocksFollowTheCaches() {
        // AVX2, 5 × 16: the 512 × 16 micro-panel of B fills the 32 KiB L1; 255 × 512 of A half of L2.
        assertEquals(new Sgemm.Blocking(512, 255, 4096), Sgemm.Blocking.forCaches(machine("amd64", 256, 16), 5, 16));
        // AVX-512, 8 × 32: a micro-panel twice as wide, so half as deep.
        assertEquals(new Sgemm.Blocking(256, 512, 8192), Sgemm.Blocking.forCaches(machine("amd64", 512, 32), 8, 32));
        // A 48 KiB L1, 1 MiB of L2 and 2 MiB of L3 per core: KC 384, MC 336, NC 672.
        Machine small = new Machine("amd64", 512, 32, true, 48 * KIB, MIB, 2 * MIB);
        assertEquals(new Sgemm.Blocking(384, 336, 672), Sgemm.Blocking.forCaches(small, 8, 32));
        // Tiny or unknown caches stay within the bounds: KC at least 64, MC and NC at least one tile.
        Machine tiny = new Machine("riscv64", 128, 32, false, KIB, 16 * KIB, 0);
        assertEquals(new Sgemm.Blocking(64, 32, 8), Sgemm.Blocking.forCaches(tiny, 8, 8));
    }

    @Test
    void readsLinuxCacheDescriptions() {
        assertEquals(32 * KIB, Machine.parseSize("32K"));
        assertEquals(32 * MIB, Machine.parseSize("32768K"));
        assertEquals(2 * MIB, Machine.parseSize("2M"));
        assertEquals(4096, Machine.parseSize("4096"));
        assertEquals(7, Machine.countCpus("0-3,8,10-11"));
        assertEquals(1, Machine.countCpus("0"));
    }

    /** The configuration this JVM runs fits its vectors and register file; the report shows which it is. */
    @Test
    void kernelOfThisJvmFitsItsRegisters() {
        System.out.println("sgemm: " + Sgemm.configuration());
        Machine m = Sgemm.MACHINE;
        assertEquals(FloatVector.SPECIES_PREFERRED.vectorBitSize(), m.vectorBits());
        MicroKernel k = Sgemm.KERNEL;
        if (m.vectorLanes() >= 4) {
            assertTrue(k.registers() <= m.vectorRegisters(), k.describe() + " needs " + k.registers()
                    + " vector registers, the machine has " + m.vectorRegisters());
            assertEquals(2 * m.vectorLanes(), k.nr, "a vector kernel's tile is two vectors wide");
        } else {
            assertInstanceOf(ScalarKernel4x4.class, k);
        }
        assertEquals(0, Sgemm.MC % k.mr);
        assertEquals(0, Sgemm.NC % k.nr);
    }
}
