package org.debindex.verify.deps.maven;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.debindex.core.MalformedInputException;

/**
 * Replaces {@code ${name}} references the way Maven's model interpolation does, but only from the
 * model: {@code project.*} (and {@code pom.*}) values first, then the merged {@code <properties>},
 * then the deprecated bare {@code version}, {@code groupId}, {@code artifactId}. The environment and
 * system properties are never consulted: a check must not depend on the machine it runs on.
 * Unknown references stay as written and are listed, so that the caller can say so.
 */
final class Interpolation {

    /** Deep enough for real POMs, small enough to stop a runaway chain early. */
    static final int MAX_DEPTH = 32;

    /** A value after substitution and the names that had no definition. */
    record Result(String value, List<String> undefined) {
        Result {
            undefined = List.copyOf(undefined);
        }
    }

    private final Map<String, String> model;
    private final Map<String, Pom.Text> properties;

    /**
     * @param model      {@code groupId}, {@code artifactId}, {@code version}, {@code parent.groupId},
     *                   ... of the project, as written (they may refer to properties themselves)
     * @param properties the properties, a child's overriding its parents'
     */
    Interpolation(Map<String, String> model, Map<String, Pom.Text> properties) {
        this.model = Map.copyOf(model);
        this.properties = Map.copyOf(properties);
    }

    /**
     * Substitutes every reference in {@code text}.
     *
     * @throws MalformedInputException if references form a cycle or a chain deeper than
     *     {@link #MAX_DEPTH}; named at {@code source}:{@code line}, where the text is written
     */
    Result resolve(String text, String source, int line) throws MalformedInputException {
        List<String> undefined = new ArrayList<>();
        String value = substitute(text, new ArrayDeque<>(), undefined, source, line);
        return new Result(value, undefined);
    }

    private String substitute(String text, Deque<String> active, List<String> undefined, String source, int line)
            throws MalformedInputException {
        int start = text.indexOf("${");
        if (start < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (start >= 0) {
            int end = text.indexOf('}', start + 2);
            if (end < 0) {
                break; // an unterminated "${" is text, as in Maven
            }
            String name = text.substring(start + 2, end);
            out.append(text, from, start);
            Optional<String> definition = lookup(name);
            if (definition.isEmpty()) {
                if (!undefined.contains(name)) {
                    undefined.add(name);
                }
                out.append(text, start, end + 1);
            } else {
                if (active.contains(name)) {
                    List<String> chain = new ArrayList<>(active);
                    Collections.reverse(chain);
                    chain.add(name);
                    throw new MalformedInputException(source, line, -1, "property cycle "
                            + String.join(" -> ", chain.stream().map(n -> "${" + n + "}").toList())
                            + "; expected properties that do not refer back to themselves");
                }
                if (active.size() >= MAX_DEPTH) {
                    throw new MalformedInputException(source, line, -1, "properties nested deeper than " + MAX_DEPTH
                            + " at ${" + name + "}; expected a shorter chain of references");
                }
                active.push(name);
                out.append(substitute(definition.get(), active, undefined, source, line));
                active.pop();
            }
            from = end + 1;
            start = text.indexOf("${", from);
        }
        out.append(text, from, text.length());
        return out.toString();
    }

    private Optional<String> lookup(String name) {
        for (String prefix : new String[] {"project.", "pom."}) {
            if (name.startsWith(prefix) && model.containsKey(name.substring(prefix.length()))) {
                return Optional.of(model.get(name.substring(prefix.length())));
            }
        }
        Pom.Text property = properties.get(name);
        if (property != null) {
            return Optional.of(property.value());
        }
        // Maven 2's bare ${version}; still honoured by Maven 3, with a warning
        if (name.equals("version") || name.equals("groupId") || name.equals("artifactId")) {
            return Optional.ofNullable(model.get(name));
        }
        return Optional.empty();
    }
}
