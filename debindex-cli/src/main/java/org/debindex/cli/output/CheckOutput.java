package org.debindex.cli.output;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.debindex.verify.deps.CheckResult;
import org.debindex.verify.deps.DeclaredDependency;

/**
 * Renders a {@code debindex check} report: a text table, the design's JSON document, or the
 * Markdown record the packaging rule asks for.
 *
 * <p>Thread-safe: a static holder without state.
 */
public final class CheckOutput {

    private CheckOutput() {
    }

    /** As a Release writes its {@code Date}. */
    private static final DateTimeFormatter RELEASE_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", java.util.Locale.ROOT);

    /**
     * A report on one suite.
     *
     * <p>Instances are immutable and thread-safe.
     *
     * @param suite          the suite checked against
     * @param suiteByDefault whether the suite was not asked for but taken from the cache
     * @param results        the listed dependencies, in manifest order
     * @param leftOut        how many test, dev or optional dependencies were not listed
     * @param ownModules     how many dependencies on the project's own modules were not listed
     * @param ok             whether every listed runtime dependency is available
     */
    public record Report(String suite, boolean suiteByDefault, List<CheckResult> results, int leftOut,
                         int ownModules, boolean ok) {
        /**
         * Validates and copies.
         *
         * @throws NullPointerException if a component or an element is null
         */
        public Report {
            Objects.requireNonNull(suite, "suite");
            results = List.copyOf(results);
        }
    }

    /** A header naming the suite, a table {@code ECOSYSTEM NAME REQUESTED STATUS PACKAGE VERSION REASON}, a summary. */
    public static void text(Report report, PrintWriter out) {
        out.println("suite " + QueryOutput.safe(report.suite())
                + (report.suiteByDefault() ? " (of the first verified Contents file; choose with --suite)" : ""));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ECOSYSTEM", "NAME", "REQUESTED", "STATUS", "PACKAGE", "VERSION", "REASON"});
        for (CheckResult r : report.results()) {
            DeclaredDependency d = r.dependency();
            rows.add(new String[] {d.ecosystem().name(), d.name(), orDash(d.requested()), r.status().name(),
                r.debianPackage().orElse("-"), r.debianVersion().orElse("-"), r.reason()});
        }
        QueryOutput.columns(rows, "  ", OptionalInt.empty(), out);
        long available = report.results().stream().filter(r -> r.status() == CheckResult.Status.AVAILABLE).count();
        out.println(available + " of " + report.results().size() + " available"
                + (report.leftOut() == 0 ? "" : "; " + report.leftOut()
                        + " test, dev or optional dependencies left out (--include-dev lists them)")
                + (report.ownModules() == 0 ? "" : "; " + report.ownModules()
                        + " on the project's own modules left out"));
    }

    /** {@code {suite, ok, leftOut, dependencies:[{ecosystem, name, requested, status, debianPackage, ...}]}}. */
    public static void json(Report report, PrintWriter out) {
        JsonWriter json = new JsonWriter(out).beginObject().member("suite", report.suite()).member("ok", report.ok())
                .member("leftOut", report.leftOut()).member("ownModules", report.ownModules())
                .name("dependencies").beginArray();
        for (CheckResult r : report.results()) {
            DeclaredDependency d = r.dependency();
            json.beginObject().member("ecosystem", d.ecosystem().name()).member("name", d.name())
                    .member("requested", d.requested()).member("status", r.status().name())
                    .member("debianPackage", r.debianPackage()).member("debianVersion", r.debianVersion())
                    .member("upstreamVersion", r.upstreamVersion()).member("reason", r.reason())
                    .member("manifest", d.manifest()).member("line", d.line()).member("scope", d.scope())
                    .endObject();
        }
        json.endArray().endObject().finish();
    }

    /**
     * The record of what comes from Debian and what does not: the suite and the date of its
     * verified Release, the data used; the {@code apt-get install} line of every available
     * package (sorted, each once); a table of the rest, which must be packaged or taken from a
     * registry. The same data and manifests give the same bytes.
     *
     * @param released the {@code Date} of the Release that vouched for the data, if known
     */
    public static void markdown(Report report, Optional<Instant> released, PrintWriter out) {
        out.println("# Dependency check against Debian " + report.suite());
        out.println();
        out.println("Data: the " + report.suite() + " files (Contents, Packages) listed by its signed Release "
                + released.map(d -> "of " + RELEASE_DATE.format(d.atOffset(ZoneOffset.UTC)))
                        .orElse("of an unknown date (the cache predates the record of Release dates:"
                                + " run 'debindex update' again)")
                + ", verified before use.");
        out.println();
        out.println("## From Debian");
        out.println();
        TreeSet<String> install = new TreeSet<>();
        for (CheckResult r : report.results()) {
            if (r.status() == CheckResult.Status.AVAILABLE) {
                r.debianPackage().ifPresent(install::add);
            }
        }
        if (install.isEmpty()) {
            out.println("Nothing.");
        } else {
            out.println("```");
            out.println("apt-get install " + String.join(" ", install));
            out.println("```");
        }
        out.println();
        out.println("## To package or take from a registry");
        out.println();
        List<CheckResult> rest = report.results().stream()
                .filter(r -> r.status() != CheckResult.Status.AVAILABLE).toList();
        if (rest.isEmpty()) {
            out.println("Nothing.");
        } else {
            out.println("| Ecosystem | Name | Requested | Status | Reason |");
            out.println("|---|---|---|---|---|");
            for (CheckResult r : rest) {
                DeclaredDependency d = r.dependency();
                out.println("| " + cell(d.ecosystem().name()) + " | " + cell(d.name()) + " | " + cell(orDash(d.requested()))
                        + " | " + r.status().name() + " | " + cell(r.reason()) + " |");
            }
        }
        if (report.leftOut() > 0) {
            out.println();
            out.println(report.leftOut() + " test, dev or optional dependencies were not checked.");
        }
        if (report.ownModules() > 0) {
            out.println();
            out.println(report.ownModules() + " dependencies on the project's own modules were not checked.");
        }
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "-" : s;
    }

    /** A table cell: a pipe would end it and a line break the row. */
    private static String cell(String s) {
        return QueryOutput.safe(s).replace("|", "\\|");
    }
}
