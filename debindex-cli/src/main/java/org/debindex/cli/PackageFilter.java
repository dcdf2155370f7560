package org.debindex.cli;

import java.util.Optional;
import org.debindex.core.index.PackageEntry;
import picocli.CommandLine.Option;

/**
 * The {@code --suite} and {@code --arch} options of the query commands (picocli mixin), with the
 * meaning {@link org.debindex.core.index.SearchQuery} gives them: a suite or its codename; a
 * package's architecture or that of the Packages file listing it, so {@code amd64} includes the
 * {@code all} packages listed for amd64.
 *
 * <p>Holds the parsed options of one run; not thread-safe.
 */
final class PackageFilter {

    @Option(names = "--suite", paramLabel = "SUITE",
            description = "Only packages of this suite or codename (stable, trixie).")
    private String suite;

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "Only packages of this architecture, or listed for it (amd64 includes the"
                    + " 'all' packages of binary-amd64).")
    private String architecture;

    Optional<String> suite() {
        return Optional.ofNullable(suite);
    }

    Optional<String> architecture() {
        return Optional.ofNullable(architecture);
    }

    /** Whether {@code entry} passes both options. */
    boolean matches(PackageEntry entry) {
        return (suite == null || entry.origin().isSuite(suite))
                && (architecture == null || architecture.equals(entry.architecture())
                        || architecture.equals(entry.origin().architecture()));
    }

    /** The options given, for messages: {@code " in suite trixie for amd64"}; empty when none. */
    String describe() {
        return (suite == null ? "" : " in suite " + suite) + (architecture == null ? "" : " for " + architecture);
    }
}
