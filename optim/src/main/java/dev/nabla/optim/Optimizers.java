package dev.nabla.optim;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Rebuilds an optimizer from its class name and {@link Optimizer#config()}, as a model file stores it. */
public final class Optimizers {
    private Optimizers() {}

    /** A new optimizer of this type with these hyperparameters; an unknown type or a missing or extra key is an error naming it. */
    public static Optimizer create(String type, Map<String, Float> config) {
        Hyperparameters h = new Hyperparameters(type, config);
        Optimizer o = switch (type) {
            case "SGD" -> new SGD(h.get("learning_rate"), h.get("momentum"), h.get("nesterov") != 0);
            case "Adam" -> new Adam(h.get("learning_rate"), h.get("beta_1"), h.get("beta_2"), h.get("epsilon"));
            case "Nadam" -> new Nadam(h.get("learning_rate"), h.get("beta_1"), h.get("beta_2"), h.get("epsilon"));
            case "RMSprop" -> new RMSprop(h.get("learning_rate"), h.get("rho"), h.get("epsilon"));
            case "Adadelta" -> new Adadelta(h.get("learning_rate"), h.get("rho"), h.get("epsilon"));
            default -> throw new IllegalArgumentException("unknown optimizer '" + type + "' (nabla has SGD, Adam, Nadam, RMSprop, Adadelta)");
        };
        h.requireAllUsed();
        return o;
    }

    /** The config's values, each read once, so that a key the optimizer does not have is reported. */
    private static final class Hyperparameters {
        private final String type;
        private final Map<String, Float> config;
        private final Set<String> unused;

        Hyperparameters(String type, Map<String, Float> config) {
            this.type = type;
            this.config = config;
            this.unused = new TreeSet<>(config.keySet());
        }

        float get(String key) {
            Float v = config.get(key);
            if (v == null) throw new IllegalArgumentException("optimizer " + type + ": its config has no '" + key + "'");
            unused.remove(key);
            return v;
        }

        void requireAllUsed() {
            if (!unused.isEmpty()) throw new IllegalArgumentException("optimizer " + type + " has no hyperparameter " + unused);
        }
    }
}
