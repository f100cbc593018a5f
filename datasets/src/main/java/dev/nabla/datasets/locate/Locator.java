package dev.nabla.datasets.locate;

import dev.nabla.datasets.DatasetNotFoundException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds the folder holding a data set's files. Places are searched in this order:
 * <ol>
 *   <li>an explicit path given by the caller (a folder, or the file itself);</li>
 *   <li>the data set's environment variable, e.g. {@code NABLA_FASHION_MNIST};</li>
 *   <li>the cache, {@code $NABLA_HOME/datasets/<folder>} or else {@code ~/.cache/nabla/datasets/<folder>};</li>
 *   <li>{@code data/<folder>} in the project's shared folder beside the checkout ({@link ProjectShared});</li>
 *   <li>the Debian package's folder, e.g. {@code /usr/share/datasets/fashion-mnist};</li>
 *   <li>a download into the cache, verified by SHA-256 (skipped when {@code NABLA_OFFLINE=1}).</li>
 * </ol>
 * An explicit path or a set environment variable is taken as the user's choice: when it lacks a
 * file, that is an error rather than a reason to look elsewhere. When every place fails, the error
 * names every place searched and how to get the data.
 */
public final class Locator {
    /**
     * What the search depends on, so that tests can replace it.
     *
     * @param env        environment variables
     * @param home       the user's home folder
     * @param workingDir the working directory
     * @param downloader how to download
     */
    public record Environment(Function<String, String> env, Path home, Path workingDir, Downloader downloader) {
        public static Environment system() {
            return new Environment(System::getenv, Path.of(System.getProperty("user.home")), Path.of(""), Downloader.toStderr());
        }
    }

    private final Environment environment;

    public Locator(Environment environment) {
        this.environment = environment;
    }

    /** A locator using the real environment. */
    public static Locator system() {
        return new Locator(Environment.system());
    }

    /** The cache root: {@code $NABLA_HOME/datasets}, or {@code ~/.cache/nabla/datasets}. */
    public Path cacheRoot() {
        String home = environment.env().apply("NABLA_HOME");
        return home != null && !home.isBlank() ? Path.of(home, "datasets") : environment.home().resolve(".cache/nabla/datasets");
    }

    /**
     * The folder holding all of {@code needed} for {@code source}.
     *
     * @param explicit a folder (or a file among {@code needed}) given by the caller, or null
     * @throws DatasetNotFoundException when no place has the files and downloading failed or is impossible
     */
    public Path find(DatasetSource source, Path explicit, List<String> needed) {
        if (explicit != null) {
            return chosen(source, explicit, needed, "the given path " + explicit);
        }
        String fromEnv = environment.env().apply(source.envVar());
        if (fromEnv != null && !fromEnv.isBlank()) {
            return chosen(source, Path.of(fromEnv), needed, source.envVar() + "=" + fromEnv);
        }
        List<String> searched = new ArrayList<>();
        searched.add(source.envVar() + " (not set)");
        List<Path> folders = new ArrayList<>();
        Path cache = cacheRoot().resolve(source.folder());
        folders.add(cache);
        for (Path shared : ProjectShared.candidates(environment.workingDir())) {
            folders.add(shared.resolve("data").resolve(source.folder()));
        }
        source.debianDir().ifPresent(folders::add);
        for (Path folder : folders) {
            List<String> missing = missing(folder, needed);
            if (missing.isEmpty()) {
                return folder;
            }
            searched.add(folder + (Files.isDirectory(folder) ? " (missing " + String.join(", ", missing) + ")" : " (no such folder)"));
        }
        String offline = environment.env().apply("NABLA_OFFLINE");
        Exception downloadError = null;
        if (!source.downloadable()) {
            searched.add("download: no official checksummed copy to download");
        } else if ("1".equals(offline) || "true".equalsIgnoreCase(offline)) {
            searched.add("download: skipped because NABLA_OFFLINE=" + offline);
        } else {
            try {
                download(source, cache, missing(cache, needed));
                return cache;
            } catch (IOException | RuntimeException e) {
                downloadError = e;
                searched.add("download into " + cache + " failed: " + e.getMessage().replace("\n", "\n      "));
            }
        }
        String message = source.name() + " not found (needed: " + String.join(", ", needed) + "). Looked in:\n  - "
                + String.join("\n  - ", searched) + "\nTo get it: " + source.howToGet() + "; or set " + source.envVar()
                + " to a folder holding the files.";
        throw new DatasetNotFoundException(message, downloadError);
    }

    private static Path chosen(DatasetSource source, Path path, List<String> needed, String origin) {
        Path folder = Files.isRegularFile(path) && needed.size() == 1 && path.getFileName().toString().equals(needed.getFirst())
                ? path.toAbsolutePath().getParent() : path;
        List<String> missing = missing(folder, needed);
        if (!missing.isEmpty()) {
            throw new DatasetNotFoundException(source.name() + ": " + origin + " does not hold " + String.join(", ", missing)
                    + ". To get it: " + source.howToGet() + ".");
        }
        return folder;
    }

    private static List<String> missing(Path folder, List<String> needed) {
        return needed.stream().filter(name -> !Files.isRegularFile(folder.resolve(name))).toList();
    }

    /** Downloads the missing files into {@code cache}: one by one, or by extracting the archive. */
    private void download(DatasetSource source, Path cache, List<String> missing) throws IOException {
        List<RemoteFile> direct = source.files().stream().filter(f -> missing.contains(f.name())).toList();
        if (direct.size() == missing.size()) {
            for (RemoteFile f : direct) {
                environment.downloader().download(f, cache);
            }
            return;
        }
        RemoteFile archive = source.archive().orElseThrow(() -> new IOException("no download for " + String.join(", ", missing)));
        Path root = cache.getParent();
        Path tarball = environment.downloader().download(archive, root);
        Path staging = Files.createTempDirectory(root, "." + source.folder() + ".");
        try {
            TarGzExtractor.extract(tarball, staging);
            Path extracted = staging.resolve(source.folder());
            List<String> absent = missing(extracted, missing);
            if (!absent.isEmpty()) {
                throw new IOException(archive.name() + " does not contain " + source.folder() + "/" + String.join(", ", absent));
            }
            Files.createDirectories(cache);
            try (Stream<Path> files = Files.list(extracted)) {
                for (Path f : files.toList()) {
                    Files.move(f, cache.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            deleteTree(staging);
            Files.deleteIfExists(tarball);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
