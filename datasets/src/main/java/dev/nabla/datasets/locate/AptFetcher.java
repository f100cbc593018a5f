package dev.nabla.datasets.locate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Fetches a Debian package's files without root and without installing it: {@code apt-get download}
 * writes the {@code .deb} into a folder of ours, after checking it against the SHA-256 listed in
 * the archive's signed index (apt refuses a file whose hash differs), and {@code dpkg-deb -x}
 * unpacks it there. Both programs come with every Debian or Ubuntu system, and they keep working
 * whatever compression the package uses and whatever proxy or mirror apt is configured with.
 * Download progress comes from apt's machine-readable status lines ({@code APT::Status-Fd}).
 */
public final class AptFetcher {
    private static final int LINES_KEPT = 5;

    private final String aptGet;
    private final String dpkgDeb;
    private final PrintStream progress;

    /**
     * @param aptGet   the apt-get program (a name on the PATH or a path)
     * @param dpkgDeb  the dpkg-deb program
     * @param progress where the progress bar is drawn
     */
    public AptFetcher(String aptGet, String dpkgDeb, PrintStream progress) {
        this.aptGet = aptGet;
        this.dpkgDeb = dpkgDeb;
        this.progress = progress;
    }

    /** The system's apt-get and dpkg-deb, drawing progress on standard error. */
    public static AptFetcher system() {
        return new AptFetcher("apt-get", "dpkg-deb", System.err);
    }

    /**
     * Downloads {@code pkg} into {@code staging} and unpacks it there.
     *
     * @return the folder of the unpacked package holding its files ({@code staging/root/<folder>})
     * @throws DownloadException when apt-get or dpkg-deb is missing or fails; the message gives their output
     */
    public Path fetch(DebianPackage pkg, Path staging) throws IOException {
        progress.println("fetching the Debian package " + pkg.name() + " with apt-get download");
        ProgressBar bar = ProgressBar.percent(progress, pkg.name() + ".deb");
        try {
            run(staging, List.of(aptGet, "download", "-q", "-o", "APT::Status-Fd=1", pkg.name()), line -> {
                // dlstatus:<item>:<percent>:<description>
                String[] fields = line.split(":", 4);
                if (fields.length == 4 && fields[0].equals("dlstatus")) {
                    bar.update((long) Double.parseDouble(fields[2]));
                    return true;
                }
                return false;
            });
        } finally {
            bar.finish();
        }
        Path deb = theDeb(staging, pkg);
        Path root = staging.resolve("root");
        run(staging, List.of(dpkgDeb, "-x", deb.toString(), root.toString()), line -> false);
        Files.delete(deb);
        return root.resolve(pkg.folder());
    }

    private interface LineFilter {
        /** True when the line was consumed (progress), false to keep it for an error message. */
        boolean consume(String line);
    }

    private static void run(Path dir, List<String> command, LineFilter filter) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DownloadException(command.getFirst() + " is not available (" + e.getMessage()
                    + "): the Debian package can be fetched only on Debian or Ubuntu");
        }
        process.getOutputStream().close();
        Deque<String> last = new ArrayDeque<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (!filter.consume(line) && !line.isBlank()) {
                    last.addLast(line.strip());
                    if (last.size() > LINES_KEPT) {
                        last.removeFirst();
                    }
                }
            }
        }
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new DownloadException(String.join(" ", command) + " was interrupted");
        }
        if (status != 0) {
            throw new DownloadException(String.join(" ", command) + " failed (exit " + status + ")"
                    + (last.isEmpty() ? "" : ": " + String.join(" / ", last)));
        }
    }

    /** The one .deb that apt-get wrote into {@code dir}. */
    private static Path theDeb(Path dir, DebianPackage pkg) throws IOException {
        List<Path> debs = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, pkg.name() + "_*.deb")) {
            found.forEach(debs::add);
        }
        if (debs.size() != 1) {
            throw new DownloadException("apt-get download " + pkg.name() + " left " + debs.size() + " .deb files in " + dir);
        }
        return debs.getFirst();
    }
}
