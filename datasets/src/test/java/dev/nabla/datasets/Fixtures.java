package dev.nabla.datasets;

import dev.nabla.datasets.locate.ProjectShared;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The project's shared test files: {@code shared/fixtures} and {@code shared/data} beside the checkout. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A file in {@code shared/fixtures}; the calling test is skipped when the folder is absent. */
    public static Path fixture(String name) {
        var dir = ProjectShared.find("fixtures");
        assumeTrue(dir.isPresent(), "shared/fixtures not found beside the checkout");
        return dir.get().resolve(name);
    }

    /** A file in {@code shared/data}; the calling test is skipped when it is absent. */
    public static Path data(String relative) {
        var dir = ProjectShared.find("data/" + relative);
        assumeTrue(dir.isPresent(), "shared/data/" + relative + " not found beside the checkout");
        return dir.get();
    }
}
