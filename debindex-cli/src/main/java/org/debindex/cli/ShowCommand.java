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
 * {@code debindex show}: the stanzas of packages as their Packages files have them, with the
 * long description from the Translation files merged in as {@code apt-cache show} does: picocli's
 * side; the work is {@link ShowRequest}'s.
 *
 * <p>Not thread-safe: picocli fills one instance per run.
 */
@Command(
        name = "show",
        sortOptions = false,
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        description = {
            "Print the full stanza of each version of the packages.",
            "",
            "PKG is a package name, NAME=VERSION for one version, or NAME/SUITE for the versions"
                    + " of one suite or codename. Prints every matching stanza as its Packages file"
                    + " has it, stanzas separated by a blank line; when the Packages file carries only"
                    + " the synopsis, the long description from the Translation file is added to"
                    + " Description, as apt-cache show does. A package listed by several Packages files"
                    + " of one suite and component (an 'all' package for amd64 and i386) is printed"
                    + " once. With --json one JSON array, each stanza's fields in order.",
            "",
            "Reads the index of the cache (--cache-dir), rebuilding index/packages.idx from lists/"
                    + " when it is missing, outdated or corrupt. Run 'debindex update' first.",
        },
        footerHeading = "%nExit status:%n",
        footer = {
            "  0   every package was found",
            "  1   a package (or the version or suite asked for) is not in the index",
            "  2   usage error",
            "  3   no index in the cache (run 'debindex update'), or the cache cannot be read",
            "  70  internal error (a bug)",
            "",
            "Examples:",
            "  debindex --repo 'deb http://mirror.example/debian trixie main' update",
            "  debindex show bash",
            "  debindex show bash/trixie coreutils=9.7-3",
            "  debindex --json show --arch amd64 bash",
        })
final class ShowCommand implements Callable<Integer> {

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
        ShowRequest request = new ShowRequest(packages, filter.value());
        try {
            return request.run(main.queryContext(spec.commandLine().getOut(), spec.commandLine().getErr()));
        } catch (UsageException e) {
            throw ExitStatus.usage(spec.commandLine(), e);
        }
    }
}
