package dev.nabla.layers;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.losses.Losses;
import dev.nabla.layers.losses.Metrics;
import dev.nabla.layers.regularizers.L1;
import dev.nabla.optim.Adam;
import dev.nabla.optim.Nadam;
import dev.nabla.optim.RMSprop;
import dev.nabla.optim.SGD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static dev.nabla.layers.Activation.GELU;
import static dev.nabla.layers.Activation.RELU;
import static dev.nabla.layers.Activation.SELU;
import static dev.nabla.layers.Activation.SIGMOID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFileTest {
    @TempDir
    Path dir;

    private static Tensor data(long seed, int... shape) {
        return Tensor.uniform(new SplittableRandom(seed), 0, 1, shape);
    }

    /** Saves, loads, and checks that the loaded model prints the same summary and predicts the same bits. */
    private Model roundTrip(Model model, Tensor x) {
        Path file = dir.resolve(model.name() + ".nabla");
        model.save(file);
        Model loaded = Model.load(file);
        assertEquals(model.summary(), loaded.summary());
        assertArrayEquals(model.predict(x).toArray(), loaded.predict(x).toArray(), "the same predictions, bit for bit");
        return loaded;
    }

    @Test
    void nestedSequentialsWithRegularisersRoundTrip() {
        try (var s = LayerScope.open(1)) {
            Sequential encoder = new Sequential(new Flatten(), new Dense(20, SELU).activityRegularizer(new L1(1e-3f)), new GaussianNoise(0.1f), new Dense(5, GELU));
            Sequential decoder = new Sequential(new Dense(20, SELU), new Dropout(0.3f), new Dense(36, SIGMOID), new Reshape(6, 6), new ActivityRegularization(0.01f, 0.02f));
            roundTrip(new Sequential(encoder, decoder).inputShape(6, 6), data(2, 4, 6, 6));
        }
    }

    @Test
    void convolutionalLayersRoundTrip() {
        try (var s = LayerScope.open(3)) {
            Sequential m = new Sequential(
                    new Conv2D(4, new int[] {3, 2}, new int[] {1, 2}, "same", RELU), new BatchNormalization(0.9f, 1e-2f), new LeakyReLU(0.2f),
                    new MaxPool2D(2, 2, "same"), new Conv2DTranspose(3, new int[] {3, 3}, new int[] {2, 2}, "same", new int[] {1, 0}, SELU),
                    new UpSampling2D(2), new Conv2D(1, 3)).inputShape(8, 8, 2);
            roundTrip(m, data(4, 3, 8, 8, 2));
        }
    }

    @Test
    void recurrentLayersOnSequencesOfAnyLengthRoundTrip() {
        try (var s = LayerScope.open(5)) {
            SymbolicTensor in = Input.of(Input.NONE, 3);
            SymbolicTensor t = new LSTM(6, true).apply(in);
            t = new LSTM(4).apply(t);
            t = new RepeatVector(5).apply(t);
            t = new TimeDistributed(new Dense(3)).apply(t);
            Model m = new Model(in, t);
            roundTrip(m, data(6, 2, 7, 3));
        }
    }

    @Test
    void aTiedDecoderStaysTiedAfterLoading() {
        try (var s = LayerScope.open(7)) {
            Dense d1 = new Dense(8, SELU), d2 = new Dense(3, SELU);
            Sequential tied = new Sequential(new Sequential(new Flatten(), d1, d2),
                    new Sequential(new DenseTranspose(d2, SELU), new DenseTranspose(d1, SIGMOID), new Reshape(4, 4))).inputShape(4, 4);
            Model loaded = roundTrip(tied, data(8, 2, 4, 4));
            assertEquals(tied.countParams(), loaded.countParams(), "the tied kernels counted once");
            Sequential decoder = (Sequential) loaded.layers().get(1);
            Dense encoderLast = (Dense) ((Sequential) loaded.layers().get(0)).layers().get(2);
            assertTrue(((Dense) decoder.layers().getFirst()).kernel() == encoderLast.kernel(), "the decoder uses the loaded encoder's kernel");
        }
    }

    /** Trains a model a few steps, saves it, and checks that the loaded one continues exactly as the original does. */
    private void continuesLikeTheOriginal(Supplier<dev.nabla.optim.Optimizer> optimizer) {
        try (var s = LayerScope.open(9)) {
            Sequential m = new Sequential(new Dense(6, RELU), new Dense(2, SIGMOID)).inputShape(4);
            m.compile(Losses.binaryCrossEntropy(), optimizer.get(), Metrics.ACCURACY);
            Tensor x = data(10, 8, 4), y = Tensor.of(new float[] {0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0}, 8, 2);
            for (int i = 0; i < 3; i++) m.trainStep(x, y);
            Path file = dir.resolve("trained.nabla");
            m.save(file);
            Model loaded = Model.load(file);
            assertEquals(m.optimizer().config(), loaded.optimizer().config());
            assertEquals(3, loaded.optimizer().iterations());
            assertEquals(List.of("accuracy"), loaded.metrics().stream().map(dev.nabla.layers.losses.Metric::name).toList());
            for (int i = 0; i < 3; i++) assertEquals(m.trainStep(x, y), loaded.trainStep(x, y));
            for (int i = 0; i < m.weights().size(); i++) assertArrayEquals(m.weights().get(i).toArray(), loaded.weights().get(i).toArray());
        }
    }

    @Test
    void theOptimizerStateMakesTrainingContinueBitForBit() {
        continuesLikeTheOriginal(Adam::new);
        continuesLikeTheOriginal(Nadam::new);
        continuesLikeTheOriginal(RMSprop::new);
        continuesLikeTheOriginal(() -> new SGD(0.1f, 0.9f, true));
    }

    @Test
    void fromLogitsIsKept() {
        try (var s = LayerScope.open(11)) {
            Sequential m = new Sequential(new Dense(3)).inputShape(2);
            m.compile(Losses.categoricalCrossEntropy(true), new Adam());
            Path file = dir.resolve("logits.nabla");
            m.save(file);
            Model loaded = Model.load(file);
            assertEquals("categorical_crossentropy", loaded.loss().name());
            assertTrue(loaded.loss().fromLogits());
        }
    }

    /** A user's layer: y = scale · x. */
    static final class Scale extends Layer {
        final float scale;

        Scale(float scale) { this.scale = scale; }

        @Override
        protected Tensor forward(Tensor x, boolean training) { return x.mul(scale); }

        @Override
        public int[] computeOutputShape(int[] in) { return in.clone(); }

        @Override
        protected Map<String, Object> config() { return Map.of("scale", scale); }
    }

    @Test
    void aLayerOfYourOwnNeedsAConfigToBeSavedAndAFactoryToBeLoaded() {
        try (var s = LayerScope.open(13)) {
            Sequential m = new Sequential(new Dense(3), new Scale(2.5f)).inputShape(2);
            Path file = dir.resolve("custom.nabla");
            m.save(file);
            var unknown = assertThrows(IllegalArgumentException.class, () -> Model.load(file));
            assertTrue(unknown.getMessage().contains("layer 'scale' has the type 'Scale', which nabla does not know"), unknown.getMessage());
            Model loaded = Model.load(file, Map.of("Scale", c -> new Scale(c.real("scale"))));
            Tensor x = data(14, 3, 2);
            assertArrayEquals(m.predict(x).toArray(), loaded.predict(x).toArray());

            Layer noConfig = new Layer() {
                @Override
                protected Tensor forward(Tensor x1, boolean training) { return x1; }

                @Override
                public int[] computeOutputShape(int[] in) { return in.clone(); }
            };
            Sequential plain = new Sequential(new Dense(3), noConfig).inputShape(2);
            Path other = dir.resolve("plain.nabla");
            var e = assertThrows(IllegalArgumentException.class, () -> plain.save(other));
            assertTrue(e.getMessage().contains("cannot be saved in a model file: it has no config()"), e.getMessage());
            assertFalse(Files.exists(other), "nothing written");
        }
    }

    /** The entries of a model file, one of them replaced, written again uncompressed. */
    private Path rewritten(Path file, String entry, String contents) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        entries.put(entry, contents.getBytes(StandardCharsets.US_ASCII));
        Path out = dir.resolve("edited-" + entry + ".nabla");
        try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (var e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                z.setMethod(ZipEntry.STORED);
                z.setSize(e.getValue().length);
                z.setCrc(crc.getValue());
                zip.putNextEntry(z);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out;
    }

    @Test
    void unknownTypesNewerVersionsAndDamagedFilesAreRefusedByName() throws IOException {
        try (var s = LayerScope.open(15)) {
            Sequential m = new Sequential(new Dense(3).named("dense")).named("net").inputShape(2);
            Path file = dir.resolve("m.nabla");
            m.save(file);

            var newer = assertThrows(IllegalArgumentException.class, () -> Model.load(rewritten(file, "metadata.json", "{\"format\":\"nabla.model\",\"version\":2}")));
            assertTrue(newer.getMessage().endsWith("it was written by a newer nabla (model file version 2); this one reads version 1 and older"), newer.getMessage());

            String config = Files.exists(file) ? configOf(file) : null;
            var unknown = assertThrows(IllegalArgumentException.class, () -> Model.load(rewritten(file, "config.json", config.replace("\"Dense\"", "\"Dense3D\""))));
            assertTrue(unknown.getMessage().contains("layer 'dense' has the type 'Dense3D', which nabla does not know"), unknown.getMessage());

            var extra = assertThrows(IllegalArgumentException.class, () -> Model.load(rewritten(file, "config.json", config.replace("\"units\":3", "\"units\":3,\"bias\":7"))));
            assertTrue(extra.getMessage().contains("layer 'dense' (Dense) has arguments it does not take: [bias]"), extra.getMessage());

            var badUnits = assertThrows(IllegalArgumentException.class, () -> Model.load(rewritten(file, "config.json", config.replace("\"units\":3", "\"units\":\"three\""))));
            assertTrue(badUnits.getMessage().contains("layer 'dense' (Dense): 'units' must be a number"), badUnits.getMessage());

            Path truncated = dir.resolve("truncated.nabla");
            byte[] bytes = Files.readAllBytes(file);
            Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            var cut = assertThrows(IllegalArgumentException.class, () -> Model.load(truncated));
            assertTrue(cut.getMessage().startsWith("Model.load: " + truncated + " is not a readable model file"), cut.getMessage());

            var missing = assertThrows(IllegalArgumentException.class, () -> Model.load(dir.resolve("nothing.nabla")));
            assertEquals("Model.load: " + dir.resolve("nothing.nabla") + ": no such file", missing.getMessage());
        }
    }

    private static String configOf(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void anUncompiledModelHasNoOptimizerEntries() throws IOException {
        try (var s = LayerScope.open(17)) {
            Sequential m = new Sequential(new Dense(3)).inputShape(2);
            Path file = dir.resolve("u.nabla");
            m.save(file);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                assertNull(zip.getEntry("optimizer.json"));
                assertEquals(ZipEntry.STORED, zip.getEntry("model.weights.safetensors").getMethod());
            }
            assertNull(Model.load(file).optimizer());
        }
    }
}
