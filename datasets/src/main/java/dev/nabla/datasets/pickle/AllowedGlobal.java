package dev.nabla.datasets.pickle;

import java.util.List;
import java.util.Map;

/**
 * The only Python globals a pickle may name: the functions numpy uses to pickle arrays and dtypes,
 * and {@code _codecs.encode}, which Python 3 uses to pickle {@code bytes} at protocol 2. Each is
 * reimplemented here; nothing named in a pickle is ever looked up or run. Any other global
 * ({@code os.system}, {@code builtins.eval}, ...) is refused by {@link #lookup}.
 */
enum AllowedGlobal {
    /** {@code _reconstruct(ndarray, (0,), b'b')}: an empty array that BUILD fills. */
    RECONSTRUCT {
        @Override
        Object call(List<?> args, Budget budget) {
            expectArgs(args, 3);
            if (args.get(0) != NDARRAY) {
                throw new PickleFormatError("_reconstruct of " + Unpickler.typeName(args.get(0)) + ", expected numpy.ndarray");
            }
            return new NdArray();
        }
    },
    /** The class {@code numpy.ndarray}: only ever an argument of {@code _reconstruct}. */
    NDARRAY {
        @Override
        Object call(List<?> args, Budget budget) {
            throw new PickleFormatError("numpy.ndarray called directly; arrays are built by _reconstruct or _frombuffer");
        }
    },
    /**
     * {@code dtype('u1', False, True)}: an element type, big-endian when the type string starts with
     * {@code '>'}; a BUILD that follows may set the byte order.
     */
    DTYPE {
        @Override
        Object call(List<?> args, Budget budget) {
            if (args.isEmpty() || !(args.get(0) instanceof String spec)) {
                throw new PickleFormatError("numpy.dtype needs a type string as first argument");
            }
            ElementType type = ElementType.fromCode(spec);
            if (type == null) {
                throw new PickleFormatError("unsupported numpy dtype '" + spec + "' (supported: u1, i8, f4, f8)");
            }
            return new NumpyDType(type, spec.startsWith(">"));
        }
    },
    /** {@code _frombuffer(buffer, dtype, shape, order)}: numpy's protocol-5 form of an array. */
    FROMBUFFER {
        @Override
        Object call(List<?> args, Budget budget) {
            expectArgs(args, 4);
            if (!(args.get(0) instanceof byte[] buffer) || !(args.get(1) instanceof NumpyDType dtype)
                    || !(args.get(3) instanceof String order)) {
                throw new PickleFormatError("_frombuffer expects (bytes, dtype, shape, order)");
            }
            if (!order.equals("C") && !order.equals("F")) {
                throw new PickleFormatError("_frombuffer order '" + order + "', expected 'C' or 'F'");
            }
            NdArray array = new NdArray();
            String problem = array.fill(Unpickler.shapeOf(args.get(2)), dtype, order.equals("F"), buffer, budget);
            if (problem != null) {
                throw new PickleFormatError(problem);
            }
            return array;
        }
    },
    /** {@code _codecs.encode(text, 'latin1')}: the bytes whose code points the text holds. */
    CODECS_ENCODE {
        @Override
        Object call(List<?> args, Budget budget) {
            expectArgs(args, 2);
            if (!(args.get(0) instanceof String text) || !(args.get(1) instanceof String encoding)) {
                throw new PickleFormatError("_codecs.encode expects (str, str)");
            }
            if (!encoding.equals("latin1") && !encoding.equals("latin-1")) {
                throw new PickleFormatError("_codecs.encode with encoding '" + encoding + "', only latin1 is supported");
            }
            budget.charge(text.length(), "_codecs.encode");
            byte[] out = new byte[text.length()];
            for (int i = 0; i < out.length; i++) {
                char c = text.charAt(i);
                if (c > 0xFF) {
                    throw new PickleFormatError("_codecs.encode: character U+" + Integer.toHexString(c) + " is not latin1");
                }
                out[i] = (byte) c;
            }
            return out;
        }
    };

    private static final Map<String, AllowedGlobal> BY_NAME = Map.of(
            "numpy.core.multiarray._reconstruct", RECONSTRUCT,
            "numpy._core.multiarray._reconstruct", RECONSTRUCT,
            "numpy.ndarray", NDARRAY,
            "numpy.dtype", DTYPE,
            "numpy.core.numeric._frombuffer", FROMBUFFER,
            "numpy._core.numeric._frombuffer", FROMBUFFER,
            "_codecs.encode", CODECS_ENCODE);

    /** Applies the global to its REDUCE arguments. */
    abstract Object call(List<?> args, Budget budget);

    /** The allowed global named {@code module.name}, or an error naming the refused global (its first 200 characters). */
    static AllowedGlobal lookup(String module, String name) {
        String global = module + "." + name;
        AllowedGlobal g = BY_NAME.get(global);
        if (g == null) {
            String shown = global.length() <= 200 ? global : global.substring(0, 200) + "…";
            throw new PickleFormatError("refusing to load global '" + shown + "': only numpy array reconstruction globals are allowed");
        }
        return g;
    }

    private static void expectArgs(List<?> args, int n) {
        if (args.size() != n) {
            throw new PickleFormatError("expected " + n + " arguments, got " + args.size());
        }
    }
}
