package org.debindex.verify.deps.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One value of a JSON document (RFC 8259 section 3), with the 1-based line it starts on.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface JsonValue {

    /** The 1-based line the value starts on. */
    int line();

    /** The RFC 8259 name of the kind of value, for messages: {@code object}, {@code string}, ... */
    String kind();

    /**
     * An object; members keep the order of the document, names are unique.
     *
     * @param members the members by name, in document order
     * @param line    the line of the opening brace
     */
    record JsonObject(Map<String, Member> members, int line) implements JsonValue {
        /**
         * Copies the members, keeping their order.
         *
         * @throws NullPointerException if {@code members} is null
         * @throws IllegalArgumentException if a key differs from its member's name
         */
        public JsonObject {
            LinkedHashMap<String, Member> copy = new LinkedHashMap<>(members);
            copy.forEach((k, m) -> {
                if (!k.equals(m.name())) {
                    throw new IllegalArgumentException("member key differs from its name: " + k);
                }
            });
            members = Collections.unmodifiableMap(copy);
        }

        /** The value of the member so named, if there is one. */
        public Optional<JsonValue> get(String name) {
            Member m = members.get(Objects.requireNonNull(name, "name"));
            return m == null ? Optional.empty() : Optional.of(m.value());
        }

        @Override
        public String kind() {
            return "object";
        }
    }

    /**
     * One member of an object.
     *
     * @param name  the member name, unescaped
     * @param line  the line the name is on
     * @param value the value
     */
    record Member(String name, int line, JsonValue value) {
        /** @throws NullPointerException if a component is null */
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * An array.
     *
     * @param elements the elements in document order
     * @param line     the line of the opening bracket
     */
    record JsonArray(List<JsonValue> elements, int line) implements JsonValue {
        /** @throws NullPointerException if {@code elements} or an element is null */
        public JsonArray {
            elements = List.copyOf(elements);
        }

        @Override
        public String kind() {
            return "array";
        }
    }

    /**
     * A string, unescaped.
     *
     * @param value the text, always well-formed UTF-16 (no lone surrogates)
     * @param line  the line of the opening quote
     */
    record JsonString(String value, int line) implements JsonValue {
        /** @throws NullPointerException if {@code value} is null */
        public JsonString {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String kind() {
            return "string";
        }
    }

    /**
     * A number, kept as the text of the document so that no precision is lost.
     *
     * @param text the number as written, valid by the RFC 8259 grammar
     * @param line the line it is on
     */
    record JsonNumber(String text, int line) implements JsonValue {
        /** @throws NullPointerException if {@code text} is null */
        public JsonNumber {
            Objects.requireNonNull(text, "text");
        }

        /** The exact value. */
        public BigDecimal toBigDecimal() {
            return new BigDecimal(text);
        }

        @Override
        public String kind() {
            return "number";
        }
    }

    /**
     * {@code true} or {@code false}.
     *
     * @param value the value
     * @param line  the line it is on
     */
    record JsonBoolean(boolean value, int line) implements JsonValue {
        @Override
        public String kind() {
            return "boolean";
        }
    }

    /**
     * {@code null}.
     *
     * @param line the line it is on
     */
    record JsonNull(int line) implements JsonValue {
        @Override
        public String kind() {
            return "null";
        }
    }
}
