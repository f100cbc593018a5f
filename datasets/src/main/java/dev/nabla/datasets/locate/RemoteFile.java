package dev.nabla.datasets.locate;

import java.util.HexFormat;
import java.util.List;

/**
 * A file published on the web: its name, the addresses to try in order (official first, then
 * mirrors), and its SHA-256 digest, against which every download is verified.
 */
public record RemoteFile(String name, List<String> urls, String sha256) {
    public RemoteFile {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no address for " + name);
        }
        if (sha256.length() != 64) {
            throw new IllegalArgumentException("SHA-256 of " + name + " must be 64 hex digits");
        }
        HexFormat.of().parseHex(sha256);
        urls = List.copyOf(urls);
    }
}
