package org.debindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.debindex.cli.output.QueryOutput;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.ReverseDependency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code debindex rdepends}: the packages whose relations name a package, directly or through a
 * virtual package it provides, as {@link PackageIndex#reverseDependencies} finds them.
 *
 * <p>Not thread-safe: picocli fills one instance per run.
 */
@Command(
        name = "rdepends",
        sortOptions = false,
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        description = {
            "List the packages that depend on a package, or recommend, suggest, enhance, break,"
                    + " conflict with or replace it.",
            "",
            "PKG may be a virtual package. Relations naming PKG come first, then those naming a"
                    + " virtual package that a version of PKG provides (marked '(via Provides)'); each"
                    + " group by package name, then version, newest first. Version restrictions are"
                    + " printed as written, not evaluated. Prints one line per relation: NAME  VERSION"
                    + "  CODENAME/COMPONENT  ARCH  Field: relation, followed by '| ...' when other"
                    + " alternatives follow it. --suite and --arch select the depending packages."
                    + " With --json one JSON array.",
            "",
            "Reads the index of the cache (--cache-dir), rebuilding index/packages.idx from lists/"
                    + " when it is missing, outdated or corrupt. Run 'debindex update' first.",
        },
        footerHeading = "%nExit status:%n",
        footer = {
            "  0   at least one package names PKG",
            "  1   none does, or PKG is not in the index",
            "  2   usage error",
            "  3   no index in the cache (run 'debindex update'), or the cache cannot be read",
            "  70  internal error (a bug)",
            "",
            "Examples:",
            "  debindex --repo 'deb http://mirror.example/debian trixie main' update",
            "  debindex rdepends libssl3t64",
            "  debindex rdepends --suite trixie mail-transport-agent",
        })
final class RdependsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PKG", description = "A package name, or a virtual package's.")
    private String name;

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
        PrintWriter err = spec.commandLine().getErr();
        Answer<ReverseDependency> answer = IndexSession.of(main, err).query(this::reverse);
        PrintWriter out = spec.commandLine().getOut();
        if (main.json()) {
            QueryOutput.rdependsJson(answer.found(), out);
        } else {
            QueryOutput.rdependsText(answer.found(), out);
        }
        out.flush();
        return answer.finish(err);
    }

    private Answer<ReverseDependency> reverse(PackageIndex index) throws IndexFormatException {
        List<ReverseDependency> all = index.reverseDependencies(name);
        List<ReverseDependency> found = new ArrayList<>();
        for (ReverseDependency d : all) {
            if (filter.matches(d.dependent())) {
                found.add(d);
            }
        }
        if (!found.isEmpty()) {
            return new Answer<>(found, List.of());
        }
        if (all.isEmpty() && index.packages(name).isEmpty() && index.providers(name).isEmpty()) {
            return new Answer<>(List.of(), List.of(IndexSession.noPackage(index, name)));
        }
        // a package nothing depends on is a negative answer, not an error: -q silences it
        return new Answer<>(List.of(), main.quiet() ? List.of()
                : List.of("no package names " + MalformedInputException.quote(name) + filter.describe()));
    }
}
