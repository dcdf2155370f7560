package org.debindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.debindex.cli.output.QueryOutput;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.SearchHit;
import org.debindex.core.index.SearchQuery;

/**
 * The arguments of {@code debindex search} and its work; {@link SearchCommand} documents the
 * command.
 *
 * <p>Instances are immutable and thread-safe; {@link #run} is as thread-safe as its context.
 *
 * @param terms     what to look for, every term must match; at least one
 * @param namesOnly {@code --names-only}
 * @param regex     {@code --regex}
 * @param filter    {@code --suite} and {@code --arch}
 * @param limit     {@code --limit}; empty for none
 */
record SearchRequest(List<String> terms, boolean namesOnly, boolean regex, PackageFilter filter, OptionalInt limit)
        implements QueryRequest {

    /** @throws NullPointerException if a component or term is null */
    SearchRequest {
        terms = List.copyOf(terms);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(limit, "limit");
    }

    /**
     * Prints the hits, best first, and returns the exit status: 1 when nothing matched.
     *
     * @throws UsageException if the limit is below 1, a term is empty or not a regular expression
     *     (before anything is read or printed)
     * @throws IOException if the cache cannot be read or has no index
     * @throws MalformedInputException if a verified list is malformed
     * @throws IndexFormatException if the rebuilt snapshot is corrupt
     */
    @Override
    public int run(QueryContext context) throws IOException, MalformedInputException, IndexFormatException {
        SearchQuery query = query();
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        List<SearchHit> hits = IndexSession.of(context).query(index -> distinct(index, query));
        if (context.json()) {
            QueryOutput.searchJson(hits, out);
        } else {
            QueryOutput.searchText(hits, context.outputWidth(), out);
        }
        out.flush();
        if (hits.isEmpty() && !context.quiet()) {
            StringBuilder quoted = new StringBuilder();
            for (String term : terms) {
                quoted.append(quoted.length() == 0 ? "" : " ").append(MalformedInputException.quote(term));
            }
            err.println("debindex: no package matches " + quoted + QueryOutput.safe(filter.describe()));
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
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new UsageException("--limit must be at least 1: " + limit.getAsInt());
        }
        for (String term : terms) {
            if (term.isEmpty()) {
                throw new UsageException("a search term must not be empty");
            }
            if (regex) {
                try {
                    Pattern.compile(term, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                } catch (PatternSyntaxException e) {
                    throw new UsageException("invalid regular expression " + MalformedInputException.quote(term)
                            + ": " + lowerFirst(e.getDescription()) + " at index " + e.getIndex());
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
        return limit.isEmpty() ? query : query.withLimit(limit.getAsInt());
    }

    /** Messages are lower-case; the JDK's pattern errors start with a capital. */
    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
