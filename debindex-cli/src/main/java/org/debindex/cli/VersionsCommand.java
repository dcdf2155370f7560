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
 * {@code debindex versions}: every version of packages across the indexed suites, one row per
 * version, suite and component, as {@code apt-cache madison} prints them: picocli's side; the
 * work is {@link VersionsRequest}'s.
 *
 * <p>Not thread-safe: picocli fills one instance per run.
 */
@Command(
        name = "versions",
        sortOptions = false,
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        description = {
            "List every version of the packages in every indexed suite.",
            "",
            "Prints one line per package, version, suite and component, newest version first"
                    + " (Debian order): NAME | VERSION | CODENAME/COMPONENT | ARCHITECTURES, the"
                    + " architectures it is built for there joined by ', '. With --json one JSON"
                    + " array.",
            "",
            "Reads the index of the cache (--cache-dir), rebuilding index/packages.idx from lists/"
                    + " when it is missing, outdated or corrupt. Run 'debindex update' first.",
        },
        footerHeading = "%nExit status:%n",
        footer = {
            "  0   every package was found",
            "  1   a package is not in the index (or has no version for --suite and --arch)",
            "  2   usage error",
            "  3   no index in the cache (run 'debindex update'), or the cache cannot be read",
            "  70  internal error (a bug)",
            "",
            "Examples:",
            "  debindex --repo 'deb http://mirror.example/debian trixie main' \\",
            "      --repo 'deb http://mirror.example/debian bookworm main' update",
            "  debindex versions bash coreutils",
            "  debindex --json versions --suite trixie --arch amd64 nginx",
        })
final class VersionsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PKG", arity = "1..*", description = "Package names.")
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
        VersionsRequest request = new VersionsRequest(packages, filter.value());
        return request.run(main.queryContext(spec.commandLine().getOut(), spec.commandLine().getErr()));
    }
}
