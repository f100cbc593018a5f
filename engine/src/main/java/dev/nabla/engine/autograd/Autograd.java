package dev.nabla.engine.autograd;

import dev.nabla.engine.Shape;
import dev.nabla.engine.Tensor;
import dev.nabla.engine.profile.Profiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Records operations as they run (define-by-run) and runs reverse-mode differentiation. */
public final class Autograd {
    private Autograd() {}

    /**
     * Attaches {@code out} to the graph when recording is on and any input requires a gradient;
     * otherwise returns {@code out} untouched and the backward closure is dropped. An optional
     * input that is absent is passed as null: it needs no gradient.
     */
    public static Tensor record(Tensor out, String op, Backward backward, Tensor... inputs) {
        Profiler.forward(op);
        if (Trace.anomaly()) Anomaly.checkForward(out, op, inputs);
        if (!GradMode.isEnabled()) return out;
        boolean[] needs = new boolean[inputs.length];
        boolean any = false;
        for (int i = 0; i < inputs.length; i++) {
            needs[i] = inputs[i] != null && inputs[i].requiresGrad();
            any |= needs[i];
        }
        if (any) out.attach(new Node(op, inputs.clone(), needs, backward, Trace.here()));
        return out;
    }

    /**
     * Anomaly mode, as PyTorch's {@code detect_anomaly}: while the returned scope is open (or
     * until called with false), every op's output is checked for NaN and infinities, every node
     * remembers where it was created, and a backward that produces a non-finite gradient is
     * stopped with the op, its creation site, its input shapes and the first offending index.
     * Costs a scan per op and a stack walk per node; off by default.
     */
    public static GradMode.Scope detectAnomaly(boolean on) {
        return Trace.anomaly(on);
    }

    public static void backward(Tensor root, Tensor gradRoot) {
        backward(root, gradRoot, BackwardListener.NONE);
    }

    /** Back-propagates from a scalar, showing every node to the listener. */
    public static void backward(Tensor root, BackwardListener listener) {
        backward(root, null, listener);
    }

    /**
     * Reverse-mode sweep from {@code root}. Gradients of intermediate tensors live only during
     * the sweep; leaves that require a gradient accumulate into {@link Tensor#grad()} (summed
     * over repeated backward calls until {@link Tensor#zeroGrad()}). The listener sees each node
     * before and after its backward.
     */
    public static void backward(Tensor root, Tensor gradRoot, BackwardListener listener) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward: the tensor does not require a gradient (no input of it was marked requiresGrad)");
        }
        if (gradRoot == null) {
            if (root.size() != 1) {
                throw new IllegalArgumentException("backward: a non-scalar output of shape " + Shape.str(root.shape()) + " needs an explicit gradient");
            }
            gradRoot = Tensor.ones(root.shape()).to(root.backend());
        } else {
            checkShape("backward", root, gradRoot);
        }
        try (var s = GradMode.noGrad(); var pass = Profiler.span("pass", "backward")) {
            Map<Tensor, Tensor> grads = new IdentityHashMap<>();
            grads.put(root, gradRoot);
            for (Tensor t : reverseTopologicalOrder(root)) {
                Tensor g = grads.remove(t);
                if (g == null) continue;
                Node node = t.node();
                if (node == null) {
                    t.accumulateGrad(g);
                    continue;
                }
                listener.before(node, t, g);
                Tensor[] inputGrads;
                try (var span = Profiler.span(node.op(), "backward")) {
                    inputGrads = node.backward().apply(g, node.needs().clone());
                }
                checkGradients(node, inputGrads);
                if (Trace.anomaly()) Anomaly.checkBackward(node, g, inputGrads);
                listener.after(node, t, g, inputGrads);
                for (int i = 0; i < node.inputs().length; i++) {
                    if (!node.needs()[i]) continue;
                    Tensor in = node.inputs()[i];
                    checkShape(node.op() + " backward", in, inputGrads[i]);
                    // Never accumulate in place: a backward may hand the same tensor to two inputs.
                    grads.merge(in, inputGrads[i], Tensor::add);
                }
            }
        }
    }

    /** A backward returns a gradient for exactly the inputs that need one. */
    private static void checkGradients(Node node, Tensor[] grads) {
        if (grads.length != node.inputs().length) {
            throw new IllegalStateException(node.op() + " backward returned " + grads.length + " gradients for " + node.inputs().length + " inputs");
        }
        for (int i = 0; i < grads.length; i++) {
            if (node.needs()[i] && grads[i] == null) {
                throw new IllegalStateException(node.op() + " backward returned no gradient for input " + i + ", which needs one");
            }
            if (!node.needs()[i] && grads[i] != null) {
                throw new IllegalStateException(node.op() + " backward returned a gradient for input " + i + ", which needs none");
            }
        }
    }

    /** Tensors reachable from root, each after every tensor that depends on it (iterative DFS). */
    static List<Tensor> reverseTopologicalOrder(Tensor root) {
        List<Tensor> postOrder = new ArrayList<>();
        Map<Tensor, Boolean> visited = new IdentityHashMap<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>(); // {tensor, next input index}
        stack.push(new Object[] {root, 0});
        visited.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            Tensor[] inputs = t.node() == null ? new Tensor[0] : t.node().inputs();
            if (next < inputs.length) {
                frame[1] = next + 1;
                Tensor in = inputs[next];
                if (in != null && in.requiresGrad() && visited.put(in, Boolean.TRUE) == null) stack.push(new Object[] {in, 0});
            } else {
                stack.pop();
                postOrder.add(t);
            }
        }
        return postOrder.reversed();
    }

    private static void checkShape(String where, Tensor t, Tensor g) {
        if (!java.util.Arrays.equals(t.shape(), g.shape())) {
            throw new IllegalStateException(where + ": gradient of shape " + Shape.str(g.shape()) + " for a tensor of shape " + Shape.str(t.shape()));
        }
    }
}
