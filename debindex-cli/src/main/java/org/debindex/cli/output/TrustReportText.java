package org.debindex.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.Severity;
import org.debindex.core.model.HashAlgorithm;
import org.debindex.core.openpgp.SignatureCheck;
import org.debindex.core.openpgp.SignatureStatus;
import org.debindex.core.trust.FileCheck;
import org.debindex.verify.trust.TrustReport;

/**
 * A {@link TrustReport} as the text {@code debindex verify} prints: one line per signature, one
 * per index file checked (absent ones only counted), the findings, and a verdict line last.
 *
 * <pre>
 * signature 0123456789ABCDEF0123456789ABCDEF01234567 "Example Archive Key &lt;archive@mirror.example&gt;" rsa4096 SHA512 2026-11-21T10:00:00Z GOOD: good signature
 * file main/binary-amd64/Packages.xz VERIFIED 9437248 bytes SHA256
 * 118 listed files absent from the tree
 * ERROR INDEX_HASH_MISMATCH main/Contents-amd64.gz: SHA256 differs from the Release
 * FAILED: the chain does not hold for /srv/mirror/debian (suite trixie): 3 of 3 signatures good; index files: 1 verified, 1 failed, 0 skipped, 118 absent; 1 error (INDEX_HASH_MISMATCH), 0 warnings
 * </pre>
 *
 * <p>Findings of one code are capped at {@link #findingsPerCode()} lines, followed by
 * {@code ... and N more CODE findings}: a deep audit of a tree without its pool finds one missing
 * file per package. The JSON document has them all. Text that comes from the audited files (user
 * ids, paths, messages quoting them) has its control characters escaped, so that a hostile file
 * cannot drive the terminal.
 *
 * <p>Immutable and thread-safe; the writer it is given is not.
 */
public final class TrustReportText {

    /** Lines printed per finding code unless told otherwise. */
    public static final int DEFAULT_FINDINGS_PER_CODE = 20;

    private final int findingsPerCode;

    /**
     * A formatter that prints at most {@code findingsPerCode} findings of each code.
     *
     * @throws IllegalArgumentException if {@code findingsPerCode} is below 1
     */
    public TrustReportText(int findingsPerCode) {
        if (findingsPerCode < 1) {
            throw new IllegalArgumentException("findingsPerCode must be at least 1: " + findingsPerCode);
        }
        this.findingsPerCode = findingsPerCode;
    }

    /** How many findings of one code are printed before the rest are counted. */
    public int findingsPerCode() {
        return findingsPerCode;
    }

