package org.debindex.cli;

import java.util.Objects;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.version.DebianVersion;

/**
 * A package argument as apt takes it: {@code NAME}, {@code NAME=VERSION} or {@code NAME/SUITE}
 * (the suite or its codename).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name    the package name
 * @param version the version asked for; empty for any
 * @param suite   the suite or codename asked for; empty for any
 */
record PackageSpec(String name, Optional<DebianVersion> version, Optional<String> suite) {

    /** @throws NullPointerException if a component is null */
    PackageSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(suite, "suite");
    }

    /**
     * Parses an argument; a name cannot contain {@code =} or {@code /}, so the first of them
     * starts the selector.
     *
     * @throws IllegalArgumentException naming the argument when a part is empty or the version
     *     is not a Debian version
     */
    static PackageSpec parse(String argument) {
        int eq = argument.indexOf('=');
        int slash = argument.indexOf('/');
        int at = eq < 0 ? slash : slash < 0 ? eq : Math.min(eq, slash);
        if (at < 0) {
            if (argument.isEmpty()) {
                throw new IllegalArgumentException("a package name must not be empty");
            }
            return new PackageSpec(argument, Optional.empty(), Optional.empty());
        }
        String name = argument.substring(0, at);
        String rest = argument.substring(at + 1);
        if (name.isEmpty() || rest.isEmpty()) {
            throw new IllegalArgumentException("expected NAME, NAME=VERSION or NAME/SUITE: \"" + argument + "\"");
        }
        if (at == slash) {
            return new PackageSpec(name, Optional.empty(), Optional.of(rest));
        }
        try {
            return new PackageSpec(name, Optional.of(DebianVersion.parse(rest)), Optional.empty());
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException("\"" + rest + "\" in \"" + argument + "\" is not a Debian version: "
                    + e.getMessage(), e);
        }
    }

    /** Whether the package has the version (equal in Debian order, so {@code 0:1.0} is {@code 1.0}) and suite asked for. */
    boolean matches(PackageEntry entry) {
        return (version.isEmpty() || version.get().compareTo(entry.version()) == 0)
                && (suite.isEmpty() || entry.origin().isSuite(suite.get()));
    }

    /** What was asked for beyond the name, for messages: {@code version 1.0}, {@code suite trixie}. */
    String selector() {
        return version.isPresent() ? "version " + version.get() : suite.isPresent() ? "suite " + suite.get() : "";
    }
}
