package org.debindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.debindex.cli.output.QueryOutput;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.model.BinaryPackage;
import org.debindex.core.relation.RelationField;
import org.debindex.core.relation.RelationList;

/**
 * The arguments of {@code debindex depends} and its work; {@link DependsCommand} documents the
 * command.
 *
 * <p>Instances are immutable and thread-safe; {@link #run} is as thread-safe as its context.
 *
 * @param packages {@code NAME}, {@code NAME=VERSION} or {@code NAME/SUITE}; at least one
 * @param filter   {@code --suite} and {@code --arch}
 */
record DependsRequest(List<String> packages, PackageFilter filter) implements QueryRequest {

    /** The binary relation fields, in the order apt and dpkg list them. */
    private static final List<RelationField> FIELDS = List.of(RelationField.PRE_DEPENDS, RelationField.DEPENDS,
            RelationField.RECOMMENDS, RelationField.SUGGESTS, RelationField.ENHANCES, RelationField.BREAKS,
            RelationField.CONFLICTS, RelationField.REPLACES, RelationField.PROVIDES, RelationField.BUILT_USING,
            RelationField.STATIC_BUILT_USING);

    /** @throws NullPointerException if a component or package is null */
    DependsRequest {
        packages = List.copyOf(packages);
        Objects.requireNonNull(filter, "filter");
    }

    /**
     * Prints the relations of the newest selected version of each package and returns the exit
     * status: 1 when a package is not found.
     *
     * @throws UsageException if a package argument is malformed (before anything is read or printed)
     * @throws IOException if the cache cannot be read or has no index
     * @throws MalformedInputException if a verified list or a relation field is malformed
     * @throws IndexFormatException if the rebuilt snapshot is corrupt
     */
    @Override
    public int run(QueryContext context) throws IOException, MalformedInputException, IndexFormatException {
        List<PackageSpec> specs = Selection.parse(packages);
        Answer<QueryOutput.Relations> answer = IndexSession.of(context).query(index -> relations(index, specs));
        PrintWriter out = context.out();
        if (context.json()) {
            QueryOutput.dependsJson(answer.found(), out);
        } else {
            QueryOutput.dependsText(answer.found(), out);
        }
        out.flush();
        return answer.finish(context.err());
    }

    private Answer<QueryOutput.Relations> relations(PackageIndex index, List<PackageSpec> specs)
            throws IndexFormatException, MalformedInputException {
        List<QueryOutput.Relations> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PackageSpec p : specs) {
            Selection selection = Selection.of(index, p, filter);
            if (selection.entries().isEmpty()) {
                problems.add(selection.problem(index));
                continue;
            }
            PackageEntry newest = selection.entries().get(0);
            BinaryPackage binary = index.binaryPackage(newest);
            Map<RelationField, RelationList> fields = new LinkedHashMap<>();
            for (RelationField field : FIELDS) {
                RelationList relations = binary.relations(field);
                if (!relations.isEmpty()) {
                    fields.put(field, relations);
                }
            }
            found.add(new QueryOutput.Relations(newest, fields));
        }
        return new Answer<>(found, problems);
    }
}
