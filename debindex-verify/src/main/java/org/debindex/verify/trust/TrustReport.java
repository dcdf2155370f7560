package org.debindex.verify.trust;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.Finding;
import org.debindex.core.openpgp.ReleaseVerification;
import org.debindex.core.openpgp.SignatureCheck;
import org.debindex.core.trust.FileCheck;

/**
 * The outcome of a trust-chain audit, link by link: the Release signature, the Release's own
 * checks, each index file against the Release, and (for a deep audit) the pool files against the
 * indices.
 *
 * <p>The chain holds ({@link #ok()}) when the Release signature is accepted and no finding is an
 * error. Instances are immutable and thread-safe.
 *
 * @param source       what was audited, as the user named it (a file, a tree directory)
 * @param suite        the suite asked for, when one was
 * @param at           the verification time
 * @param verification the signature verdict; empty when no Release could be found to verify
 * @param files        the index files the Release lists, each with its outcome, in Release order
 *                     (for a tree audit; empty for a single signed file)
 * @param pool         the pool check of a deep audit
 * @param findings     every finding, errors first as met, then warnings and notes
 */
public record TrustReport(String source, Optional<String> suite, Instant at,
                          Optional<ReleaseVerification> verification, List<FileCheck> files,
                          Optional<PoolSummary> pool, List<Finding> findings) {

    /**
     * What a deep audit found in the pool.
     *
     * <p>Of the {@code listed} files, {@code sampled} were checked; each checked file is verified,
     * missing, mismatched, or none of these when it could not be read at all (a failed download).
     * The counts other than {@code listed} are about the checked files only.
     *
     * @param listed     distinct pool files the verified Packages and Sources list
     * @param verified   files present with matching size and digests
     * @param missing    files absent from the tree (or the server)
     * @param mismatched files present whose size or digest differs
     * @param bytes      bytes read and hashed
     * @param sampled    files checked: {@code listed}, or fewer when a sample was asked for
     */
    public record PoolSummary(long listed, long verified, long missing, long mismatched, long bytes, long sampled) {

        /**
         * Validates.
         *
         * @throws IllegalArgumentException if a count is negative, {@code sampled} exceeds {@code listed},
         *     or the outcomes add up to more than {@code sampled}
         */
        public PoolSummary {
            if (listed < 0 || verified < 0 || missing < 0 || mismatched < 0 || bytes < 0 || sampled < 0) {
                throw new IllegalArgumentException("counts must not be negative: listed " + listed + ", verified "
                        + verified + ", missing " + missing + ", mismatched " + mismatched + ", bytes " + bytes
                        + ", sampled " + sampled);
            }
            if (sampled > listed) {
                throw new IllegalArgumentException("sampled must not exceed listed " + listed + ": " + sampled);
            }
            if (verified + missing + mismatched > sampled) {
                throw new IllegalArgumentException("verified, missing and mismatched must not exceed sampled "
                        + sampled + ": " + (verified + missing + mismatched));
            }
        }

        /**
         * A summary of a check of every listed file (no sample).
         *
         * @throws IllegalArgumentException as the canonical constructor
         */
        public PoolSummary(long listed, long verified, long missing, long mismatched, long bytes) {
            this(listed, verified, missing, mismatched, bytes, listed);
        }

        /** Whether only a sample of the listed files was checked. */
        public boolean isSampled() {
            return sampled < listed;
        }
    }

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     */
    public TrustReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(pool, "pool");
        files = List.copyOf(files);
        findings = List.copyOf(findings);
    }

    /** Whether the chain holds: an accepted signature and no error finding. */
    public boolean ok() {
        return verification.map(ReleaseVerification::isAccepted).orElse(false)
                && findings.stream().noneMatch(Finding::isError);
    }

    /** Every signature's check, in file order; empty when no signed file was read. */
    public List<SignatureCheck> signatures() {
        return verification.map(ReleaseVerification::signatures).orElse(List.of());
    }

    /** How many listed index files had the given outcome. */
    public long count(FileCheck.Outcome outcome) {
        return files.stream().filter(f -> f.outcome() == outcome).count();
    }
}
