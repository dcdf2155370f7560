package org.debindex.core.model;

import java.util.Objects;
import org.debindex.core.MalformedInputException;
import org.debindex.core.version.DebianVersion;

/**
 * The source package a binary was built from: the {@code Source} field, {@code name} or
 * {@code name (version)}, completed with the binary's own name and version where it omits them.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name    the source package name
 * @param version the source version
 */
public record SourceRef(String name, DebianVersion version) {

    /** @throws NullPointerException if an argument is null */
    public SourceRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    /**
     * Parses a {@code Source} field value; the binary's version applies when none is given.
     *
     * @throws MalformedInputException if the value is not {@code name} or {@code name (version)}
     * @throws NullPointerException if an argument is null
     */
    public static SourceRef parse(String value, DebianVersion binaryVersion) throws MalformedInputException {
        String v = value.strip();
        int paren = v.indexOf('(');
        if (paren < 0) {
            if (v.isEmpty() || v.chars().anyMatch(c -> c == ' ' || c == '\t' || c == ')')) {
                throw MalformedInputException.ofValue("source " + MalformedInputException.quote(value)
                        + " is not \"name\" or \"name (version)\"");
            }
            return new SourceRef(v, binaryVersion);
        }
        String name = v.substring(0, paren).strip();
        if (name.isEmpty() || !v.endsWith(")") || name.chars().anyMatch(c -> c == ' ' || c == '\t')) {
            throw MalformedInputException.ofValue("source " + MalformedInputException.quote(value)
                    + " is not \"name\" or \"name (version)\"");
        }
        return new SourceRef(name, DebianVersion.parse(v.substring(paren + 1, v.length() - 1)));
    }
}
