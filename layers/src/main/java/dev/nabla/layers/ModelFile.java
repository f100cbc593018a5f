package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.losses.Losses;
import dev.nabla.layers.losses.Metric;
import dev.nabla.layers.losses.Metrics;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.Optimizers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A whole model in one file, as Keras's {@code .keras}: a zip archive, written atomically, of
 * <ul>
 *   <li>{@code metadata.json}: the format's name and version;</li>
 *   <li>{@code config.json}: the architecture (each layer's type, name, trainable flag and
 *       {@link Layer#config()}, nested for models), the input shape it was built for, and the
 *       compiled loss and metrics when they are built-in ones;</li>
 *   <li>{@code model.weights.safetensors}: every weight, named {@code layer/weight};</li>
 *   <li>{@code optimizer.json} and {@code optimizer.safetensors}: the optimizer's type,
 *       hyperparameters and step count, and each trainable weight's slots
 *       ({@code layer/weight/slot0}, …), when the model is compiled.</li>
 * </ul>
 * Entries are stored uncompressed; reading refuses a compressed entry and any entry larger than
 * the file, so that no archive costs more memory than its size. The same entries, without the
 * architecture, make {@link BackupAndRestore}'s backups of a live model.
 */
final class ModelFile {
    static final String FORMAT = "nabla.model";
    static final int VERSION = 1;
    /** The largest JSON entry read. */
    private static final long MAX_JSON_BYTES = 16 << 20;

    private ModelFile() {}

    // ---------------------------------------------------------------- writing

    static void save(Model model, Path path) {
        requireBuilt(model, "Model.save");
        Map<String, Object> config = LayerConfig.of("model", LayerConfig.entry(model), "build_input_shape", LayerConfig.shape(model.inputShape()));
        Map<String, Object> compile = compileConfig(model);
        if (compile != null) config.put("compile", compile);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("config.json", json(config));
        write(model, path, entries, "Model.save");
    }

    /** The weights and optimizer state of a live model, with {@code training} (epoch, random state) beside them. */
    static void saveState(Model model, Path path, Map<String, Object> training) {
        requireBuilt(model, "BackupAndRestore");
        write(model, path, Map.of("training.json", json(training)), "BackupAndRestore");
    }

    private static void write(Model model, Path path, Map<String, byte[]> entries, String who) {
        try {
            Map<String, byte[]> all = new LinkedHashMap<>();
            all.put("metadata.json", json(LayerConfig.of("format", FORMAT, "version", VERSION)));
            all.putAll(entries);
            all.put("model.weights.safetensors", SafeTensors.bytes(model.weights()));
            Optimizer o = model.optimizer();
            if (o != null) {
                List<Tensor> params = model.trainableWeights();
                all.put("optimizer.json", json(LayerConfig.of("class_name", o.getClass().getSimpleName(), "config", o.config(), "iterations", o.iterations())));
                all.put("optimizer.safetensors", SafeTensors.bytes(slotTensors(params, o.slots(params))));
            }
            AtomicFile.write(path, ch -> {
                ZipOutputStream zip = new ZipOutputStream(Channels.newOutputStream(ch));
                for (Map.Entry<String, byte[]> e : all.entrySet()) {
                    zip.putNextEntry(stored(e.getKey(), e.getValue()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
                zip.finish();                   // the channel stays open: AtomicFile syncs and closes it
            });
        } catch (IOException e) {
            throw new UncheckedIOException(who + ": cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** An uncompressed entry, whose size and checksum a stored entry must declare before its bytes. */
    private static ZipEntry stored(String name, byte[] bytes) {
        ZipEntry z = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        z.setMethod(ZipEntry.STORED);
        z.setSize(bytes.length);
        z.setCompressedSize(bytes.length);
        z.setCrc(crc.getValue());
        return z;
    }

    private static Map<String, Object> compileConfig(Model model) {
        if (model.loss() == null || !Losses.isBuiltIn(model.loss())) return null;
        List<String> metrics = new ArrayList<>();
        for (Metric m : model.metrics()) {
            if (!Metrics.isBuiltIn(m)) return null;
            metrics.add(m.name());
        }
        return LayerConfig.of("loss", model.loss().name(), "from_logits", model.loss().fromLogits(), "metrics", metrics);
    }

    /** Each parameter's slots as tensors named {@code weight/slot0}, …. */
    private static List<Tensor> slotTensors(List<Tensor> params, List<float[][]> slots) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            for (int k = 0; k < slots.get(i).length; k++) {
                out.add(Tensor.of(slots.get(i)[k], params.get(i).size()).name(params.get(i).name() + "/slot" + k));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- reading

    /** Rebuilds the model a file holds, its weights, and its compiled loss, metrics and optimizer state when it has them. */
    static Model load(Path path, Map<String, LayerFactory> custom) {
        return read(path, "Model.load", zip -> {
            Map<String, Object> config = zip.json("config.json");
            LayerConfig top = new LayerConfig("config.json", config, null, null);
            Map<String, LayerFactory> factories = new HashMap<>(LayerTypes.BUILT_IN);
            factories.putAll(custom);
            Layer layer = new LayerReader(factories).read(top.object("model"));
            if (!(layer instanceof Model model)) throw new IllegalArgumentException("config.json holds a " + layer.typeName() + ", not a model");
            model.build(top.shape("build_input_shape"));
            SafeTensors.readInto(zip.entry("model.weights.safetensors"), model.weights());
            if (config.containsKey("compile")) compile(model, new LayerConfig("config.json, compile", top.object("compile"), null, null), zip);
            top.requireAllRead();
            return model;
        });
    }

    /** Restores a live model's weights and optimizer state from {@link #saveState}'s file; returns its training entry. */
    static Map<String, Object> restoreState(Model model, Path path) {
        return read(path, "BackupAndRestore", zip -> {
            Map<String, Object> training = zip.json("training.json");
            Optimizer o = model.optimizer();
            List<Tensor> params = model.trainableWeights();
            List<float[][]> slots = null;
            SavedOptimizer saved = null;
            if (o != null) {
                saved = SavedOptimizer.read(zip);
                if (!saved.type.equals(o.getClass().getSimpleName())) {
                    throw new IllegalArgumentException("the backup's optimizer is " + saved.type + ", the model's " + o.getClass().getSimpleName());
                }
                slots = saved.slots(zip, params, o.slotCount());
            }
            SafeTensors.readInto(zip.entry("model.weights.safetensors"), model.weights());    // all or nothing, like what follows
            if (o != null) o.restore(saved.iterations, params, slots);
            return training;
        });
    }

    private static void compile(Model model, LayerConfig c, Zip zip) throws IOException {
        List<Metric> metrics = new ArrayList<>();
        for (String name : c.texts("metrics")) metrics.add(Metrics.named(name));
        var loss = Losses.named(c.text("loss"), c.flag("from_logits"));
        c.requireAllRead();
        List<Tensor> params = model.trainableWeights();
        SavedOptimizer saved = SavedOptimizer.read(zip);
        Optimizer o = Optimizers.create(saved.type, saved.config);
        o.restore(saved.iterations, params, saved.slots(zip, params, o.slotCount()));
        model.compile(loss, o, metrics.toArray(Metric[]::new));
    }

    /** optimizer.json: the optimizer's type, hyperparameters and step count. */
    private record SavedOptimizer(String type, Map<String, Float> config, long iterations) {
        static SavedOptimizer read(Zip zip) throws IOException {
            LayerConfig c = new LayerConfig("optimizer.json", zip.json("optimizer.json"), null, null);
            String type = c.text("class_name");
            Map<String, Object> stored = c.object("config");
            LayerConfig hyper = new LayerConfig("optimizer.json, config", stored, null, null);
            Map<String, Float> config = new LinkedHashMap<>();
            for (String key : stored.keySet()) config.put(key, hyper.real(key));
            long iterations = c.count("iterations");
            c.requireAllRead();
            return new SavedOptimizer(type, config, iterations);
        }

        /** optimizer.safetensors: {@code slotCount} slots for each parameter, in the parameters' order. */
        List<float[][]> slots(Zip zip, List<Tensor> params, int slotCount) throws IOException {
            List<Tensor> targets = new ArrayList<>();
            for (Tensor p : params) for (int k = 0; k < slotCount; k++) targets.add(Tensor.zeros(p.size()).name(p.name() + "/slot" + k));
            SafeTensors.readInto(zip.entry("optimizer.safetensors"), targets);
            List<float[][]> slots = new ArrayList<>();
            for (int i = 0; i < params.size(); i++) {
                float[][] s = new float[slotCount][];
                for (int k = 0; k < slotCount; k++) s[k] = targets.get(i * slotCount + k).toArray();
                slots.add(s);
            }
            return slots;
        }
    }

    /** An open model file, its entries checked as they are read. */
    interface Zip {
        Path entry(String name) throws IOException;

        Map<String, Object> json(String name) throws IOException;
    }

    interface ZipReader<T> {
        T read(Zip zip) throws IOException;
    }

    /**
     * Opens the archive, checks its metadata and runs {@code reader}; every failure becomes one
     * message naming the file and what was wrong with it.
     */
    private static <T> T read(Path path, String who, ZipReader<T> reader) {
        if (!Files.isRegularFile(path)) throw new IllegalArgumentException(who + ": " + path + ": no such file");
        long fileSize;
        try {
            fileSize = Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(who + ": cannot read " + path + ": " + e.getMessage(), e);
        }
        try (FileSystem fs = FileSystems.newFileSystem(path)) {
            Zip zip = new Zip() {
                @Override
                public Path entry(String name) throws IOException {
                    Path e = fs.getPath(name);
                    if (!Files.isRegularFile(e)) throw new IllegalArgumentException("it has no " + name);
                    if (!Integer.valueOf(ZipEntry.STORED).equals(Files.getAttribute(e, "zip:method"))) {
                        throw new IllegalArgumentException(name + " is compressed; model files store their entries uncompressed");
                    }
                    if (Files.size(e) > fileSize) throw new IllegalArgumentException(name + " declares " + Files.size(e) + " bytes in a file of " + fileSize);
                    return e;
                }

                @Override
                public Map<String, Object> json(String name) throws IOException {
                    Path e = entry(name);
                    if (Files.size(e) > MAX_JSON_BYTES) throw new IllegalArgumentException(name + " is " + Files.size(e) + " bytes, more than the " + MAX_JSON_BYTES + " a JSON entry may have");
                    if (!(Json.parse(Files.readString(e, StandardCharsets.US_ASCII)) instanceof Map<?, ?> m)) throw new IllegalArgumentException(name + " is not a JSON object");
                    return LayerConfig.cast(m);
                }
            };
            checkMetadata(zip.json("metadata.json"));
            return reader.read(zip);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(who + ": " + path + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(who + ": " + path + " is not a readable model file (" + e + ")", e);
        }
    }

    private static void checkMetadata(Map<String, Object> metadata) {
        LayerConfig m = new LayerConfig("metadata.json", metadata, null, null);
        if (!FORMAT.equals(m.text("format"))) throw new IllegalArgumentException("not a nabla model file (its format is '" + metadata.get("format") + "')");
        int version = m.integer("version");
        if (version > VERSION) {
            throw new IllegalArgumentException("it was written by a newer nabla (model file version " + version + "); this one reads version " + VERSION + " and older");
        }
    }

    /** Rebuilds layers from their entries, remembering each by name for the layers tied to it. */
    private static final class LayerReader {
        private final Map<String, LayerFactory> factories;
        private final Map<String, Layer> byName = new HashMap<>();

        LayerReader(Map<String, LayerFactory> factories) {
            this.factories = factories;
        }

        Layer read(Map<String, Object> entry) {
            LayerConfig e = new LayerConfig("a layer entry", entry, null, null);
            String type = e.text("class_name"), name = e.text("name");
            boolean trainable = e.flag("trainable");
            LayerFactory factory = factories.get(type);
            if (factory == null) {
                throw new IllegalArgumentException("layer '" + name + "' has the type '" + type + "', which nabla does not know; "
                        + "for a layer of your own, give Model.load a LayerFactory under that name");
            }
            LayerConfig c = new LayerConfig("layer '" + name + "' (" + type + ")", e.object("config"), this::read, byName::get);
            Layer layer = factory.create(c);
            c.requireAllRead();
            e.requireAllRead();
            layer.named(name).trainable(trainable);
            byName.put(name, layer);
            return layer;
        }
    }

    private static byte[] json(Object value) {
        return Json.write(value).getBytes(StandardCharsets.US_ASCII);
    }

    private static void requireBuilt(Model model, String who) {
        if (!model.built()) throw new IllegalStateException(who + ": model '" + model.name() + "' has no weights yet: build it (call it, fit it, or give inputShape) first");
    }
}
