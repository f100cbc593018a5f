package dev.nabla.datasets.locate;

import dev.nabla.datasets.DatasetNotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Finds the folder holding a data set's files. Places are searched in this order:
 * <ol>
 *   <li>an explicit path given by the caller (a folder, or the file itself);</li>
 *   <li>the data set's environment variable, e.g. {@code NABLA_FASHION_MNIST};</li>
 *   <li>the cache, {@code $NABLA_HOME/datasets/<folder>} or else {@code ~/.cache/nabla/datasets/<folder>};</li>
 *   <li>the installed Debian package's folder, e.g. {@code /usr/share/datasets/fashion-mnist};</li>
 *   <li>a download from the official address into the cache, verified by SHA-256;</li>
 *   <li>the Debian package fetched with apt into the cache, its decompressed files verified by SHA-256.</li>
 * </ol>
 * {@code NABLA_OFFLINE=1} skips both downloads. An explicit path or a set environment variable is
 * taken as the user's choice: when it lacks a file, that is an error rather than a reason to look
 * elsewhere. When every place fails, the error names every place searched and how to get the data.
 */
public final class Locator {
    /**
     * What the search depends on, so that tests can replace it.
     *
     * @param env        environment variables
     * @param home       the user's home folder
     * @param downloader how to download from the web
     * @param apt        how to fetch a Debian package
     */
    public record Environment(Function<String, String> env, Path home, Downloader downloader, AptFetcher apt) {
        /** The process's environment; the home folder is {@code $HOME}, as for other Unix tools, else Java's user.home. */
        public static Environment system() {
            String home = System.getenv("HOME");
            return new Environment(System::getenv, Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")),
                    Downloader.toStderr(), AptFetcher.system());
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
     * The single file {@code name} of {@code source}. An explicit path or environment variable naming
     * a file is that file, whatever its name; one naming a folder must hold {@code name}.
     *
     * @throws DatasetNotFoundException as {@link #find}
     */
    public Path findFile(DatasetSource source, Path explicit, String name) {
        Path chosen = explicit != null ? explicit : fromEnv(source);
        if (chosen != null && Files.isRegularFile(chosen)) {
            return chosen;
        }
        return find(source, explicit, List.of(name)).resolve(name);
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
        Path fromEnv = fromEnv(source);
        if (fromEnv != null) {
            return chosen(source, fromEnv, needed, source.envVar() + "=" + fromEnv);
        }
        List<String> searched = new ArrayList<>();
        searched.add(source.envVar() + " (not set)");
        Path cache = cacheRoot().resolve(source.folder());
        List<Path> folders = new ArrayList<>(List.of(cache));
        source.debian().ifPresent(pkg -> folders.add(pkg.installed()));
        for (Path folder : folders) {
            List<String> missing = missing(folder, needed);
            if (missing.isEmpty()) {
                return folder;
            }
            searched.add(folder + (Files.isDirectory(folder) ? " (missing " + String.join(", ", missing) + ")" : " (no such folder)"));
        }
        List<Exception> failures = new ArrayList<>();
        if (fetched(source, cache, needed, searched, failures)) {
            return cache;
        }
        String message = source.name() + " not found (needed: " + String.join(", ", needed) + "). Looked in:\n  - "
                + String.join("\n  - ", searched) + "\nTo get it: " + source.howToGet() + "; or set " + source.envVar()
                + (needed.size() == 1 ? " to the file or its folder." : " to a folder holding the files.");
        throw new DatasetNotFoundException(message, failures.isEmpty() ? null : failures.getLast());
    }

    private Path fromEnv(DatasetSource source) {
        String value = environment.env().apply(source.envVar());
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /**
     * Downloads the missing files into {@code cache}: from the official address, else from the Debian
     * package. Every attempt goes into {@code searched} and every failure into {@code failures}.
     */
    private boolean fetched(DatasetSource source, Path cache, List<String> needed, List<String> searched, List<Exception> failures) {
        String offline = environment.env().apply("NABLA_OFFLINE");
        if ("1".equals(offline) || "true".equalsIgnoreCase(offline)) {
            searched.add("download: skipped because NABLA_OFFLINE=" + offline);
            return false;
        }
        if (!source.downloadable()) {
            searched.add("download: no official checksummed copy to download");
        } else {
            try {
                download(source, cache, missing(cache, needed));
                return true;
            } catch (IOException | RuntimeException e) {
                failures.add(e);
                searched.add("download into " + cache + " failed: " + indent(e.getMessage()));
            }
        }
        if (source.debian().isPresent()) {
            DebianPackage pkg = source.debian().get();
            try {
                fromDebianPackage(pkg, cache);
                return true;
            } catch (IOException | RuntimeException e) {
                failures.add(e);
                searched.add("Debian package " + pkg.name() + " (apt-get download): " + indent(e.getMessage()));
            }
        }
        return false;
    }

    private static String indent(String message) {
        return String.valueOf(message).replace("\n", "\n      ");
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
            moveInto(staging.resolve(source.folder()), cache, missing, archive.name() + " does not contain " + source.folder() + "/", name -> { });
        } finally {
            deleteTree(staging);
            Files.deleteIfExists(tarball);
        }
    }

    /** Fetches {@code pkg} with apt, checks the decompressed digest of each of its files, and moves them into {@code cache}. */
    private void fromDebianPackage(DebianPackage pkg, Path cache) throws IOException {
        Files.createDirectories(cache.getParent());
        Path staging = Files.createTempDirectory(cache.getParent(), "." + pkg.name() + ".");
        try {
            Path unpacked = environment.apt().fetch(pkg, staging);
            List<String> names = List.copyOf(pkg.contentSha256().keySet());
            moveInto(unpacked, cache, names, pkg.name() + " does not contain " + pkg.folder() + "/", name -> {
                String expected = pkg.contentSha256().get(name);
                if (!expected.equals(contentSha256(unpacked.resolve(name)))) {
                    throw new DownloadException(pkg.name() + ": the data in " + name + " is not the expected data (SHA-256 of"
                            + " the decompressed file differs from " + expected + "); nothing was kept");
                }
            });
        } finally {
            deleteTree(staging);
        }
    }

    /** The SHA-256 of a file's content: after gzip decompression for a {@code .gz} file. */
    private static String contentSha256(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            return Downloader.sha256(in);
        }
    }

    private interface Check {
        void accept(String name) throws IOException;
    }

    /**
     * Moves every file of {@code from} into {@code cache}, each atomically, once all of {@code required}
     * are there ({@code absentMessage} starts the error otherwise) and each has passed {@code check}.
     */
    private static void moveInto(Path from, Path cache, List<String> required, String absentMessage, Check check) throws IOException {
        List<String> absent = missing(from, required);
        if (!absent.isEmpty()) {
            throw new IOException(absentMessage + String.join(", ", absent));
        }
        for (String name : required) {
            check.accept(name);
        }
        Files.createDirectories(cache);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.move(f, cache.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
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
