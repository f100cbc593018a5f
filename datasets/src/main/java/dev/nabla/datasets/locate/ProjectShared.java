package dev.nabla.datasets.locate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the {@code shared} folder that sits beside a checkout of this project (it holds
 * {@code data/} and {@code fixtures/}). Candidates, in order: {@code ../shared} from the working
 * directory, then {@code shared} beside the repository root (the nearest ancestor holding
 * {@code mvnw}) or beside any ancestor of it, which covers checkouts nested one level deeper.
 */
public final class ProjectShared {
    private ProjectShared() {
    }

    /** The candidate {@code shared} folders for a process whose working directory is {@code workingDir}. */
    public static Set<Path> candidates(Path workingDir) {
        Path cwd = workingDir.toAbsolutePath().normalize();
        Set<Path> out = new LinkedHashSet<>();
        if (cwd.getParent() != null) {
            out.add(cwd.getParent().resolve("shared"));
        }
        Path root = cwd;
        while (root != null && !Files.isRegularFile(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        for (Path p = root == null ? null : root.getParent(); p != null; p = p.getParent()) {
            out.add(p.resolve("shared"));
        }
        return out;
    }

    /** The first candidate folder that exists and contains {@code child}. */
    public static Optional<Path> find(Path workingDir, String child) {
        return candidates(workingDir).stream().map(p -> p.resolve(child)).filter(Files::exists).findFirst();
    }

    /** {@link #find} from the current working directory. */
    public static Optional<Path> find(String child) {
        return find(Path.of(""), child);
    }
}
