package dev.nabla.datasets.locate;

import dev.nabla.datasets.MalformedDataException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Extracts the regular files of a gzip-compressed tar archive (such as
 * {@code cifar-10-python.tar.gz}). Tar is a sequence of 512-byte blocks: a header block per entry
 * (name at offset 0, size in octal at offset 124, type flag at 156, name prefix at 345 in the ustar
 * form) followed by the entry's data padded to a whole block; two zero blocks end the archive.
 * A GNU long-name entry (type {@code 'L'}) holds, as its data, the full name of the entry after
 * it. Entries whose names would escape the destination folder are refused.
 */
public final class TarGzExtractor {
    private static final int BLOCK = 512;
    /** The longest GNU long name accepted; file systems allow 4096 bytes at most. */
    private static final int MAX_LONG_NAME = 1 << 16;

    private TarGzExtractor() {
    }

    /** Extracts the regular files of {@code archive} below {@code destination}; returns their paths. */
    public static List<Path> extract(Path archive, Path destination) throws IOException {
        String source = archive.toString();
        List<Path> written = new ArrayList<>();
        Path root = destination.toAbsolutePath().normalize();
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive), 1 << 16), 1 << 16)) {
            byte[] header = new byte[BLOCK];
            String longName = null;
            while (true) {
                int n = in.readNBytes(header, 0, BLOCK);
                if (n == 0 || isZero(header) && n == BLOCK) {
                    return written;
                }
                if (n < BLOCK) {
                    throw new MalformedDataException(source, "truncated tar header");
                }
                long size = octal(header, 124, 12, source);
                byte type = header[156];
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                if (type == 'L') {
                    longName = longName(in, size, source);
                    skip(in, padded - size, source);
                    continue;
                }
                String name = longName != null ? longName : headerName(header);
                longName = null;
                if (type == '0' || type == 0) {
                    Path target = root.resolve(name).normalize();
                    if (!target.startsWith(root) || target.equals(root)) {
                        throw new MalformedDataException(source, "tar entry '" + name + "' would be written outside " + root);
                    }
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        copy(in, out, size, source, name);
                    }
                    skip(in, padded - size, source);
                    written.add(target);
                } else {
                    skip(in, padded, source);
                }
            }
        } catch (ZipException | EOFException e) {
            throw new MalformedDataException(source, "corrupted or truncated gzip stream: " + e.getMessage(), e);
        }
    }

    /** The name in a ustar header: the name field, after the prefix field when there is one. */
    private static String headerName(byte[] header) {
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        return !prefix.isEmpty() && header[257] == 'u' ? prefix + "/" + name : name;
    }

    /** The data of a GNU long-name entry: the next entry's name, NUL-terminated. */
    private static String longName(InputStream in, long size, String source) throws IOException {
        if (size > MAX_LONG_NAME) {
            throw new MalformedDataException(source, "GNU long name of " + size + " bytes; at most " + MAX_LONG_NAME + " are accepted");
        }
        byte[] name = in.readNBytes((int) size);
        if (name.length < size) {
            throw new MalformedDataException(source, "truncated: GNU long name ends " + (size - name.length) + " bytes early");
        }
        return field(name, 0, name.length);
    }

    private static void copy(InputStream in, OutputStream out, long size, String source, String name) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new MalformedDataException(source, "truncated: tar entry '" + name + "' ends " + left + " bytes early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void skip(InputStream in, long n, String source) throws IOException {
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw new MalformedDataException(source, "truncated tar archive", e);
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length, String source) throws MalformedDataException {
        String text = field(header, offset, length).trim();
        try {
            long value = text.isEmpty() ? 0 : Long.parseLong(text, 8);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new MalformedDataException(source, "tar header size '" + text + "' is not an octal number");
        }
    }
}
