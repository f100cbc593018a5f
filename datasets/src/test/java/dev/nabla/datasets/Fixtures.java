package dev.nabla.datasets;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The test files shipped in {@code src/test/resources}: {@code fixtures/} (tiny files with the
 * values listed in {@code fixtures/expected.json}) and {@code samples/} (the first records of the
 * real data sets, in their own formats; {@code samples/README.md} says how they were cut).
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** A file in {@code fixtures/}. */
    public static Path fixture(String name) {
        return resource("fixtures/" + name);
    }

    /** A file or folder in {@code samples/}, e.g. {@code fashion-mnist}. */
    public static Path sample(String relative) {
        return resource("samples/" + relative);
    }

    private static Path resource(String relative) {
        URL url = Fixtures.class.getResource("/" + relative);
        if (url == null) {
            throw new IllegalStateException(relative + " is missing from the test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
