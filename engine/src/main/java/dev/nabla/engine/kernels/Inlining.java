package dev.nabla.engine.kernels;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells HotSpot's C2 compiler, once per process, how to inline the element-wise kernels: always
 * inline {@link VectorMath}'s vector functions, never inline the array loops of
 * {@link ElementWise} and {@link CrossEntropy} into their callers (a compiler directive, as
 * {@code jcmd PID Compiler.directives_add} adds one).
 *
 * <p>Why: C2 keeps a vector in registers only inside one compiled method; a vector handed to a
 * call that it does not inline is boxed on the heap, on every lane group. Left to itself, C2
 * fails to inline exp, log or tanh in two ways, and which one happens depends on the order in
 * which methods get hot: once a function has been compiled on its own (C1 does not inline
 * them, so they get hot as calls) and its code exceeds {@code InlineSmallCode}, C2 no longer
 * inlines it ("already compiled into a big method"); and a caller that inlines several array
 * loops, each with its functions, runs out of C2's node budget ({@code NodeCountInliningCutoff})
 * before the last ones. A step of the recurrent autoencoder allocated 2.3 MB in one run and 71 KB
 * in another. With the directive every array loop is one compiled method holding its own
 * functions. The bits are the same either way ({@link VectorMath} computes the same values
 * inlined or not); where the JVM has no such command, only speed and allocation differ.
 */
final class Inlining {
    /** VectorMath's vector functions always inline; the array loops that call them never do. */
    private static final String DIRECTIVE = "[{ match: \"*.*\", inline: [\"+dev/nabla/engine/kernels/VectorMath.*\","
            + " \"-dev/nabla/engine/kernels/ElementWise.*\", \"-dev/nabla/engine/kernels/CrossEntropy.*\"] }]";
    private static final boolean INSTALLED = install();

    private Inlining() {}

    /** Whether the directive is in place (the class's first use installs it). */
    static boolean installed() {
        return INSTALLED;
    }

    private static boolean install() {
        try {
            Path file = Files.createTempFile("nabla-inline", ".json");
            try {
                Files.writeString(file, DIRECTIVE);
                Object added = ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                        new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
                return String.valueOf(added).contains("directives added");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
