package dev.nabla.layers;

import java.util.Locale;

/**
 * Keras's {@code model.summary()} table: columns end at 29, 55 and 65 characters (line length
 * 65, positions .45, .85, 1), a functional model lists its InputLayer first, rows are separated
 * by underscores, and the totals use thousands separators.
 */
final class Summary {
    private static final int[] COLUMNS = {29, 55, 65};

    private Summary() {}

    static String of(Model model) {
        if (!model.built()) {
            throw new IllegalStateException("model '" + model.name() + "' has not yet been built: call it on data, fit it, "
                    + "or give its input shape (Sequential.inputShape, or the functional API) before summary()");
        }
        StringBuilder sb = new StringBuilder();
        String underscores = "_".repeat(65), equals = "=".repeat(65);
        sb.append("Model: \"").append(model.name()).append("\"\n").append(underscores).append('\n');
        row(sb, "Layer (type)", "Output Shape", "Param #");
        sb.append(equals).append('\n');
        int[] shape = model.inputShape();
        boolean first = true;
        if (model.input() != null) {
            row(sb, model.input().name() + " (InputLayer)", "[" + Layer.batchShape(shape) + "]", "0");
            first = false;
        }
        for (Layer l : model.layers()) {
            if (!first) sb.append(underscores).append('\n');
            first = false;
            // A layer's own input shape, where it has one: a subclass's forward need not be a chain.
            shape = l.computeOutputShape(l.built() ? l.inputShape() : shape);
            row(sb, l.name() + " (" + l.typeName() + ")", Layer.batchShape(shape), Long.toString(l.countParams()));
        }
        long total = model.countParams(), trainable = Layer.sizeOf(model.trainableWeights());
        sb.append(equals).append('\n');
        sb.append(String.format(Locale.ROOT, "Total params: %,d\n", total));
        sb.append(String.format(Locale.ROOT, "Trainable params: %,d\n", trainable));
        sb.append(String.format(Locale.ROOT, "Non-trainable params: %,d\n", total - trainable));
        sb.append(underscores).append('\n');
        return sb.toString();
    }

    private static void row(StringBuilder sb, String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) line.setCharAt(line.length() - 1, ' '); // a cut field still leaves a gap, as Keras's print_row
            line.append(fields[i]);
            if (line.length() > COLUMNS[i]) line.setLength(COLUMNS[i]);
            while (line.length() < COLUMNS[i]) line.append(' ');
        }
        sb.append(line).append('\n');
    }
}
