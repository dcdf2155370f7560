package org.debindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.debindex.cli.output.QueryOutput;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.PackageOrigin;

/**
 * The arguments of {@code debindex versions} and its work; {@link VersionsCommand} documents the
 * command.
 *
 * <p>Instances are immutable and thread-safe; {@link #run} is as thread-safe as its context.
 *
 * @param packages package names; at least one
 * @param filter   {@code --suite} and {@code --arch}
 */
record VersionsRequest(List<String> packages, PackageFilter filter) implements QueryRequest {

    /** @throws NullPointerException if a component or package is null */
    VersionsRequest {
        packages = List.copyOf(packages);
        Objects.requireNonNull(filter, "filter");
    }

    /**
     * Prints one row per version, suite and component and returns the exit status: 1 when a
     * package is not found.
     *
     * @throws IOException if the cache cannot be read or has no index
     * @throws MalformedInputException if a verified list is malformed
     * @throws IndexFormatException if the rebuilt snapshot is corrupt
     */
    @Override
    public int run(QueryContext context) throws IOException, MalformedInputException, IndexFormatException {
        List<PackageSpec> specs = new ArrayList<>();
        for (String name : packages) {
            // a plain name: NAME=VERSION would select what this command is asked to list
            specs.add(new PackageSpec(name, Optional.empty(), Optional.empty()));
        }
        Answer<QueryOutput.VersionRow> answer = IndexSession.of(context).query(index -> rows(index, specs));
        PrintWriter out = context.out();
        if (context.json()) {
            QueryOutput.versionsJson(answer.found(), out);
        } else {
            QueryOutput.versionsText(answer.found(), out);
        }
        out.flush();
        return answer.finish(context.err());
    }

    private Answer<QueryOutput.VersionRow> rows(PackageIndex index, List<PackageSpec> specs) throws IndexFormatException {
        List<QueryOutput.VersionRow> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PackageSpec p : specs) {
            Selection selection = Selection.of(index, p, filter);
            if (selection.entries().isEmpty()) {
                problems.add(selection.problem(index));
                continue;
            }
            // entries come newest first, so the first of a (version, suite, component) places its row
            Map<List<String>, TreeSet<String>> archs = new LinkedHashMap<>();
            Map<List<String>, PackageEntry> first = new LinkedHashMap<>();
            for (PackageEntry e : selection.entries()) {
                PackageOrigin o = e.origin();
                List<String> key = List.of(e.version().toString(), o.suite(), o.codename(), o.component());
                archs.computeIfAbsent(key, k -> new TreeSet<>()).add(e.architecture());
                first.putIfAbsent(key, e);
            }
            for (Map.Entry<List<String>, PackageEntry> row : first.entrySet()) {
                PackageEntry e = row.getValue();
                PackageOrigin o = e.origin();
                found.add(new QueryOutput.VersionRow(e.name(), e.version().toString(),
                        new PackageOrigin(o.suite(), o.codename(), o.component(), ""), List.copyOf(archs.get(row.getKey()))));
            }
        }
        return new Answer<>(found, problems);
    }
}
