package dev.nabla.layers;

import dev.nabla.layers.regularizers.L1;
import dev.nabla.layers.regularizers.L1L2;
import dev.nabla.layers.regularizers.L2;
import dev.nabla.layers.regularizers.Regularizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One layer's stored arguments, read back by its {@link LayerFactory}: typed getters that name
 * the layer, the key and what was wrong, and a check that no argument was left unread. It also
 * writes the values that several layers share (shapes with {@link Input#NONE}, activations,
 * regularisers) and whole layer entries, so that both directions live in one place.
 */
public final class LayerConfig {
    private final String where;
    private final Map<String, Object> values;
    private final Set<String> unread;
    private final Function<Map<String, Object>, Layer> nested;
    private final Function<String, Layer> byName;

    LayerConfig(String where, Map<String, Object> values, Function<Map<String, Object>, Layer> nested, Function<String, Layer> byName) {
        this.where = where;
        this.values = values;
        this.unread = new TreeSet<>(values.keySet());
        this.nested = nested;
        this.byName = byName;
    }

    /** Keras's {@code get_config} dictionary from key, value pairs (a null value is kept). */
    static Map<String, Object> of(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
        return m;
    }

    public int integer(String key) {
        long v = number(key).longValue();
        if (v != (int) v) throw error(key, "is out of range: " + v);
        return (int) v;
    }

    /** A count: an integer ≥ 0 that may exceed an int (a step count). */
    public long count(String key) {
        long v = number(key).longValue();
        if (v < 0) throw error(key, "must not be negative: " + v);
        return v;
    }

    public float real(String key) {
        return number(key).floatValue();
    }

    public boolean flag(String key) {
        if (get(key) instanceof Boolean b) return b;
        throw error(key, "must be true or false");
    }

    public String text(String key) {
        if (get(key) instanceof String s) return s;
        throw error(key, "must be a string");
    }

    /** An array of strings. */
    public List<String> texts(String key) {
        if (!(get(key) instanceof List<?> l)) throw error(key, "must be an array of strings");
        List<String> out = new ArrayList<>();
        for (Object v : l) {
            if (!(v instanceof String s)) throw error(key, "holds " + v + " where a string belongs");
            out.add(s);
        }
        return out;
    }

    /** An array of integers, or null when stored as null. */
    public int[] integers(String key) {
        Object v = get(key);
        if (v == null) return null;
        if (!(v instanceof List<?> l)) throw error(key, "must be an array of integers");
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = integerAt(key, l.get(i), false);
        return out;
    }

    /** A per-sample shape, null standing for {@link Input#NONE}. */
    int[] shape(String key) {
        if (!(get(key) instanceof List<?> l)) throw error(key, "must be an array of dimensions");
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = integerAt(key, l.get(i), true);
        return out;
    }

    private int integerAt(String key, Object v, boolean noneAllowed) {
        if (v == null && noneAllowed) return Input.NONE;
        try {
            if (v instanceof Json.Number n && n.longValue() == (int) n.longValue()) return (int) n.longValue();
        } catch (IllegalArgumentException e) {
            // not an integer: reported below
        }
        throw error(key, "holds " + v + " where an integer belongs");
    }

    public Activation activation(String key) {
        String name = text(key);
        for (Activation a : Activation.values()) if (a.kerasName().equals(name)) return a;
        throw error(key, "names no activation nabla has: '" + name + "'");
    }

    /** A nested object (a layer entry's config). */
    Map<String, Object> object(String key) {
        if (get(key) instanceof Map<?, ?> m) return cast(m);
        throw error(key, "must be an object");
    }

    /** The layer of a nested entry (TimeDistributed's, a model's). */
    Layer layer(String key) {
        return nested.apply(object(key));
    }

    /** The layers of an array of nested entries. */
    List<Layer> layers(String key) {
        if (!(get(key) instanceof List<?> l)) throw error(key, "must be an array of layer entries");
        List<Layer> out = new ArrayList<>();
        for (Object e : l) {
            if (!(e instanceof Map<?, ?> m)) throw error(key, "holds " + e + " where a layer entry belongs");
            out.add(nested.apply(cast(m)));
        }
        return out;
    }

    /** A layer rebuilt earlier in the same file, by name (a tied layer's partner). */
    Layer earlierLayer(String key) {
        String name = text(key);
        Layer l = byName.apply(name);
        if (l == null) throw error(key, "names '" + name + "', which no layer before it in the file has");
        return l;
    }

    /** An activity regulariser: null, or L1, L2, L1L2 with their coefficients. */
    public Regularizer regularizer(String key) {
        Object v = get(key);
        if (v == null) return null;
        if (!(v instanceof Map<?, ?> m)) throw error(key, "must be a regulariser entry");
        LayerConfig c = new LayerConfig(where + ", " + key, cast(m), nested, byName);
        Regularizer r = switch (c.text("class_name")) {
            case "L1" -> new L1(c.real("l1"));
            case "L2" -> new L2(c.real("l2"));
            case "L1L2" -> new L1L2(c.real("l1"), c.real("l2"));
            default -> throw error(key, "names no regulariser nabla has: '" + m.get("class_name") + "'");
        };
        c.requireAllRead();
        return r;
    }

    /** A regulariser's entry, or an error for one of the user's own, which a file cannot hold. */
    static Object regularizer(Regularizer r, Layer owner) {
        return switch (r) {
            case null -> null;
            case L1 l -> of("class_name", "L1", "l1", l.l1());
            case L2 l -> of("class_name", "L2", "l2", l.l2());
            case L1L2 l -> of("class_name", "L1L2", "l1", l.l1(), "l2", l.l2());
            default -> throw new IllegalArgumentException("Model.save: layer '" + owner.name() + "' (" + owner.typeName() + ") has the activity regulariser "
                    + r.getClass().getSimpleName() + ", which a model file cannot hold (only L1, L2 and L1L2)");
        };
    }

    /** A per-sample shape with null for {@link Input#NONE}, as Keras writes None. */
    static List<Object> shape(int[] shape) {
        List<Object> out = new ArrayList<>();
        for (int d : shape) out.add(Dims.known(d) ? d : null);
        return out;
    }

    /** A layer's entry: its type, name, trainable flag and config, nested layers included. */
    static Map<String, Object> entry(Layer layer) {
        Map<String, Object> config = layer.config();
        if (config == null) {
            throw new IllegalArgumentException("Model.save: layer '" + layer.name() + "' (" + layer.typeName() + ") cannot be saved in a model file: "
                    + "it has no config(); a layer of your own overrides config() and is loaded with a LayerFactory");
        }
        return of("class_name", layer.typeName(), "name", layer.name(), "trainable", layer.trainable(), "config", config);
    }

    /** Fails if the file gave an argument the layer does not take. */
    void requireAllRead() {
        if (!unread.isEmpty()) throw new IllegalArgumentException("model file: " + where + " has arguments it does not take: " + unread);
    }

    private Json.Number number(String key) {
        if (get(key) instanceof Json.Number n) return n;
        throw error(key, "must be a number");
    }

    private Object get(String key) {
        if (!values.containsKey(key)) throw new IllegalArgumentException("model file: " + where + " has no '" + key + "'");
        unread.remove(key);
        return values.get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private IllegalArgumentException error(String key, String problem) {
        return new IllegalArgumentException("model file: " + where + ": '" + key + "' " + problem);
    }
}
