package org.debindex.cli;

import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code debindex search}: packages whose name or description matches every term, best first,
 * as {@link org.debindex.core.index.PackageIndex#search} finds and orders them: picocli's side;
 * the work is {@link SearchRequest}'s.
 *
 * <p>Not thread-safe: picocli fills one instance per run.
 */
@Command(
        name = "search",
        sortOptions = false,
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        description = {
            "Find packages whose name or description matches every TERM.",
            "",
            "A term matches, case-insensitively, as a substring (with --regex as a regular"
                    + " expression found anywhere) of the package name, a name it provides, or its"
                    + " description. Best matches first: the exact name, then names starting with a"
                    + " term, then names containing one, then provided names, then descriptions;"
                    + " ties by name, then version (newest first).",
            "",
            "Prints one line per package: NAME  VERSION  CODENAME/COMPONENT  ARCH  SUMMARY, in"
                    + " columns, cut at the terminal's width ($COLUMNS, else 80) when standard output"
                    + " is a terminal. With --json one JSON array.",
            "",
            "Reads the index of the cache (--cache-dir): index/packages.idx, rebuilt from the"
                    + " verified files in lists/ when it is missing, outdated or corrupt (then it"
                    + " writes index/packages.idx). Run 'debindex update' first.",
        },
        footerHeading = "%nExit status:%n",
        footer = {
            "  0   at least one package matched",
            "  1   no package matched",
            "  2   usage error (such as an invalid regular expression)",
            "  3   no index in the cache (run 'debindex update'), or the cache cannot be read",
            "  70  internal error (a bug)",
            "",
            "Examples:",
            "  debindex --repo 'deb http://mirror.example/debian trixie main' update",
            "  debindex search nginx",
            "  debindex search --names-only --suite trixie --arch amd64 python3 yaml",
            "  debindex --json search --regex '^lib.*ssl[0-9]' --limit 5",
        })
final class SearchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TERM", arity = "1..*", description = "What to look for; every term must match.")
    private List<String> terms;

    @Option(names = "--names-only", description = "Match package names (and the names they provide) only.")
    private boolean namesOnly;

    @Option(names = "--regex", description = "The terms are regular expressions (Java syntax).")
    private boolean regex;

    @Mixin
    private FilterOptions filter;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N packages, the best ones.")
    private Integer limit;

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, MalformedInputException, IndexFormatException {
        SearchRequest request = new SearchRequest(terms, namesOnly, regex, filter.value(),
                limit == null ? OptionalInt.empty() : OptionalInt.of(limit));
        try {
            return request.run(main.queryContext(spec.commandLine().getOut(), spec.commandLine().getErr()));
        } catch (UsageException e) {
            throw ExitStatus.usage(spec.commandLine(), e);
        }
    }
}
