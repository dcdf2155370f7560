package org.debindex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.debindex.core.cache.CacheLayout;

/**
 * What a query command takes from the global options and the run, as plain values: the same
 * whether picocli parsed the command line or {@link QueryArguments} did.
 *
 * <p>Immutable; the writers it holds are not thread-safe, so one context serves one run.
 *
 * @param cacheDir    {@code --cache-dir}; empty for the default
 * @param json        {@code --json}
 * @param quiet       {@code -q}: no notes
 * @param outputWidth the width of the terminal {@code out} goes to; empty when it is not one
 * @param out         standard output
 * @param err         standard error
 */
record QueryContext(Optional<Path> cacheDir, boolean json, boolean quiet, OptionalInt outputWidth, PrintWriter out,
        PrintWriter err) {

    /** @throws NullPointerException if a component is null */
    QueryContext {
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(outputWidth, "outputWidth");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /**
     * {@code --cache-dir}, else {@code $XDG_CACHE_HOME/debindex}, else {@code ~/.cache/debindex}:
     * as {@code Configuration.layout}, which a query does not load because it links picocli.
     */
    CacheLayout layout() {
        // no lambda: each is linked at run time, and this runs once per query
        return cacheDir.isPresent() ? new CacheLayout(cacheDir.get())
                : CacheLayout.defaultFor(System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
