/**
 * How the commands print their results: {@link org.debindex.cli.output.TrustReportText} and
 * {@link org.debindex.cli.output.TrustReportJson} for {@code verify}, the small
 * {@link org.debindex.cli.output.JsonWriter} behind every {@code --json} document,
 * {@link org.debindex.cli.output.QueryOutput} for the query commands ({@code search},
 * {@code show}, {@code versions}, {@code depends}, {@code rdepends}), and the terminal's
 * {@link org.debindex.cli.output.ProgressLine}. {@link org.debindex.cli.output.Utf8Writer}
 * encodes standard output and error.
 *
 * <p>Formatting only: what a report says is decided in {@code debindex-verify}.
 */
package org.debindex.cli.output;
