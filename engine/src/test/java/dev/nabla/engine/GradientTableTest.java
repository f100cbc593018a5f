package dev.nabla.engine;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Keeps {@code docs/gradients.md}, the table of every op with its gradient formula and the place
 * of its backward, equal to the code, and every op covered by a finite-difference check.
 *
 * <p>The table is read off the sources: each {@code Autograd.record(out, "op", backward, ...)}
 * names its op and is preceded by a comment with its gradient. To rewrite the page after a
 * change, run {@code ./mvnw test -pl engine -Dtest=GradientTableTest -Dnabla.writeGradientTable=true}.
 */
class GradientTableTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path PAGE = Path.of("../docs/gradients.md");
    private static final Pattern RECORD = Pattern.compile("Autograd\\.record\\([^,]+,\\s*\"(\\w+)\"");

    /** One recorded op: its name, gradient formula and where its backward is written. */
    record Op(String name, String gradient, String file, int line) {}

    static List<Op> opsInSources() throws IOException {
        List<Op> ops = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (file.endsWith("autograd/Autograd.java")) continue;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = RECORD.matcher(lines.get(i));
                    if (!m.find()) continue;
                    List<String> comment = new ArrayList<>();
                    for (int j = i - 1; j >= 0 && lines.get(j).trim().startsWith("//"); j--) {
                        comment.addFirst(lines.get(j).trim().substring(2).trim());
                    }
                    ops.add(new Op(m.group(1), String.join(" ", comment), "engine/" + SOURCES.resolve(SOURCES.relativize(file)).toString().replace('\\', '/'), i + 1));
                }
            }
        }
        return ops;
    }

    static String page(List<Op> ops) {
        StringBuilder sb = new StringBuilder("""
                # Gradients of nabla's operations

                Every operation the engine records, the gradient its hand-written backward computes
                (g is the gradient arriving at the op's output, y its output), and where that backward
                is written. This page is generated from the sources and checked by
                `engine/src/test/java/dev/nabla/engine/GradientTableTest.java`, which also fails when an
                op has no finite-difference check; rewrite it with
                `./mvnw test -pl engine -Dtest=GradientTableTest -Dnabla.writeGradientTable=true`.

                | op | gradient | backward |
                |---|---|---|
                """);
        for (Op op : ops) {
            String file = op.file().substring(op.file().lastIndexOf('/') + 1);
            sb.append("| `").append(op.name()).append("` | ").append(op.gradient().replace("|", "\\|"))
                    .append(" | [").append(file).append(':').append(op.line()).append("](../").append(op.file()).append("#L").append(op.line()).append(") |\n");
        }
        return sb.toString();
    }

    @Test
    void everyOpNamesItsGradientOnce() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Op op : opsInSources()) {
            assertTrue(names.add(op.name()), "op '" + op.name() + "' is recorded in two places; the second is " + op.file() + ":" + op.line());
            assertTrue(!op.gradient().isEmpty(), op.file() + ":" + op.line() + ": the record of '" + op.name() + "' has no comment above it stating its gradient");
        }
        assertTrue(names.size() > 30, "found only " + names);
    }

    @Test
    void thePageMatchesTheCode() throws IOException {
        String expected = page(opsInSources());
        if (Boolean.getBoolean("nabla.writeGradientTable")) Files.writeString(PAGE, expected);
        String actual = Files.exists(PAGE) ? Files.readString(PAGE) : "";
        if (!expected.equals(actual)) {
            fail("docs/gradients.md is out of date with the sources; rewrite it with "
                    + "./mvnw test -pl engine -Dtest=GradientTableTest -Dnabla.writeGradientTable=true\nexpected:\n" + expected);
        }
    }

    @Test
    void everyOpHasAGradientCheck() throws IOException {
        var summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request().selectors(selectPackage("dev.nabla.engine.ops")).build(), summary);
        assertEquals(0, summary.getSummary().getTotalFailureCount(), "the gradient checks failed; run the ops tests");
        Set<String> unchecked = new TreeSet<>();
        for (Op op : opsInSources()) unchecked.add(op.name());
        unchecked.removeAll(GradCheck.checkedOps());
        assertTrue(unchecked.isEmpty(), "ops without a finite-difference check (GradCheck) in dev.nabla.engine.ops: " + unchecked);
    }
}
