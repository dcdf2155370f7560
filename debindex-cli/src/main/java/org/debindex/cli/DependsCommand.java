package org.debindex.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code debindex depends}: the relation fields of a package, parsed, one group of alternatives
 * per line: picocli's side; the work is {@link DependsRequest}'s.
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

    @Parameters(paramLabel = "PKG", arity = "1..*", description = "NAME, NAME=VERSION or NAME/SUITE.")
    private List<String> packages;

    @Mixin
    private FilterOptions filter;

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, MalformedInputException, IndexFormatException {
        DependsRequest request = new DependsRequest(packages, filter.value());
        try {
            return request.run(main.queryContext(spec.commandLine().getOut(), spec.commandLine().getErr()));
        } catch (UsageException e) {
            throw ExitStatus.usage(spec.commandLine(), e);
        }
    }
}
