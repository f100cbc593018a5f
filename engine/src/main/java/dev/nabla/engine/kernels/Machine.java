package dev.nabla.engine.kernels;

import com.sun.management.HotSpotDiagnosticMXBean;
import jdk.incubator.vector.FloatVector;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the kernels need to know about the processor they run on, read once at start-up: the
 * width of the JIT's preferred vector, how many vector registers it may allocate, whether it
 * compiles vector gathers to a hardware instruction, and the data cache sizes.
 *
 * <p>The vector width is the Vector API's preferred species, which already reflects the JVM's
 * flags ({@code -XX:UseAVX=2} or {@code -XX:MaxVectorSize=32} on an AVX-512 machine give 256
 * bits). The register count is not exposed by the JDK, so it follows from the architecture and,
 * on x86, from HotSpot's {@code UseAVX} level: AVX-512 code (UseAVX=3) can name 32 registers,
 * AVX2 and SSE code 16; AArch64 has 32 (NEON and SVE alike). Cache sizes come from Linux's
 * {@code /sys/devices/system/cpu/cpu0/cache}; where that is missing, the defaults are those of a
 * typical current core (32 KiB L1d, 1 MiB L2, 2 MiB of L3 per core).
 *
 * @param arch            {@code os.arch}, e.g. amd64 or aarch64
 * @param vectorBits      bits of the preferred float vector (64 when the Vector API is of no use)
 * @param vectorRegisters vector registers the JIT can keep values in
 * @param hardwareGather  whether a gather is one instruction (x86 from AVX2 on), not a loop
 * @param l1d             bytes of level-1 data cache per core
 * @param l2              bytes of level-2 cache per core
 * @param l3PerCore       bytes of level-3 cache divided by the cores that share it
 */
public record Machine(String arch, int vectorBits, int vectorRegisters, boolean hardwareGather,
                      long l1d, long l2, long l3PerCore) {
    static final long DEFAULT_L1D = 32 << 10, DEFAULT_L2 = 1 << 20, DEFAULT_L3_PER_CORE = 2 << 20;
    private static final Path CACHES = Path.of("/sys/devices/system/cpu/cpu0/cache");

    /** The machine this JVM runs on, as described above. */
    public static Machine detect() {
        String arch = System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT);
        boolean x86 = arch.equals("amd64") || arch.equals("x86_64");
        int avx = x86 ? useAvx() : 0;
        int registers = x86 ? (avx >= 3 ? 32 : 16) : arch.equals("aarch64") ? 32 : 16;
        return new Machine(arch, FloatVector.SPECIES_PREFERRED.vectorBitSize(), registers, x86 && avx >= 2,
                cache(1, DEFAULT_L1D), cache(2, DEFAULT_L2), cache(3, DEFAULT_L3_PER_CORE));
    }

    /** Floats in one preferred vector. */
    public int vectorLanes() {
        return vectorBits / Float.SIZE;
    }

    /** One line for logs and results files, e.g. "amd64, 256-bit vectors, 16 registers, L1d 32 KiB, …". */
    public String describe() {
        return String.format(Locale.ROOT, "%s, %d-bit vectors, %d vector registers, %s gathers, L1d %d KiB, L2 %d KiB, L3 %d KiB per core",
                arch, vectorBits, vectorRegisters, hardwareGather ? "hardware" : "no hardware",
                l1d >> 10, l2 >> 10, l3PerCore >> 10);
    }

    /** HotSpot's UseAVX level (0 to 3), or 2 when the flag cannot be read (another JVM). */
    private static int useAvx() {
        try {
            return Integer.parseInt(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseAVX").getValue());
        } catch (RuntimeException e) {
            return 2;
        }
    }

    /**
     * The data or unified cache of the given level as seen by one core: its size divided by the
     * number of processors sharing it. Falls back to {@code fallback} when Linux does not say.
     */
    private static long cache(int level, long fallback) {
        for (int i = 0; i < 8; i++) {
            Path dir = CACHES.resolve("index" + i);
            try {
                if (!Files.isDirectory(dir)) break;
                if (Integer.parseInt(read(dir.resolve("level"))) != level || read(dir.resolve("type")).equals("Instruction")) continue;
                long size = parseSize(read(dir.resolve("size")));
                int sharing = countCpus(read(dir.resolve("shared_cpu_list")));
                return size > 0 ? size / Math.max(1, sharing) : fallback;
            } catch (IOException | RuntimeException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file).trim();
    }

    /** "32K", "1024K", "32M" or a plain number of bytes. */
    static long parseSize(String text) {
        char unit = Character.toUpperCase(text.charAt(text.length() - 1));
        long scale = unit == 'K' ? 1 << 10 : unit == 'M' ? 1 << 20 : unit == 'G' ? 1L << 30 : 1;
        return Long.parseLong(scale == 1 ? text : text.substring(0, text.length() - 1)) * scale;
    }

    /** Processors in a Linux CPU list such as "0-3,8,10-11". */
    static int countCpus(String list) {
        int count = 0;
        for (String part : list.split(",")) {
            if (part.isBlank()) continue;
            int dash = part.indexOf('-');
            count += dash < 0 ? 1 : Integer.parseInt(part.substring(dash + 1).trim()) - Integer.parseInt(part.substring(0, dash).trim()) + 1;
        }
        return count;
    }
}
