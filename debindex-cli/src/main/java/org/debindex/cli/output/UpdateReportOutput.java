package org.debindex.cli.output;

import java.io.PrintWriter;
import java.util.List;
import org.debindex.core.Finding;
import org.debindex.core.Severity;
import org.debindex.core.openpgp.Fingerprint;
import org.debindex.core.openpgp.SignatureCheck;
import org.debindex.core.update.AcquisitionReport;
import org.debindex.core.update.TargetReport;

/**
 * Prints the reports of {@code debindex update}: as text, one line per suite and one per
 * finding, or as one JSON document
 * {@code {ok, sources:[{repository, suite, outcome, signatures:[{fingerprint, status, created}],
 * targets:[{path, outcome, variant}], findings:[{severity, code, target, message}]}]}}.
 *
 * <p>Text taken from a repository goes through {@link TrustReportText#safe} so that it cannot
 * break a line or send terminal escapes. Stateless and thread-safe.
 */
public final class UpdateReportOutput {

    private UpdateReportOutput() {
    }

    /**
     * What the update did to the index.
     *
     * @param packages       the package stanzas it holds
     * @param sources        the source package stanzas it holds
     * @param inputs         the verified files it was built from
     * @param rebuiltBecause why it was rebuilt; empty when the snapshot was current
     */
    public record IndexSummary(int packages, int sources, int inputs, java.util.Optional<String> rebuiltBecause) {
        /** @throws NullPointerException if {@code rebuiltBecause} is null */
        public IndexSummary {
            java.util.Objects.requireNonNull(rebuiltBecause, "rebuiltBecause");
        }
    }

    /** Whether every suite and every target of the reports succeeded. */
    public static boolean ok(List<AcquisitionReport> reports) {
        return reports.stream().noneMatch(AcquisitionReport::hasFailures);
    }

    /**
     * The text form: per suite {@code OUTCOME REPOSITORY: N fetched, N unchanged, N skipped,
     * N failed}, then its findings as {@code ERROR CODE target: message} (with {@code quiet} only
     * the errors; notes and warnings otherwise too).
     */
    public static void text(List<AcquisitionReport> reports, IndexSummary index, boolean quiet, PrintWriter out) {
        for (AcquisitionReport report : reports) {
            out.println(report.outcome().name() + ' ' + TrustReportText.safe(report.repository()) + ": "
                    + count(report, TargetReport.Outcome.FETCHED) + " fetched, "
                    + count(report, TargetReport.Outcome.UNCHANGED) + " unchanged, "
                    + count(report, TargetReport.Outcome.SKIPPED) + " skipped, "
                    + count(report, TargetReport.Outcome.FAILED) + " failed");
            for (Finding finding : report.findings()) {
                if (quiet && finding.severity() != Severity.ERROR) {
                    continue;
                }
                out.println(finding.severity().name() + ' ' + finding.code().name() + ' '
                        + TrustReportText.safe(finding.target()) + ": " + TrustReportText.safe(finding.message()));
            }
        }
        if (!quiet) {
            out.println("INDEX " + index.packages() + " packages"
                    + (index.sources() > 0 ? " and " + index.sources() + " source packages" : "")
                    + " from " + index.inputs() + " verified files"
                    + index.rebuiltBecause().map(r -> ", rebuilt because " + TrustReportText.safe(r))
                            .orElse(", unchanged"));
        }
    }

    private static long count(AcquisitionReport report, TargetReport.Outcome outcome) {
        return report.targets().stream().filter(t -> t.outcome() == outcome).count();
    }

    /** The JSON document, followed by a newline. */
    public static void json(List<AcquisitionReport> reports, IndexSummary index, PrintWriter out) {
        JsonWriter json = new JsonWriter(out);
        json.beginObject().member("ok", ok(reports)).name("sources").beginArray();
        for (AcquisitionReport report : reports) {
            json.beginObject()
                    .member("repository", report.repository())
                    .member("suite", report.suite())
                    .member("outcome", report.outcome().name())
                    .name("signatures").beginArray();
            for (SignatureCheck signature : report.verification().map(v -> v.signatures()).orElse(List.of())) {
                json.beginObject()
                        .member("fingerprint", signature.signer().map(Fingerprint::hex))
                        .member("status", signature.status().name())
                        .member("created", TrustReportJson.time(signature.created()))
                        .endObject();
            }
            json.endArray().name("targets").beginArray();
            for (TargetReport target : report.targets()) {
                json.beginObject()
                        .member("path", target.target().path())
                        .member("outcome", target.outcome().name())
                        .member("variant", target.listedPath())
                        .endObject();
            }
            json.endArray().name("findings").beginArray();
            for (Finding finding : report.findings()) {
                json.beginObject()
                        .member("severity", finding.severity().name())
                        .member("code", finding.code().name())
                        .member("target", finding.target())
                        .member("message", finding.message())
                        .endObject();
            }
            json.endArray().endObject();
        }
        json.endArray().name("index").beginObject()
                .member("packages", index.packages())
                .member("sourcePackages", index.sources())
                .member("inputs", index.inputs())
                .member("rebuilt", index.rebuiltBecause().isPresent())
                .member("reason", index.rebuiltBecause())
                .endObject();
        json.endObject().finish();
    }
}
