package org.debindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.debindex.cli.output.QueryOutput;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.model.BinaryPackage;
import org.debindex.core.relation.RelationField;
import org.debindex.core.relation.RelationList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code debindex depends}: the relation fields of a package, parsed, one group of alternatives
 * per line.
 *
 * <p>Not thread-safe: picocli fills one instance per run.
 */
@Command(
        name = "depends",
        sortOptions = false,
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        description = {
            "Print the relations of packages: what they depend on, recommend, suggest, enhance,"
                    + " break, conflict with, replace and provide.",
            "",
            "PKG is a package name (its newest version), NAME=VERSION or NAME/SUITE (the newest"
                    + " version in that suite or codename). Prints per package a line NAME VERSION"
                    + " ARCH CODENAME/COMPONENT, then one indented line per group of alternatives,"
                    + " such as 'Depends: libc6 (>= 2.38)' or 'Depends: default-mta | mail-transport-agent',"
                    + " fields in the order Pre-Depends, Depends, Recommends, Suggests, Enhances, Breaks,"
                    + " Conflicts, Replaces, Provides, Built-Using. Versions are as written, not"
                    + " evaluated. With --json one JSON array.",
            "",
            "Reads the index of the cache (--cache-dir), rebuilding index/packages.idx from lists/"
                    + " when it is missing, outdated or corrupt. Run 'debindex update' first.",
        },
        footerHeading = "%nExit status:%n",
        footer = {
            "  0   every package was found",
            "  1   a package (or the version or suite asked for) is not in the index",
            "  2   usage error",
            "  3   no index in the cache (run 'debindex update'), the cache cannot be read,",
            "      or a relation field is malformed",
            "  70  internal error (a bug)",
            "",
            "Examples:",
            "  debindex --repo 'deb http://mirror.example/debian trixie main' update",
            "  debindex depends nginx",
            "  debindex --json depends bash/bookworm",
        })
final class DependsCommand implements Callable<Integer> {

    /** The binary relation fields, in the order apt and dpkg list them. */
    private static final List<RelationField> FIELDS = List.of(RelationField.PRE_DEPENDS, RelationField.DEPENDS,
            RelationField.RECOMMENDS, RelationField.SUGGESTS, RelationField.ENHANCES, RelationField.BREAKS,
            RelationField.CONFLICTS, RelationField.REPLACES, RelationField.PROVIDES, RelationField.BUILT_USING,
            RelationField.STATIC_BUILT_USING);

    @Parameters(paramLabel = "PKG", arity = "1..*", description = "NAME, NAME=VERSION or NAME/SUITE.")
    private List<String> packages;

    @Mixin
    private PackageFilter filter;

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, MalformedInputException, IndexFormatException {
        List<PackageSpec> specs = Selection.parse(packages, spec.commandLine());
        PrintWriter err = spec.commandLine().getErr();
        Answer<QueryOutput.Relations> answer = IndexSession.of(main, err).query(index -> relations(index, specs));
        PrintWriter out = spec.commandLine().getOut();
        if (main.json()) {
            QueryOutput.dependsJson(answer.found(), out);
        } else {
            QueryOutput.dependsText(answer.found(), out);
        }
        out.flush();
        return answer.finish(err);
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
