package org.debindex.verify.deps.toml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One value of a TOML document, with the 1-based line it starts on.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface TomlValue {

    /** The 1-based line the value (or the table's header, or its first key) starts on. */
    int line();

    /**
     * A table: a header table, a table made by dotted keys, an inline table or the root.
     *
     * @param entries the keys (unescaped) and values, in document order
     * @param line    the line of its header, first dotted key or opening brace; 1 for the root
     */
    record Table(Map<String, TomlValue> entries, int line) implements TomlValue {
        /**
         * Copies the entries, keeping their order.
         *
         * @throws NullPointerException if {@code entries} or one of its keys or values is null
         */
        public Table {
            LinkedHashMap<String, TomlValue> copy = new LinkedHashMap<>();
            entries.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
            entries = Collections.unmodifiableMap(copy);
        }

        /** The value under {@code key}, if any. @throws NullPointerException if {@code key} is null */
        public Optional<TomlValue> get(String key) {
            return Optional.ofNullable(entries.get(Objects.requireNonNull(key, "key")));
        }

        /**
         * The table reached by following {@code keys}, if every step is a table.
         *
         * @throws NullPointerException if {@code keys} or one of them is null
         */
        public Optional<Table> table(String... keys) {
            Table t = this;
            for (String k : keys) {
                if (!(t.entries.get(Objects.requireNonNull(k, "key")) instanceof Table next)) {
                    return Optional.empty();
                }
                t = next;
            }
            return Optional.of(t);
        }
    }

    /**
     * An array, static ({@code [1, 2]}) or of tables ({@code [[x]]}).
     *
     * @param items the elements, each with its own line
     * @param line  the line of the opening bracket, or of the first {@code [[x]]} header
     */
    record Array(List<TomlValue> items, int line) implements TomlValue {
        /** @throws NullPointerException if {@code items} or an item is null */
        public Array {
            items = List.copyOf(items);
        }
    }

    /**
     * A string of any of the four kinds, escapes resolved.
     *
     * @param value the text
     * @param line  the line of its opening quote
     */
    record Str(String value, int line) implements TomlValue {
        /** @throws NullPointerException if {@code value} is null */
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * An integer; TOML's range is that of a Java {@code long}.
     *
     * @param value the value
     * @param line  its line
     */
    record Int(long value, int line) implements TomlValue {
    }

    /**
     * A float, including {@code inf} and {@code nan}.
     *
     * @param value the value
     * @param line  its line
     */
    record Float(double value, int line) implements TomlValue {
    }

    /**
     * A boolean.
     *
     * @param value the value
     * @param line  its line
     */
    record Bool(boolean value, int line) implements TomlValue {
    }

    /**
     * An offset date-time, local date-time, local date or local time, kept as written: a manifest
     * never needs the instant, and keeping the text avoids guessing about leap seconds or zones.
     *
     * @param text the date/time as written (validated: real calendar day, hour below 24)
     * @param kind which form it has
     * @param line its line
     */
    record DateTime(String text, Kind kind, int line) implements TomlValue {
        /** Which of TOML's four date/time forms. */
        public enum Kind { OFFSET_DATE_TIME, LOCAL_DATE_TIME, LOCAL_DATE, LOCAL_TIME }

        /** @throws NullPointerException if {@code text} or {@code kind} is null */
        public DateTime {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
