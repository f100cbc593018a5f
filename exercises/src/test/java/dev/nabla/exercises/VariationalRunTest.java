package dev.nabla.exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** homl-vae on the shipped Fashion-MNIST sample: 2 epochs on 320 images, 29 validation images. */
class VariationalRunTest {
    @TempDir Path dir;

    @Test
    void trainsInBatchesOf128AndDrawsReconstructionsGeneratedImagesAndTheLatentMap() throws Exception {
        CapturedRun run = CapturedRun.of(Exercises.byId("homl-vae"), new Options(OptionalInt.of(2), OptionalInt.of(320), 42, dir));
        Result result = run.result();
        String text = run.text();
        assertTrue(text.contains("sampling (Sampling)          (None, 10)                0"), "the encoder's summary:\n" + text);
        assertTrue(text.contains("Total params: 269,504"), "the autoencoder's summary:\n" + text);
        assertTrue(text.contains("\nEpoch 2/2\n3/3 [="), "320 images in batches of 128:\n" + text);
        assertTrue(text.contains("t-SNE of 29 codes of dimension 10"), text);
        assertEquals(Target.Verdict.REPORT, result.verdict());
        assertTrue(Double.isFinite(result.figure()) && result.figure() > 0, result.line());
        assertTrue(result.trainingLosses().get(0)[1] < result.trainingLosses().get(0)[0], "the loss falls");
        List<String> names = result.pictures().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("homl-vae-reconstructions.png", "homl-vae-generated.png", "homl-vae-latent-map.png", "homl-vae-loss.png"), names);
    }
}
