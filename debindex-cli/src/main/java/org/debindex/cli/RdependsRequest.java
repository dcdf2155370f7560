package org.debindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.debindex.cli.output.QueryOutput;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.ReverseDependency;

/**
 * The arguments of {@code debindex rdepends} and its work; {@link RdependsCommand} documents the
 * command.
 *
 * <p>Instances are immutable and thread-safe; {@link #run} is as thread-safe as its context.
 *
 * @param name   a package name, or a virtual package's
 * @param filter {@code --suite} and {@code --arch}, applied to the depending packages
 */
record RdependsRequest(String name, PackageFilter filter) implements QueryRequest {

    /** @throws NullPointerException if a component is null */
    RdependsRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
    }

    /**
     * Prints the relations that name the package and returns the exit status: 1 when there is
     * none or the package is not in the index.
     *
     * @throws IOException if the cache cannot be read or has no index
     * @throws MalformedInputException if a verified list is malformed
     * @throws IndexFormatException if the rebuilt snapshot is corrupt
     */
    @Override
    public int run(QueryContext context) throws IOException, MalformedInputException, IndexFormatException {
        Answer<ReverseDependency> answer = IndexSession.of(context).query(index -> reverse(index, context.quiet()));
        PrintWriter out = context.out();
        if (context.json()) {
            QueryOutput.rdependsJson(answer.found(), out);
        } else {
            QueryOutput.rdependsText(answer.found(), out);
        }
        out.flush();
        return answer.finish(context.err());
    }

    private Answer<ReverseDependency> reverse(PackageIndex index, boolean quiet) throws IndexFormatException {
        List<ReverseDependency> all = index.reverseDependencies(name);
        // without options, no pass over (and copy of) a list that can have 45,000 entries
        List<ReverseDependency> found = filter.isUnrestricted() ? all : filtered(all);
        if (!found.isEmpty()) {
            return new Answer<>(found, List.of());
        }
        if (all.isEmpty() && index.packages(name).isEmpty() && index.providers(name).isEmpty()) {
            return new Answer<>(List.of(), List.of(IndexSession.noPackage(index, name)));
        }
        // a package nothing depends on is a negative answer, not an error: -q silences it
        return new Answer<>(List.of(), quiet ? List.of()
                : List.of("no package names " + MalformedInputException.quote(name) + filter.describe()));
    }

    private List<ReverseDependency> filtered(List<ReverseDependency> all) {
        List<ReverseDependency> found = new ArrayList<>();
        for (ReverseDependency d : all) {
            if (filter.matches(d.dependent())) {
                found.add(d);
            }
        }
        return found;
    }
}
