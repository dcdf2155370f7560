package org.debindex.verify.deps.toml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A sorted, line-per-leaf dump of a TOML tree, for exact comparisons in tests. */
final class TomlDump {

    private TomlDump() {
    }

    static String dump(TomlValue.Table t) {
        List<String> lines = new ArrayList<>();
        walk("", t, lines);
        lines.sort(null);
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l).append('\n');
        }
        return b.toString();
    }

    static String key(String k) {
        return k.matches("[A-Za-z0-9_-]+") ? k : quote(k);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static void walk(String path, TomlValue v, List<String> out) {
        if (v instanceof TomlValue.Table t) {
            if (t.entries().isEmpty() && !path.isEmpty()) {
                out.add(path + " table");
            }
            for (Map.Entry<String, TomlValue> e : t.entries().entrySet()) {
                walk(path.isEmpty() ? key(e.getKey()) : path + "." + key(e.getKey()), e.getValue(), out);
            }
        } else if (v instanceof TomlValue.Array a) {
            if (a.items().isEmpty()) {
                out.add(path + " array");
            }
            for (int i = 0; i < a.items().size(); i++) {
                walk(path + "[" + i + "]", a.items().get(i), out);
            }
        } else if (v instanceof TomlValue.Str s) {
            out.add(path + " str " + quote(s.value()));
        } else if (v instanceof TomlValue.Int i) {
            out.add(path + " int " + i.value());
        } else if (v instanceof TomlValue.Float f) {
            out.add(path + " float " + f.value());
        } else if (v instanceof TomlValue.Bool b) {
            out.add(path + " bool " + b.value());
        } else if (v instanceof TomlValue.DateTime d) {
            out.add(path + " datetime " + d.text());
        }
    }
}
