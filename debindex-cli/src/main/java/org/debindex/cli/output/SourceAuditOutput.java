package org.debindex.cli.output;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.Finding;
import org.debindex.core.MalformedInputException;
import org.debindex.core.model.Release;
import org.debindex.core.openpgp.ReleaseVerification;
import org.debindex.verify.trust.SourceAudit;
import org.debindex.verify.trust.TrustReport;

/**
 * {@code debindex verify} of configured sources: per source a section that reads top-down along
 * the chain (keyring and signatures, the Release's dates and names, the history against the
 * cache, the index files and their mirror copies, the pool), then one verdict line per source; as
 * JSON one document {@code {ok, sources: [...]}}; and the Markdown audit record.
 *
 * <p>Thread-safe: a static holder.
 */
public final class SourceAuditOutput {

    private SourceAuditOutput() {
    }

    /**
     * The text report; with {@code quiet} only the verdict lines, and nothing for sources whose
     * chain holds (for cron: silent when all is well).
     *
     * @throws NullPointerException if an argument is null
     */
    public static void text(List<SourceAudit.Report> reports, boolean quiet, PrintWriter out) {
        TrustReportText trust = new TrustReportText(TrustReportText.DEFAULT_FINDINGS_PER_CODE);
        for (SourceAudit.Report r : reports) {
            if (quiet) {
                if (!r.trust().ok()) {
                    out.println(TrustReportText.verdict(r.trust()));
                }
                continue;
            }
            out.println("SOURCE " + TrustReportText.safe(r.target().repository()));
            release(r.trust()).ifPresent(line -> out.println("  release: " + line));
            out.println("  history: " + history(r));
            for (SourceAudit.MirrorFile m : r.mirror()) {
                out.println("  mirror: " + TrustReportText.safe(m.path()) + " " + word(m.plain())
                        + (m.byHash() == SourceAudit.Copy.NOT_CHECKED ? "" : ", by-hash copy " + word(m.byHash())));
            }
            trust.write(r.trust(), out);
            out.println();
        }
        out.flush();
    }

    /**
     * One source: the design's verify document {@code {ok, source, suite, signatures, findings,
     * ...}} with {@code repository, baseUri, release, previous, mirror} beside; several:
     * {@code {ok, sources: [that object, ...]}}.
     */
    public static void json(List<SourceAudit.Report> reports, PrintWriter out) {
        JsonWriter json = new JsonWriter(out);
        if (reports.size() == 1) {
            source(reports.get(0), json);
        } else {
            json.beginObject().member("ok", reports.stream().allMatch(r -> r.trust().ok()))
                    .name("sources").beginArray();
            reports.forEach(r -> source(r, json));
            json.endArray().endObject();
        }
        json.finish();
    }

    private static void source(SourceAudit.Report r, JsonWriter json) {
        json.beginObject();
        TrustReportJson.members(r.trust(), json);
        json.member("repository", r.target().repository()).member("baseUri", r.target().base().toString());
        Optional<Release> release = verifiedRelease(r.trust());
        json.name("release");
        if (release.isPresent()) {
            Release rel = release.get();
            json.beginObject().member("suite", rel.suite()).member("codename", rel.codename())
                    .member("date", rel.date().map(TrustReportJson::time))
                    .member("validUntil", rel.validUntil().map(TrustReportJson::time))
                    .member("acquireByHash", rel.acquireByHash()).endObject();
        } else {
            json.nullValue();
        }
        json.name("previous");
        if (r.previous().isPresent()) {
            json.beginObject().member("date", TrustReportJson.time(r.previous().get().date()))
                    .member("releaseSha256", r.previous().get().releaseSha256())
                    .name("signers").beginArray();
            r.previous().get().signers().forEach(f -> json.value(f.toString()));
            json.endArray().endObject();
        } else {
            json.nullValue();
        }
        json.name("mirror").beginArray();
        for (SourceAudit.MirrorFile m : r.mirror()) {
            json.beginObject().member("path", m.path()).member("size", m.size())
                    .member("copy", m.plain().name()).member("byHash", m.byHash().name()).endObject();
        }
        json.endArray().endObject();
    }

