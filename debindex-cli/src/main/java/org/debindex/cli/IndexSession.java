package org.debindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.index.IndexBuildOptions;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.update.CachedIndex;

/**
 * The package index of the cache, for the query commands: the one place that opens it and that
 * rebuilds it when a query finds the snapshot corrupt.
 *
 * <p>Regions of a snapshot are checked lazily, so a query may find corruption midway; a query
 * therefore computes its whole answer inside {@link #query} and prints only after, so that a
 * retry never prints half an answer twice.
 *
 * <p>Not thread-safe: one per run.
 */
final class IndexSession {

    /** A query of the index; it may be run twice, so it must not print. */
    @FunctionalInterface
    interface Query<T> {
        T run(PackageIndex index) throws IndexFormatException, MalformedInputException;
    }

    /** The cache has no verified package lists: status 3, as for any missing input. */
    static final class NoIndexException extends IOException {
        private static final long serialVersionUID = 1L;

        NoIndexException(CacheLayout layout) {
            super("no package index in " + layout.root() + ": run 'debindex update' first");
        }
    }

    private final CacheLayout layout;
    private final PrintWriter err;
    private final boolean quiet;
    private PackageIndex index;

    /**
     * @param layout the cache
     * @param err    where a rebuild is reported (one line), unless {@code quiet}
     */
    IndexSession(CacheLayout layout, PrintWriter err, boolean quiet) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.err = Objects.requireNonNull(err, "err");
        this.quiet = quiet;
    }

    /** The session of a query's cache ({@code --cache-dir}), reporting rebuilds on its stderr unless {@code -q}. */
    static IndexSession of(QueryContext context) {
        return new IndexSession(context.layout(), context.err(), context.quiet());
    }

    /** The session of this run's cache ({@code --cache-dir}), reporting rebuilds unless {@code -q}. */
    static IndexSession of(Main main, PrintWriter err) {
        return new IndexSession(Configuration.layout(main), err, main.quiet());
    }

    /**
     * Runs {@code query} on the index; when the snapshot turns out corrupt, rebuilds it from the
     * verified lists once and runs the query again.
     *
     * @throws NoIndexException if the cache has no verified Packages or Translation file
     * @throws IndexFormatException if the rebuilt snapshot is corrupt too
     * @throws MalformedInputException if a manifest or verified list is malformed
     * @throws IOException if the cache cannot be read
     */
    <T> T query(Query<T> query) throws IOException, MalformedInputException, IndexFormatException {
        PackageIndex current = open();
        try {
            return query.run(current);
        } catch (IndexFormatException e) {
            note("the index snapshot is corrupt (" + e.getMessage() + "); rebuilding it");
            index = CachedIndex.rebuild(layout, IndexBuildOptions.defaults());
            return query.run(index);
        }
    }

    /**
     * The message for a name that no package has: {@code no package "NAME" in the index}, then
     * the packages that provide it when it is a virtual package, else up to five close names.
     *
     * @throws IndexFormatException if the snapshot is corrupt where this reads
     */
    static String noPackage(PackageIndex index, String name) throws IndexFormatException {
        String message = "no package " + MalformedInputException.quote(name) + " in the index";
        List<String> providers = index.providers(name).stream().map(p -> p.provider().name()).distinct().toList();
        if (!providers.isEmpty()) {
            return message + "; it is a virtual package provided by: " + String.join(", ", providers);
        }
        List<String> close = index.closeMatches(name, 5);
        return close.isEmpty() ? message : message + "; did you mean: " + String.join(", ", close) + "?";
    }

    private PackageIndex open() throws IOException, MalformedInputException {
        if (index == null) {
            // a query of an empty cache writes no empty snapshot into it
            Optional<CachedIndex.Opened> opened = CachedIndex.openIfIndexed(layout, IndexBuildOptions.defaults());
            if (opened.isEmpty()) {
                throw new NoIndexException(layout);
            }
            Optional<String> reason = opened.get().rebuiltBecause();
            if (reason.isPresent()) {
                note("rebuilt the index snapshot: " + reason.get());
            }
            index = opened.get().index();
        }
        return index;
    }

    private void note(String message) {
        if (!quiet) {
            err.println("debindex: " + message);
            err.flush();
        }
    }
}
