package dev.nabla.exercises.embed;

import java.util.Arrays;

/**
 * A Barnes–Hut quadtree over 2-D points: each cell keeps the number of points under it and their
 * centre of mass, so that a far-away group of points can act on a point as one heavy point.
 * Nodes live in flat arrays (node 0 is the root; a node's four children are consecutive).
 */
final class QuadTree {
    private static final int MAX_DEPTH = 48;

    private int nodes;
    private double[] cx, cy, half;        // cell centre and half-width
    private double[] comX, comY;          // centre of mass of the points in the cell
    private int[] count, firstChild;      // firstChild = -1 for a leaf

    /** Builds the tree of the n points {@code y} (x0, y0, x1, y1, ...). */
    QuadTree(double[] y, int n) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minY = minX, maxY = maxX;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, y[2 * i]); maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]); maxY = Math.max(maxY, y[2 * i + 1]);
        }
        int capacity = Math.max(16, 4 * n);
        cx = new double[capacity]; cy = new double[capacity]; half = new double[capacity];
        comX = new double[capacity]; comY = new double[capacity];
        count = new int[capacity]; firstChild = new int[capacity];
        double h = Math.max(maxX - minX, maxY - minY) / 2 * (1 + 1e-6) + 1e-12;
        newNode((minX + maxX) / 2, (minY + maxY) / 2, h);
        for (int i = 0; i < n; i++) insert(y[2 * i], y[2 * i + 1]);
    }

    private int newNode(double x, double y, double h) {
        if (nodes + 1 > cx.length) grow();
        int id = nodes++;
        cx[id] = x; cy[id] = y; half[id] = h;
        comX[id] = 0; comY[id] = 0; count[id] = 0; firstChild[id] = -1;
        return id;
    }

    private void grow() {
        int c = cx.length * 2;
        cx = Arrays.copyOf(cx, c); cy = Arrays.copyOf(cy, c); half = Arrays.copyOf(half, c);
        comX = Arrays.copyOf(comX, c); comY = Arrays.copyOf(comY, c);
        count = Arrays.copyOf(count, c); firstChild = Arrays.copyOf(firstChild, c);
    }

    private void insert(double x, double y) {
        int node = 0;
        for (int depth = 0; ; depth++) {
            int before = count[node];
            if (firstChild[node] < 0) {
                // A leaf: empty, or holding `before` points at (comX, comY).
                boolean sameSpot = before > 0 && comX[node] == x && comY[node] == y;
                if (before == 0 || sameSpot || depth >= MAX_DEPTH) {
                    addMass(node, x, y);
                    return;
                }
                split(node);
            }
            addMass(node, x, y);
            node = child(node, x, y);
        }
    }

    /** Turns a leaf into an internal node, moving its points (all at one spot) into a child. */
    private void split(int node) {
        double h = half[node] / 2;
        int first = newNode(cx[node] - h, cy[node] - h, h);
        newNode(cx[node] + h, cy[node] - h, h);
        newNode(cx[node] - h, cy[node] + h, h);
        newNode(cx[node] + h, cy[node] + h, h);
        firstChild[node] = first;
        int c = child(node, comX[node], comY[node]);
        comX[c] = comX[node]; comY[c] = comY[node]; count[c] = count[node];
    }

    private void addMass(int node, double x, double y) {
        int c = count[node];
        comX[node] = (comX[node] * c + x) / (c + 1);
        comY[node] = (comY[node] * c + y) / (c + 1);
        count[node] = c + 1;
    }

    private int child(int node, double x, double y) {
        return firstChild[node] + (x >= cx[node] ? 1 : 0) + (y >= cy[node] ? 2 : 0);
    }

    /**
     * The repulsive part of the t-SNE gradient at point (x, y), which is itself in the tree:
     * accumulates Σ_j q_ij² Z² (y_i − y_j) into {@code force[0..1]} and returns Σ_j q_ij Z,
     * with q_ij Z = 1 / (1 + |y_i − y_j|²). A cell whose width w seen from the point at distance
     * r satisfies w / r < θ is used as one point of weight count at its centre of mass.
     */
    double repulsion(double x, double y, double theta, double[] force, int[] stack) {
        double sumQ = 0, fx = 0, fy = 0, theta2 = theta * theta;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            int size = count[node];
            if (size == 0) continue;
            double dx = x - comX[node], dy = y - comY[node], d2 = dx * dx + dy * dy;
            boolean leaf = firstChild[node] < 0;
            double width = 2 * half[node];
            if (leaf || width * width < theta2 * d2) {
                if (leaf && d2 == 0) size--;          // the point itself (and exact duplicates) exert no force
                double q = 1 / (1 + d2);
                sumQ += size * q;
                double m = size * q * q;
                fx += m * dx;
                fy += m * dy;
            } else {
                if (top + 4 > stack.length) throw new IllegalStateException("quadtree deeper than its traversal stack");
                for (int c = 0; c < 4; c++) stack[top++] = firstChild[node] + c;
            }
        }
        force[0] = fx;
        force[1] = fy;
        return sumQ;
    }

    /** A traversal stack large enough for this tree. */
    int[] newStack() {
        return new int[4 * MAX_DEPTH + 8];
    }
}
