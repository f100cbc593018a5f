package dev.nabla.layers;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares the rows of a summary() table by type, output shape and parameter count. The table's
 * columns are fixed (name and type to 29 characters, output shape to 55), and Keras cuts a long
 * "name (Type)" at the column's end, so a type matches when it is a prefix of the expected one.
 */
final class SummaryRows {
    private SummaryRows() {}

    /** Each expected row as "Type|output shape|params", e.g. "Conv2D|(None, 28, 28, 16)|160". */
    static void assertRows(String summary, String... expected) {
        List<String[]> rows = new ArrayList<>();
        for (String line : summary.split("\n")) {
            if (line.length() < 56 || line.startsWith("Layer (type)") || line.startsWith("Model:") || line.startsWith("_") || line.startsWith("=")) continue;
            String nameAndType = line.substring(0, 29);
            String type = nameAndType.substring(nameAndType.indexOf(" (") + 2).trim().replace(")", "");
            rows.add(new String[] {type, line.substring(29, 55).trim(), line.substring(55).trim()});
        }
        assertEquals(expected.length, rows.size(), summary);
        for (int i = 0; i < expected.length; i++) {
            String[] want = expected[i].split("\\|");
            String[] got = rows.get(i);
            assertTrue(want[0].startsWith(got[0]) && got[0].length() >= Math.min(want[0].length(), 6), "row " + i + " type " + got[0] + " vs " + want[0] + "\n" + summary);
            assertEquals(want[1], got[1], "row " + i + " output shape\n" + summary);
            assertEquals(want[2], got[2], "row " + i + " params\n" + summary);
        }
    }
}