    /**
     * Writes the whole report, verdict line last.
     *
     * @throws NullPointerException if an argument is null
     */
    public void write(TrustReport report, PrintWriter out) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        for (SignatureCheck signature : report.signatures()) {
            line(out, signatureLine(signature));
            for (String warning : signature.warnings()) {
                line(out, "  warning: " + safe(warning));
            }
        }
        for (FileCheck file : report.files()) {
            if (file.outcome() != FileCheck.Outcome.ABSENT) {
                line(out, fileLine(file));
            }
        }
        long absent = report.count(FileCheck.Outcome.ABSENT);
        if (absent > 0) {
            line(out, absent + (absent == 1 ? " listed file" : " listed files") + " absent from the tree");
        }
        report.pool().ifPresent(pool -> line(out, "pool: " + poolSummary(pool) + ", " + pool.bytes() + " bytes read"));
        writeFindings(report.findings(), out);
        line(out, verdict(report));
    }

    /**
     * The verdict line alone, which {@code -q} prints: {@code OK: the chain holds for SOURCE: ...}
     * or {@code FAILED: the chain does not hold for SOURCE: ...}, with the signature, file and
     * finding counts and the codes of the errors.
     *
     * @throws NullPointerException if {@code report} is null
     */
    public static String verdict(TrustReport report) {
        StringBuilder b = new StringBuilder();
        b.append(report.ok() ? "OK: the chain holds for " : "FAILED: the chain does not hold for ")
                .append(safe(report.source()));
        report.suite().ifPresent(suite -> b.append(" (suite ").append(safe(suite)).append(')'));
        b.append(": ").append(signatureSummary(report.signatures()));
        if (!report.files().isEmpty()) {
            b.append("; index files: ").append(report.count(FileCheck.Outcome.VERIFIED)).append(" verified, ")
                    .append(report.count(FileCheck.Outcome.FAILED)).append(" failed, ")
                    .append(report.count(FileCheck.Outcome.SKIPPED)).append(" skipped, ")
                    .append(report.count(FileCheck.Outcome.ABSENT)).append(" absent");
        }
        report.pool().ifPresent(pool -> b.append("; pool: ").append(poolSummary(pool)));
        List<Finding> findings = report.findings();
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long notes = findings.stream().filter(f -> f.severity() == Severity.NOTE).count();
        b.append("; ").append(plural(errors, "error"));
        if (errors > 0) {
            Set<FindingCode> codes = new LinkedHashSet<>();
            findings.stream().filter(Finding::isError).forEach(f -> codes.add(f.code()));
            b.append(" (").append(codes.stream().map(Enum::name).collect(Collectors.joining(", "))).append(')');
        }
        b.append(", ").append(plural(warnings, "warning"));
        if (notes > 0) {
            b.append(", ").append(plural(notes, "note"));
        }
        return b.toString();
    }

    private void writeFindings(List<Finding> findings, PrintWriter out) {
        Map<FindingCode, Integer> total = new LinkedHashMap<>();
        for (Finding finding : findings) {
            total.merge(finding.code(), 1, Integer::sum);
        }
        Map<FindingCode, Integer> shown = new LinkedHashMap<>();
        for (Finding finding : findings) {
            int n = shown.merge(finding.code(), 1, Integer::sum);
            if (n > findingsPerCode) {
                continue;
            }
            line(out, finding.severity() + " " + finding.code() + " " + safe(finding.target()) + ": "
                    + safe(withoutTarget(finding)));
            int all = total.get(finding.code());
            if (n == findingsPerCode && all > n) {
                line(out, "... and " + (all - n) + " more " + finding.code() + " findings");
            }
        }
    }

    /**
     * The message without the target when it starts by naming it again (a verifier's message
     * names its file, and the audit uses it as is): {@code Release.gpg: Release.gpg: bad ...}
     * would stutter. The JSON keeps the message as it is.
     */
    private static String withoutTarget(Finding finding) {
        String prefix = finding.target() + ": ";
        String message = finding.message();
        return message.startsWith(prefix) && message.length() > prefix.length() ? message.substring(prefix.length()) : message;
    }

    private static String signatureLine(SignatureCheck s) {
        return "signature " + s.signerName()
                + " " + s.userId().map(TrustReportText::quoted).orElse("-")
                + " " + s.keyAlgorithm().map(TrustReportText::safe).orElse("-")
                + " " + safe(s.digestAlgorithm())
                + " " + TrustReportJson.time(s.created())
                + " " + s.status() + ": " + safe(s.detail());
    }

    private static String fileLine(FileCheck file) {
        List<String> algorithms = new ArrayList<>();
        for (HashAlgorithm algorithm : file.algorithms()) {
            algorithms.add(algorithm.releaseField());
        }
        return "file " + safe(file.path()) + " " + file.outcome() + " " + file.size() + " bytes "
                + (algorithms.isEmpty() ? "-" : String.join(" ", algorithms));
    }

    /** {@code 3 of 3 signatures good}, with the other statuses counted when there are any. */
    private static String signatureSummary(List<SignatureCheck> signatures) {
        if (signatures.isEmpty()) {
            return "no signature checked";
        }
        long good = signatures.stream().filter(SignatureCheck::isGood).count();
        StringBuilder b = new StringBuilder().append(good).append(" of ").append(signatures.size())
                .append(signatures.size() == 1 ? " signature good" : " signatures good");
        Map<SignatureStatus, Long> others = new LinkedHashMap<>();
        for (SignatureStatus status : SignatureStatus.values()) {
            long n = signatures.stream().filter(s -> s.status() == status).count();
            if (status != SignatureStatus.GOOD && n > 0) {
                others.put(status, n);
            }
        }
        if (!others.isEmpty()) {
            b.append(" (").append(others.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", "))).append(')');
        }
        return b.toString();
    }

    private static String poolSummary(TrustReport.PoolSummary pool) {
        return pool.verified() + " of " + (pool.isSampled() ? pool.sampled() + " sampled of " : "") + pool.listed()
                + " files verified, " + pool.missing() + " missing, " + pool.mismatched() + " mismatched";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static void line(PrintWriter out, String line) {
        out.write(line);
        out.write('\n');
    }

    private static String quoted(String text) {
        return '"' + safe(text).replace("\"", "\\\"") + '"';
    }

    /**
     * The text with C0 and C1 control characters, DEL and the Unicode line separators written as
     * {@code \}{@code uXXXX}, so that a line stays one line and cannot send terminal escapes.
     */
    static String safe(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                if (b == null) {
                    b = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                b.append(String.format("\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }
}
