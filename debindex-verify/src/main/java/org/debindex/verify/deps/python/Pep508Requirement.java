package org.debindex.verify.deps.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.MalformedInputException;

/**
 * One PEP 508 dependency specification, {@code name[extra,...] specifiers ; marker} or
 * {@code name[extra,...] @ url ; marker}, split into its parts as written.
 *
 * <p>The marker is kept as text and not evaluated: a dependency whose marker is false on Linux
 * CPython 3 ({@code sys_platform == "win32"}) is still reported, so that nothing is dropped by a
 * guess about the target; only its shape is checked (not empty). Specifiers are validated with
 * {@link Pep440Requirement} unless they hold a {@code ${VAR}} reference, which pip would expand
 * and debindex leaves as written.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name       the distribution name as written
 * @param extras     the extras as written, in order
 * @param specifiers the version specifiers as written without parentheses, empty for any version
 * @param url        the URL of a direct reference ({@code name @ url})
 * @param marker     the environment marker after {@code ;}
 * @see "PEP 508"
 */
public record Pep508Requirement(String name, List<String> extras, String specifiers, Optional<String> url,
                                Optional<String> marker) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code name} is empty
     */
    public Pep508Requirement {
        Objects.requireNonNull(name, "name");
        extras = List.copyOf(extras);
        Objects.requireNonNull(specifiers, "specifiers");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(marker, "marker");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
    }

    /**
     * The scope a manifest reader gives it: {@code url} for a direct reference,
     * {@code marker:<text>} for a marker, both joined by {@code "; "}; empty for neither.
     */
    public Optional<String> scope() {
        if (url.isPresent() && marker.isPresent()) {
            return Optional.of("url; marker:" + marker.get());
        }
        return url.isPresent() ? Optional.of("url") : marker.map(m -> "marker:" + m);
    }

    /**
     * Parses one specification.
     *
     * @throws MalformedInputException (without a location) saying what was expected
     * @throws NullPointerException if {@code text} is null
     */
    public static Pep508Requirement parse(String text) throws MalformedInputException {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        int i = 0;
        int n = s.length();
        while (i < n && isNameChar(s.charAt(i))) {
            i++;
        }
        String name = s.substring(0, i);
        if (name.isEmpty() || !isAlnum(name.charAt(0)) || !isAlnum(name.charAt(name.length() - 1))) {
            throw MalformedInputException.ofValue("invalid requirement " + MalformedInputException.quote(s)
                    + "; expected a distribution name (letters, digits, \"-\", \"_\", \".\") first");
        }
        i = skipWs(s, i);
        List<String> extras = new ArrayList<>();
        if (i < n && s.charAt(i) == '[') {
            int close = s.indexOf(']', i);
            if (close < 0) {
                throw MalformedInputException.ofValue("invalid requirement " + MalformedInputException.quote(s)
                        + "; expected \"]\" closing the extras");
            }
            String inner = s.substring(i + 1, close).strip();
            if (!inner.isEmpty()) {
                for (String e : inner.split(",", -1)) {
                    String x = e.strip();
                    if (x.isEmpty() || !x.chars().allMatch(c -> isNameChar((char) c)) || !isAlnum(x.charAt(0))
                            || !isAlnum(x.charAt(x.length() - 1))) {
                        throw MalformedInputException.ofValue("invalid extra " + MalformedInputException.quote(x)
                                + " in " + MalformedInputException.quote(s) + "; expected a name");
                    }
                    extras.add(x);
                }
            }
            i = skipWs(s, close + 1);
        }
        Optional<String> url = Optional.empty();
        String specifiers = "";
        String rest = s.substring(i);
        Optional<String> marker = Optional.empty();
        if (rest.startsWith("@")) {
            String r = rest.substring(1).strip();
            // a marker after a URL needs a space before ";", since ";" may occur in a URL
            int semi = indexOfSpaceSemicolon(r);
            String u = semi < 0 ? r : r.substring(0, semi).strip();
            if (semi >= 0) {
                marker = Optional.of(markerText(s, r.substring(semi).strip().substring(1)));
            }
            if (u.isEmpty() || u.chars().anyMatch(Character::isWhitespace) || !u.contains(":")) {
                throw MalformedInputException.ofValue("invalid requirement " + MalformedInputException.quote(s)
                        + "; expected a URL after \"@\"");
            }
            url = Optional.of(u);
        } else {
            int semi = rest.indexOf(';');
            String spec = (semi < 0 ? rest : rest.substring(0, semi)).strip();
            if (semi >= 0) {
                marker = Optional.of(markerText(s, rest.substring(semi + 1)));
            }
            if (spec.startsWith("(")) {
                if (!spec.endsWith(")")) {
                    throw MalformedInputException.ofValue("invalid requirement " + MalformedInputException.quote(s)
                            + "; expected \")\" closing the version specifiers");
                }
                spec = spec.substring(1, spec.length() - 1).strip();
            }
            if (!spec.contains("${")) {
                Pep440Requirement.parse(spec);
            }
            specifiers = spec;
        }
        return new Pep508Requirement(name, extras, specifiers, url, marker);
    }

    private static String markerText(String whole, String marker) throws MalformedInputException {
        String m = marker.strip();
        if (m.isEmpty()) {
            throw MalformedInputException.ofValue("invalid requirement " + MalformedInputException.quote(whole)
                    + "; expected an environment marker after \";\"");
        }
        return m;
    }

    private static int indexOfSpaceSemicolon(String s) {
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) == ';' && Character.isWhitespace(s.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    private static int skipWs(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isNameChar(char c) {
        return isAlnum(c) || c == '-' || c == '_' || c == '.';
    }
}
