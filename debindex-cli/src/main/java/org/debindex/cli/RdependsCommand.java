package org.debindex.cli;

import java.io.IOException;
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
 * {@code debindex rdepends}: the packages whose relations name a package, directly or through a
 * virtual package it provides, as {@link org.debindex.core.index.PackageIndex#reverseDependencies}
 * finds them: picocli's side; the work is {@link RdependsRequest}'s.
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
    private FilterOptions filter;

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, MalformedInputException, IndexFormatException {
        RdependsRequest request = new RdependsRequest(name, filter.value());
        return request.run(main.queryContext(spec.commandLine().getOut(), spec.commandLine().getErr()));
    }
}
