package org.debindex.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --suite} and {@code --arch} options of the query commands (picocli mixin); see
 * {@link PackageFilter} for what they mean.
 *
 * <p>Holds the parsed options of one run; not thread-safe.
 */
final class FilterOptions {

    @Option(names = "--suite", paramLabel = "SUITE",
            description = "Only packages of this suite or codename (stable, trixie).")
    private String suite;

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "Only packages of this architecture, or listed for it (amd64 includes the"
                    + " 'all' packages of binary-amd64).")
    private String architecture;

    /** The options as picocli parsed them. */
    PackageFilter value() {
        return new PackageFilter(Optional.ofNullable(suite), Optional.ofNullable(architecture));
    }
}
