package org.debindex.cli.output;

import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.debindex.core.Finding;
import org.debindex.core.Severity;
import org.debindex.core.model.HashAlgorithm;
import org.debindex.core.openpgp.Fingerprint;
import org.debindex.core.openpgp.ReleaseVerification;
import org.debindex.core.openpgp.SignatureCheck;
import org.debindex.core.trust.FileCheck;
import org.debindex.verify.trust.TrustReport;

/**
 * A {@link TrustReport} as the {@code --json} document of {@code debindex verify}.
 *
 * <p>The design's contract (keys every consumer may rely on):
 * {@code {ok, source, suite, signatures:[{fingerprint, status, created}],
 * findings:[{severity, code, target, message}]}}. Added here: {@code at} (the verification time),
 * {@code verification} (whether the signed file was accepted, and why not), each signature's
 * {@code keyId}, {@code primaryKey}, {@code userId}, {@code keyAlgorithm}, {@code digest},
 * {@code expires}, {@code detail} and {@code warnings}; {@code files:[{path, outcome, size,
 * algorithms}]} with every listed index file (absent ones too); {@code counts} of files by outcome
 * and of findings by severity; {@code pool} for a deep audit. A value that is unknown is
 * {@code null} (the {@code fingerprint} of a signature from an unknown key named only by its key
 * id, the {@code suite} of a single-file audit), never a missing key. Times are ISO-8601 UTC
 * instants ({@code 2026-11-21T10:00:00Z}). Nothing is capped: every finding is in
 * the document.
 *
 * <p>Immutable and thread-safe; the writer it is given is not.
 */
public final class TrustReportJson {

    /** A formatter of the document; it has no settings. */
    public TrustReportJson() {
    }

    /**
     * Writes the report as one JSON document followed by a newline.
     *
     * @throws NullPointerException if an argument is null
     * @throws java.io.UncheckedIOException if writing fails
     */
    public void write(TrustReport report, Writer out) {
        Objects.requireNonNull(report, "report");
        JsonWriter json = new JsonWriter(Objects.requireNonNull(out, "out"));
        json.beginObject();
        members(report, json);
        json.endObject().finish();
    }

    /**
     * Writes the report's members into an object the caller has begun, so that a larger document
     * (the audit of a configured source) can add its own beside them.
     *
     * @throws NullPointerException if an argument is null
     */
    public static void members(TrustReport report, JsonWriter json) {
        Objects.requireNonNull(report, "report");
        json.member("ok", report.ok())
                .member("source", report.source())
                .member("suite", report.suite())
                .member("at", time(report.at()));
        json.name("verification");
        if (report.verification().isPresent()) {
            ReleaseVerification verification = report.verification().get();
            json.beginObject()
                    .member("accepted", verification.isAccepted())
                    .member("failure", verification.failure().map(Enum::name))
                    .member("message", verification.message())
                    .endObject();
        } else {
            json.nullValue();
        }
        json.name("signatures").beginArray();
        for (SignatureCheck signature : report.signatures()) {
            signature(json, signature);
        }
        json.endArray();
        json.name("files").beginArray();
        for (FileCheck file : report.files()) {
            json.beginObject()
                    .member("path", file.path())
                    .member("outcome", file.outcome().name())
                    .member("size", file.size());
            json.name("algorithms").beginArray();
            for (HashAlgorithm algorithm : file.algorithms()) {
                json.value(algorithm.releaseField());
            }
            json.endArray().endObject();
        }
        json.endArray();
        json.name("counts").beginObject();
        for (FileCheck.Outcome outcome : FileCheck.Outcome.values()) {
            json.member(outcome.name().toLowerCase(java.util.Locale.ROOT), report.count(outcome));
        }
        json.member("errors", count(report, Severity.ERROR))
                .member("warnings", count(report, Severity.WARNING))
                .member("notes", count(report, Severity.NOTE))
                .endObject();
        json.name("pool");
        if (report.pool().isPresent()) {
            TrustReport.PoolSummary pool = report.pool().get();
            json.beginObject()
                    .member("listed", pool.listed())
                    .member("sampled", pool.sampled())
                    .member("verified", pool.verified())
                    .member("missing", pool.missing())
                    .member("mismatched", pool.mismatched())
                    .member("bytes", pool.bytes())
                    .endObject();
        } else {
            json.nullValue();
        }
        json.name("findings").beginArray();
        for (Finding finding : report.findings()) {
            json.beginObject()
                    .member("severity", finding.severity().name())
                    .member("code", finding.code().name())
                    .member("target", finding.target())
                    .member("message", finding.message())
                    .endObject();
        }
        json.endArray();
    }

    private static void signature(JsonWriter json, SignatureCheck signature) {
        json.beginObject()
                .member("fingerprint", signature.signer().map(Fingerprint::hex))
                .member("status", signature.status().name())
                .member("created", time(signature.created()))
                .member("keyId", signature.keyId())
                .member("primaryKey", signature.primaryKey().map(Fingerprint::hex))
                .member("userId", signature.userId())
                .member("keyAlgorithm", signature.keyAlgorithm())
                .member("digest", signature.digestAlgorithm())
                .member("expires", signature.expires().map(TrustReportJson::time))
                .member("detail", signature.detail());
        json.name("warnings").beginArray();
        for (String warning : signature.warnings()) {
            json.value(warning);
        }
        json.endArray().endObject();
    }

    private static long count(TrustReport report, Severity severity) {
        return report.findings().stream().filter(f -> f.severity() == severity).count();
    }

    /** ISO-8601 UTC, as the text report prints it: seconds always, a fraction only when there is one. */
    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
