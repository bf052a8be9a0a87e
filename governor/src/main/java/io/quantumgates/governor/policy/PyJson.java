package io.quantumgates.governor.policy;

import java.util.Map;

/** JSON as Python's {@code json.dumps} writes it: separators {@code ", "} and {@code ": "}, ASCII only. */
public final class PyJson {
    private PyJson() {}

    public static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** An object of string values, in the map's order. */
    public static String stringObject(Map<String, String> fields) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(string(e.getKey())).append(": ").append(string(e.getValue()));
        }
        return b.append('}').toString();
    }
}
