package org.debindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.debindex.cli.output.QueryOutput;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.SearchHit;
import org.debindex.core.index.SearchQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code debindex search}: packages whose name or description matches every term, best first,
 * as {@link org.debindex.core.index.PackageIndex#search} finds and orders them.
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
    private PackageFilter filter;

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
        SearchQuery query = query();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SearchHit> hits = IndexSession.of(main, err).query(index -> distinct(index, query));
        if (main.json()) {
            QueryOutput.searchJson(hits, out);
        } else {
            QueryOutput.searchText(hits, main.outputWidth(), out);
        }
        out.flush();
        if (hits.isEmpty() && !main.quiet()) {
            err.println("debindex: no package matches " + String.join(" ", terms.stream()
                    .map(MalformedInputException::quote).toList()) + QueryOutput.safe(filter.describe()));
        }
        return hits.isEmpty() ? ExitStatus.NO : ExitStatus.OK;
    }

    /**
     * The hits, each package once: an {@code all} package is listed by the Packages file of every
     * architecture, and the same row twice says nothing. Asks again with a larger limit until the
     * limit is reached or the index has no more hits.
     */
    private static List<SearchHit> distinct(PackageIndex index, SearchQuery query) throws IndexFormatException {
        int asked = query.limit();
        while (true) {
            List<SearchHit> hits = index.search(query.withLimit(asked));
            Map<List<String>, SearchHit> distinct = new LinkedHashMap<>();
            for (SearchHit hit : hits) {
                PackageEntry e = hit.entry();
                distinct.putIfAbsent(List.of(e.name(), e.version().toString(), e.architecture(), e.origin().suite(),
                        e.origin().codename(), e.origin().component()), hit);
            }
            if (distinct.size() >= query.limit() || hits.size() < asked || asked == Integer.MAX_VALUE) {
                return distinct.values().stream().limit(query.limit()).toList();
            }
            asked = (int) Math.min(Integer.MAX_VALUE, 2L * asked);
        }
    }

    private SearchQuery query() {
        if (limit != null && limit < 1) {
            throw usage("--limit must be at least 1: " + limit);
        }
        for (String term : terms) {
            if (term.isEmpty()) {
                throw usage("a search term must not be empty");
            }
            if (regex) {
                try {
                    Pattern.compile(term, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                } catch (PatternSyntaxException e) {
                    throw usage("invalid regular expression " + MalformedInputException.quote(term) + ": "
                            + lowerFirst(e.getDescription()) + " at index " + e.getIndex());
                }
            }
        }
        SearchQuery query = SearchQuery.of(terms.toArray(String[]::new)).withNamesOnly(namesOnly).withRegex(regex);
        if (filter.suite().isPresent()) {
            query = query.withSuite(filter.suite().get());
        }
        if (filter.architecture().isPresent()) {
            query = query.withArchitecture(filter.architecture().get());
        }
        return limit == null ? query : query.withLimit(limit);
    }

    /** Messages are lower-case; the JDK's pattern errors start with a capital. */
    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
