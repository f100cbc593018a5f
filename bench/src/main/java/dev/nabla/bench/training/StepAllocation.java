package dev.nabla.bench.training;

import dev.nabla.engine.Tensor;
import dev.nabla.layers.Callback;
import dev.nabla.layers.Fit;
import dev.nabla.layers.LayerScope;
import dev.nabla.layers.Model;
import dev.nabla.layers.losses.Losses;
import dev.nabla.optim.Adam;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Bytes allocated per training step in steady state, all threads together
 * ({@code com.sun.management.ThreadMXBean.getTotalThreadAllocatedBytes}), for the HOML stacked,
 * convolutional and recurrent autoencoders trained by {@code fit} with batch 32 on random
 * images: one epoch of {@code steps} batches (default 2,000), and the median, least and most of
 * the last 200 steps' allocations. Prints one line per model, {@code ALLOCATION model median min max}
 * in bytes. Arguments: {@code [stacked|conv|recurrent ...] [--steps N]}.
 */
public final class StepAllocation {
    private static final int MEASURED = 200;

    private StepAllocation() {}

    public static void main(String[] args) {
        int steps = 2000;
        var models = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--steps")) steps = Integer.parseInt(args[++i]);
            else models.add(args[i]);
        }
        if (models.isEmpty()) models.addAll(List.of("stacked", "conv", "recurrent"));
        for (String name : models) {
            long[] bytes = perStep(model(name), steps);
            System.out.printf("ALLOCATION %s %d %d %d%n", name, bytes[MEASURED / 2], bytes[0], bytes[MEASURED - 1]);
        }
    }

    static Supplier<Model> model(String name) {
        return switch (name) {
            case "stacked" -> StackedAutoencoderEpoch::model;
            case "conv" -> ConvAutoencoderEpoch::model;
            case "recurrent" -> RecurrentAutoencoderEpoch::model;
            default -> throw new IllegalArgumentException("unknown model '" + name + "': use stacked, conv or recurrent");
        };
    }

    /** The last {@link #MEASURED} steps' allocations, sorted. */
    static long[] perStep(Supplier<Model> build, int steps) {
        Model model;
        try (var scope = LayerScope.open(42)) {
            model = build.get();
        }
        model.compile(Losses.binaryCrossEntropy(), new Adam());
        Tensor x = Tensor.uniform(new SplittableRandom(1), 0, 1, 32 * steps, 28, 28);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] after = new long[steps + 1];
        Callback meter = new Callback() {
            @Override
            public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
                after[batch] = threads.getTotalThreadAllocatedBytes();
            }
        };
        model.fit(x, x, Fit.epochs(1).verbose(false).callbacks(meter));
        long[] step = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) step[i] = after[steps - i] - after[steps - i - 1];
        Arrays.sort(step);
        return step;
    }
}
