package dev.nabla.layers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code BackupAndRestore(backup_dir)}: after every epoch it writes, atomically, the
 * model's weights, its optimizer's state (step count and slots), the epoch and the random state
 * (each layer's noise count; the shuffling follows from the seed and the epoch) to
 * {@code backup_dir/backup.nabla}. A fit that finds such a backup when it starts restores it
 * and goes on with the next epoch, so that a run killed at any moment and started again with
 * the same code ends with the same weights and losses, bit for bit, as one never interrupted.
 * When the fit ends, the backup is deleted ({@code delete_checkpoint=True}). The callbacks'
 * own state (an EarlyStopping's patience, a ReduceLROnPlateau's rate) is not backed up, as in Keras.
 */
public final class BackupAndRestore implements Callback {
    private final Path file;
    private Training training;

    public BackupAndRestore(Path backupDir) {
        this.file = backupDir.resolve("backup.nabla");
    }

    /** The backup file. */
    public Path file() { return file; }

    @Override
    public void onTrainBegin(Training t) {
        this.training = t;
        if (!Files.exists(file)) return;
        Map<String, Object> state = ModelFile.restoreState(t.model(), file);
        LayerConfig c = new LayerConfig(file + ", training.json", state, null, null);
        int epoch = c.integer("epoch");
        Map<String, Object> noise = c.object("noise_calls");
        LayerConfig calls = new LayerConfig(file + ", noise_calls", noise, null, null);
        for (Layer l : allLayers(t.model())) {
            if (noise.containsKey(l.name())) l.noiseCalls(calls.count(l.name()));
        }
        calls.requireAllRead();
        c.requireAllRead();
        t.resumeAfter(epoch, file.toString());
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Map<String, Object> noise = new LinkedHashMap<>();
        for (Layer l : allLayers(training.model())) if (l.noiseCalls() > 0) noise.put(l.name(), l.noiseCalls());
        ModelFile.saveState(training.model(), file, LayerConfig.of("epoch", epoch, "noise_calls", noise));
    }

    @Override
    public void onTrainEnd() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("BackupAndRestore: cannot delete the backup " + file + ": " + e.getMessage(), e);
        }
    }

    /** The model and every layer inside it, depth first. */
    private static List<Layer> allLayers(Model model) {
        List<Layer> out = new ArrayList<>();
        Deque<Layer> todo = new ArrayDeque<>();
        todo.push(model);
        while (!todo.isEmpty()) {
            Layer l = todo.pop();
            out.add(l);
            for (Layer inner : l.innerLayers()) todo.push(inner);
        }
        return out;
    }
}
