package org.debindex.cli;

import java.util.Objects;
import java.util.Optional;
import org.debindex.core.index.PackageEntry;

/**
 * The {@code --suite} and {@code --arch} options of the query commands, with the meaning
 * {@link org.debindex.core.index.SearchQuery} gives them: a suite or its codename; a package's
 * architecture or that of the Packages file listing it, so {@code amd64} includes the
 * {@code all} packages listed for amd64. picocli fills them through {@link FilterOptions}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param suite        {@code --suite}; empty for any
 * @param architecture {@code --arch}; empty for any
 */
record PackageFilter(Optional<String> suite, Optional<String> architecture) {

    /** Neither option. */
    static final PackageFilter NONE = new PackageFilter(Optional.empty(), Optional.empty());

    /** @throws NullPointerException if a component is null */
    PackageFilter {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(architecture, "architecture");
    }

    /** Whether neither option is given, so that every package passes. */
    boolean isUnrestricted() {
        return suite.isEmpty() && architecture.isEmpty();
    }

    /** Whether {@code entry} passes both options. */
    boolean matches(PackageEntry entry) {
        return (suite.isEmpty() || entry.origin().isSuite(suite.get()))
                && (architecture.isEmpty() || architecture.get().equals(entry.architecture())
                        || architecture.get().equals(entry.origin().architecture()));
    }

    /** The options given, for messages: {@code " in suite trixie for amd64"}; empty when none. */
    String describe() {
        return (suite.isEmpty() ? "" : " in suite " + suite.get())
                + (architecture.isEmpty() ? "" : " for " + architecture.get());
    }
}
