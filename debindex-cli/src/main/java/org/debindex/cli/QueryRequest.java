package org.debindex.cli;

import java.io.IOException;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;

/**
 * The arguments of one query command ({@code search}, {@code show}, {@code versions},
 * {@code depends}, {@code rdepends}) and its work, free of picocli: picocli's command classes
 * and {@link QueryArguments} both end here, so a query behaves the same whichever parsed it.
 *
 * <p>Implementations are immutable records and thread-safe.
 */
sealed interface QueryRequest permits SearchRequest, ShowRequest, VersionsRequest, DependsRequest, RdependsRequest {

    /**
     * Answers the query on {@code context}'s cache and streams and returns the exit status,
     * {@link ExitStatus#OK} or {@link ExitStatus#NO}; anything else is thrown.
     *
     * @throws UsageException if an argument is invalid; thrown before anything is read or printed
     * @throws IOException if the cache cannot be read or has no index
     * @throws MalformedInputException if a verified list is malformed
     * @throws IndexFormatException if the rebuilt snapshot is corrupt
     */
    int run(QueryContext context) throws IOException, MalformedInputException, IndexFormatException;
}
