package dev.nabla.engine.kernels;

/**
 * Walks the rows of a strided n-d layout: every position of the outer axes (all but the last) in
 * row-major order, carrying one storage position per operand, and hands each row (the last axis)
 * to a kernel together with each operand's stride along it. Shared by broadcasting binary ops
 * and strided copies.
 */
final class RowWalk {
    private RowWalk() {}

    interface Row {
        /** Processes one row of {@code len} elements starting at {@code pos[i]} with stride {@code step[i]}. */
        void run(int[] pos, int[] step, int len);
    }

    /**
     * @param shape   the shape walked (rank ≥ 1)
     * @param strides per operand, its stride along each axis of {@code shape} (0 to broadcast)
     * @param start   per operand, its starting storage position
     */
    static void walk(int[] shape, int[][] strides, int[] start, Row row) {
        int rank = shape.length, ops = start.length;
        int len = shape[rank - 1];
        int rows = 1;
        for (int ax = 0; ax < rank - 1; ax++) rows *= shape[ax];
        if (rows == 0 || len == 0) return;
        int[] pos = start.clone(), step = new int[ops], idx = new int[rank - 1];
        for (int k = 0; k < ops; k++) step[k] = strides[k][rank - 1];
        for (int r = 0; r < rows; r++) {
            row.run(pos, step, len);
            // Odometer over the outer axes: bump the last one, carrying into earlier ones.
            for (int ax = rank - 2; ax >= 0; ax--) {
                if (++idx[ax] < shape[ax]) {
                    for (int k = 0; k < ops; k++) pos[k] += strides[k][ax];
                    break;
                }
                idx[ax] = 0;
                for (int k = 0; k < ops; k++) pos[k] -= strides[k][ax] * (shape[ax] - 1);
            }
        }
    }
}
