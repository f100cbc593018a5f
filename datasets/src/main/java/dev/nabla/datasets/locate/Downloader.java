package dev.nabla.datasets.locate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Downloads a {@link RemoteFile} into a folder so that the folder never holds a file that looks
 * complete but is not: the bytes go to a hidden {@code .part} file in the same folder while their
 * SHA-256 is computed, and only a file whose length and digest are right is renamed, atomically, to
 * its real name. Any failure deletes the {@code .part} file. Progress is drawn on a
 * {@link PrintStream} (standard error by default).
 */
public final class Downloader {
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    private final PrintStream progress;

    public Downloader(PrintStream progress) {
        this.progress = progress;
    }

    /** A downloader that draws its progress bar on standard error. */
    public static Downloader toStderr() {
        return new Downloader(System.err);
    }

    /**
     * Downloads {@code file} to {@code folder/file.name()}, trying its addresses in order.
     *
     * @return the downloaded file
     * @throws DownloadException when every address failed; the message gives each failure
     */
    public Path download(RemoteFile file, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> failures = new ArrayList<>();
        for (String url : file.urls()) {
            try {
                return downloadFrom(url, file, folder);
            } catch (IOException e) {
                failures.add(url + ": " + e.getMessage());
            }
        }
        throw new DownloadException("could not download " + file.name() + ":\n  " + String.join("\n  ", failures));
    }

    private Path downloadFrom(String url, RemoteFile file, Path folder) throws IOException {
        Path target = folder.resolve(file.name());
        Path part = Files.createTempFile(folder, "." + file.name() + ".", ".part");
        try {
            String digest = fetch(url, file.name(), part);
            if (!digest.equalsIgnoreCase(file.sha256())) {
                throw new DownloadException("SHA-256 mismatch: expected " + file.sha256() + ", got " + digest
                        + " (download discarded)");
            }
            return Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Copies the body at {@code url} into {@code out}; returns the SHA-256 of the bytes, in hex. */
    private String fetch(String url, String name, Path out) throws IOException {
        HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
        http.setConnectTimeout(CONNECT_TIMEOUT_MS);
        http.setReadTimeout(READ_TIMEOUT_MS);
        http.setRequestProperty("User-Agent", "nabla-datasets");
        try {
            int status = http.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new DownloadException("HTTP " + status + (http.getResponseMessage() == null ? "" : " " + http.getResponseMessage()));
            }
            long expected = http.getContentLengthLong();
            MessageDigest sha = sha256();
            long received = 0;
            ProgressBar bar = ProgressBar.bytes(progress, name, expected);
            try (InputStream in = http.getInputStream(); OutputStream os = Files.newOutputStream(out)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = read(in, buffer, received, expected)) > 0; ) {
                    os.write(buffer, 0, n);
                    sha.update(buffer, 0, n);
                    received += n;
                    bar.update(received);
                }
            } finally {
                bar.finish();
            }
            if (expected >= 0 && received != expected) {
                throw broken(received, expected, "the server sent fewer bytes than announced", null);
            }
            return HexFormat.of().formatHex(sha.digest());
        } finally {
            http.disconnect();
        }
    }

    private static int read(InputStream in, byte[] buffer, long received, long expected) throws DownloadException {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw broken(received, expected, e.getMessage(), e);
        }
    }

    private static DownloadException broken(long received, long expected, String why, IOException cause) {
        return new DownloadException("connection broken after " + received + " of "
                + (expected >= 0 ? expected : "an unknown number of") + " bytes (" + why + ")", cause);
    }

    /** The SHA-256 digest of a file's contents, in lower-case hex. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    /** The SHA-256 digest of everything {@code in} yields, in lower-case hex. */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