    /** The audit record: one section per source, its verdict, release, mirror table and findings. */
    public static void markdown(List<SourceAudit.Report> reports, Instant at, PrintWriter out) {
        out.println("# Trust-chain audit of the configured Debian sources");
        out.println();
        out.println("Audited as of " + TrustReportJson.time(at) + ": "
                + (reports.stream().allMatch(r -> r.trust().ok()) ? "every chain holds." : "**a chain does not hold.**"));
        for (SourceAudit.Report r : reports) {
            out.println();
            out.println("## " + cell(r.target().repository()));
            out.println();
            out.println(r.trust().ok() ? "The chain holds." : "**The chain does not hold.**");
            out.println();
            out.println("- Verdict: " + cell(TrustReportText.verdict(r.trust())));
            release(r.trust()).ifPresent(line -> out.println("- Release: " + cell(line)));
            out.println("- History: " + cell(history(r)));
            if (!r.mirror().isEmpty()) {
                out.println();
                out.println("| Index file | Size | Mirror copy | by-hash copy |");
                out.println("|---|---:|---|---|");
                for (SourceAudit.MirrorFile m : r.mirror()) {
                    out.println("| " + cell(m.path()) + " | " + m.size() + " | " + word(m.plain()) + " | "
                            + word(m.byHash()) + " |");
                }
            }
            if (!r.trust().findings().isEmpty()) {
                out.println();
                out.println("| Severity | Code | Target | Message |");
                out.println("|---|---|---|---|");
                for (Finding f : r.trust().findings()) {
                    out.println("| " + f.severity() + " | " + f.code() + " | " + cell(f.target()) + " | "
                            + cell(f.message()) + " |");
                }
            }
        }
        out.flush();
    }

    /** {@code Suite stable, Codename trixie, dated ..., valid until ... (N days left)}. */
    private static Optional<String> release(TrustReport trust) {
        return verifiedRelease(trust).map(r -> {
            StringBuilder b = new StringBuilder();
            b.append("Suite ").append(r.suite().orElse("-")).append(", Codename ").append(r.codename().orElse("-"));
            r.date().ifPresent(d -> b.append(", dated ").append(TrustReportJson.time(d)));
            if (r.validUntil().isPresent()) {
                Duration left = Duration.between(trust.at(), r.validUntil().get());
                b.append(", valid until ").append(TrustReportJson.time(r.validUntil().get()))
                        .append(left.isNegative() ? " (expired " + days(left.negated()) + " ago)"
                                : " (" + days(left) + " left)");
            } else {
                b.append(", no Valid-Until");
            }
            return b.toString();
        });
    }

    private static String days(Duration d) {
        long days = d.toDays();
        return days >= 1 ? days + (days == 1 ? " day" : " days") : d.toHours() + " h";
    }

    private static Optional<Release> verifiedRelease(TrustReport trust) {
        Optional<ReleaseVerification> v = trust.verification().filter(ReleaseVerification::isAccepted);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(v.get().release());
        } catch (MalformedInputException e) {
            return Optional.empty();
        }
    }

    private static String history(SourceAudit.Report r) {
        if (r.previous().isEmpty()) {
            return "no Release of this source accepted in the cache yet";
        }
        return "last accepted Release dated " + TrustReportJson.time(r.previous().get().date()) + ", signed by "
                + r.previous().get().signers().size() + (r.previous().get().signers().size() == 1 ? " key" : " keys");
    }

    private static String word(SourceAudit.Copy copy) {
        return switch (copy) {
            case MATCHES -> "matches the Release";
            case DIFFERS -> "DIFFERS from the Release";
            case ABSENT -> "absent";
            case FAILED -> "transfer FAILED";
            case NOT_CHECKED -> "not checked";
        };
    }

    private static String cell(String s) {
        String text = TrustReportText.safe(Objects.requireNonNull(s)).replace("|", "\\|");
        return text.isEmpty() ? "-" : text;
    }
}
