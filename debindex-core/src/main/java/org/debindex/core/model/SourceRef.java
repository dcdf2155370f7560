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
        Objects.requireNonNull(binaryVersion, "binaryVersion");
        String v = value.strip();
        int paren = v.indexOf('(');
        int nameEnd = paren < 0 ? v.length() : paren;
        while (nameEnd > 0 && (v.charAt(nameEnd - 1) == ' ' || v.charAt(nameEnd - 1) == '\t')) {
            nameEnd--;
        }
        boolean valid = nameEnd > 0 && (paren < 0 || v.endsWith(")"));
        for (int i = 0; valid && i < nameEnd; i++) {
            char c = v.charAt(i);
            valid = c > ' ' && c != ')' && c != '(';
        }
        if (!valid) {
            throw MalformedInputException.ofValue("source " + MalformedInputException.quote(value)
                    + " is not \"name\" or \"name (version)\"");
        }
        String name = v.substring(0, nameEnd);
        return paren < 0
                ? new SourceRef(name, binaryVersion)
                : new SourceRef(name, DebianVersion.parse(v.substring(paren + 1, v.length() - 1)));
    }
}
