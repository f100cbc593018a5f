package dev.nabla.layers.callbacks;

import dev.nabla.layers.Callback;
import dev.nabla.layers.Training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes each epoch's logs as a row of a CSV file, as Keras's {@code CSVLogger}: a header
 * "epoch" then the log keys in sorted order, the epoch counted from 0; each row is written (and
 * flushed) at the end of its epoch, so an interrupted run keeps the epochs it finished.
 */
public final class CSVLogger implements Callback {
    private final Path file;
    private final String separator;
    private final boolean append;
    private List<String> keys;

    public CSVLogger(Path file) {
        this(file, ",", false);
    }

    public CSVLogger(Path file, String separator, boolean append) {
        this.file = file;
        this.separator = separator;
        this.append = append;
    }

    @Override
    public void onTrainBegin(Training training) {
        keys = null;
        if (!append) write("", false);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        StringBuilder row = new StringBuilder();
        if (keys == null) {
            keys = List.copyOf(new TreeSet<>(logs.keySet()));
            boolean hasHeader = append && Files.exists(file) && size() > 0;
            if (!hasHeader) row.append("epoch").append(separator).append(String.join(separator, keys)).append('\n');
        }
        row.append(epoch - 1);
        for (String k : keys) row.append(separator).append(logs.containsKey(k) ? String.valueOf(logs.get(k)) : "NA");
        write(row.append('\n').toString(), true);
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(String text, boolean appending) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(file, text, appending ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND}
                    : new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE});
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
