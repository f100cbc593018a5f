package dev.nabla.layers;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Replaces a file so that, whenever the process or the machine stops, the path holds either the
 * old contents or the new, complete ones. The new contents go to {@code <name>.<digits>.tmp} in
 * the same folder, are synced, renamed over the file, and the folder is synced so that the rename
 * itself survives a power loss. A failed write deletes its temporary file; one left by a killed
 * process is deleted by the next write of the same name. The file is created with the mode the
 * umask gives, like any other new file.
 */
final class AtomicFile {
    private AtomicFile() {}

    /** Writes the new contents to the open temporary file. */
    interface Contents {
        void writeTo(FileChannel channel) throws IOException;
    }

    static void write(Path path, Contents contents) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String name = path.getFileName().toString();
        sweepTemporaries(dir, name);
        Path tmp = dir.resolve(name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                contents.writeTo(ch);
                ch.force(true);
            }
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Deletes the temporary files of earlier writes of {@code name} that were killed before they
     * could clean up ({@code <name>.<digits>.tmp}, and {@code <name><digits>.tmp} from earlier
     * versions of nabla).
     */
    private static void sweepTemporaries(Path dir, String name) throws IOException {
        Pattern temporary = Pattern.compile(Pattern.quote(name) + "\\.?[0-9]+\\.tmp");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> temporary.matcher(p.getFileName().toString()).matches())) {
            for (Path leftover : files) Files.deleteIfExists(leftover);
        }
    }

    /** fsync of the folder, which makes the rename durable; only POSIX systems can open a folder for it. */
    private static void syncDirectory(Path dir) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
