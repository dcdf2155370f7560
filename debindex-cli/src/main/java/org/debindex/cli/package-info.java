/**
 * The {@code debindex} command: {@link org.debindex.cli.Main} (global options, exit statuses),
 * one class per subcommand, and the one place that turns exceptions into exit statuses and
 * one-line messages ({@code ExitStatus}). The query commands open the cache's index through
 * {@code IndexSession}, which rebuilds a corrupt snapshot and asks again. Their work lives in
 * picocli-free records ({@code SearchRequest} ... {@code RdependsRequest}); a well-formed query
 * line is parsed by {@code QueryArguments} and runs without loading picocli, anything else goes
 * through picocli ({@code CommandLines}) so that usage errors and help stay picocli's.
 *
 * <p>This is the only module that uses picocli, {@code System.out}/{@code System.err} and
 * {@code System.exit}; it holds no domain logic of its own.
 */
package org.debindex.cli;
