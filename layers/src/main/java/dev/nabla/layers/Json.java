package dev.nabla.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON a model file needs: objects ({@code Map<String, Object>} in key order), arrays
 * ({@code List<Object>}), strings, numbers, booleans and null. A number is read as its text
 * ({@link Number}), so that a float written by {@link Float#toString} reads back as the same
 * float, never rounded twice through a double. Reading is bounded: the text is as long as the
 * caller allows, and nesting is at most {@value #MAX_DEPTH} deep.
 */
final class Json {
    static final int MAX_DEPTH = 64;

    private Json() {}

    /** A JSON number as written, converted on demand. */
    record Number(String text) {
        float floatValue() { return Float.parseFloat(text); }
        double doubleValue() { return Double.parseDouble(text); }

        /** The number as a long, or an exception if it is not an integer in range. */
        long longValue() {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected an integer, got " + text);
            }
        }
    }

    // ---------------------------------------------------------------- writing

    /** The value as compact JSON text, ASCII only. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object v) {
        switch (v) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Boolean b -> out.append(b);
            case Float f -> out.append(finite(f, f.toString()));
            case Double d -> out.append(finite(d, d.toString()));
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case Number n -> out.append(n.text());
            case int[] a -> {
                List<Object> list = new ArrayList<>();
                for (int x : a) list.add(x);
                write(out, list);
            }
            case Map<?, ?> m -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    string(out, (String) e.getKey());
                    out.append(':');
                    write(out, e.getValue());
                }
                out.append('}');
            }
            case List<?> l -> {
                out.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) out.append(',');
                    write(out, l.get(i));
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("cannot write a " + v.getClass().getSimpleName() + " as JSON: " + v);
        }
    }

    /** The text of a finite number; JSON has no NaN or infinity. */
    private static String finite(double v, String text) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("JSON has no " + text);
        return text;
    }

    /**
     * Appends {@code s} as a JSON string in plain ASCII: quotes, backslashes, control characters
     * and everything beyond ASCII are escaped as {@code \\uXXXX}, so any Java string, even one with
     * an unpaired surrogate, reads back the same.
     */
    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    // ---------------------------------------------------------------- reading

    /** Parses one JSON value filling the whole text; errors name the character position. */
    static Object parse(String text) {
        Reader r = new Reader(text);
        r.space();
        Object v = r.value(0);
        r.space();
        if (r.at < text.length()) throw r.error("unexpected text after the value");
        return v;
    }

    private static final class Reader {
        private final String s;
        private int at;

        Reader(String s) { this.s = s; }

        Object value(int depth) {
            if (depth > MAX_DEPTH) throw error("nested more than " + MAX_DEPTH + " deep");
            if (at >= s.length()) throw error("unexpected end");
            char c = s.charAt(at);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> m = new LinkedHashMap<>();
            at++;
            space();
            if (peek() == '}') { at++; return m; }
            while (true) {
                space();
                if (peek() != '"') throw error("expected a key in quotes");
                String key = string();
                space();
                expect(':');
                space();
                if (m.put(key, value(depth + 1)) != null) throw error("the key '" + key + "' appears twice");
                space();
                if (peek() == ',') { at++; continue; }
                expect('}');
                return m;
            }
        }

        private List<Object> array(int depth) {
            List<Object> l = new ArrayList<>();
            at++;
            space();
            if (peek() == ']') { at++; return l; }
            while (true) {
                space();
                l.add(value(depth + 1));
                space();
                if (peek() == ',') { at++; continue; }
                expect(']');
                return l;
            }
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            at++;
            while (true) {
                if (at >= s.length()) throw error("unterminated string");
                char c = s.charAt(at++);
                if (c == '"') return b.toString();
                if (c < 0x20) throw error("a control character inside a string");
                if (c != '\\') { b.append(c); continue; }
                if (at >= s.length()) throw error("unterminated escape");
                char e = s.charAt(at++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (at + 4 > s.length()) throw error("a short \\u escape");
                        try {
                            b.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                        } catch (NumberFormatException x) {
                            throw error("a bad \\u escape");
                        }
                        at += 4;
                    }
                    default -> throw error("an unknown escape \\" + e);
                }
            }
        }

        private Number number() {
            int start = at;
            if (peek() == '-') at++;
            digits();
            if (peek() == '.') { at++; digits(); }
            if (peek() == 'e' || peek() == 'E') {
                at++;
                if (peek() == '+' || peek() == '-') at++;
                digits();
            }
            return new Number(s.substring(start, at));
        }

        private void digits() {
            int start = at;
            while (at < s.length() && Character.isDigit(s.charAt(at)) && s.charAt(at) < 128) at++;
            if (at == start) throw error("expected a value");
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, at)) throw error("expected a value");
            at += word.length();
            return v;
        }

        private char peek() { return at < s.length() ? s.charAt(at) : '\0'; }

        private void expect(char c) {
            if (peek() != c) throw error("expected '" + c + "'");
            at++;
        }

        void space() {
            while (at < s.length() && " \t\n\r".indexOf(s.charAt(at)) >= 0) at++;
        }

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("bad JSON at character " + at + ": " + problem);
        }
    }
}
