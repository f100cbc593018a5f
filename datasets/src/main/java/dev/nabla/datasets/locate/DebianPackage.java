package dev.nabla.datasets.locate;

import java.nio.file.Path;
import java.util.Map;

/**
 * A Debian package that ships a data set: its name, the folder it installs the files to (relative
 * to the root), and the SHA-256 of each file's decompressed content. Debian re-compresses the
 * upstream {@code .gz} files, so their bytes differ from the official downloads while the data
 * inside is the same; the decompressed digests pin that data, whichever gzip wrote it.
 *
 * @param name          the package name, e.g. {@code dataset-fashion-mnist}
 * @param folder        where its files lie inside the package, e.g. {@code usr/share/datasets/fashion-mnist}
 * @param contentSha256 file name → SHA-256 (hex) of the file after gzip decompression
 */
public record DebianPackage(String name, String folder, Map<String, String> contentSha256) {
    public DebianPackage {
        contentSha256 = Map.copyOf(contentSha256);
    }

    /** Where the files are when the package is installed. */
    public Path installed() {
        return Path.of("/").resolve(folder);
    }
}
