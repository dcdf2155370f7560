package org.debindex.verify.trust;

import java.time.Instant;
import java.util.Objects;
import org.debindex.core.openpgp.SignaturePolicy;
import org.debindex.core.trust.ReleaseCheckPolicy;

/**
 * How an audit runs: as of which instant, how deep, how many files at once, under which policies.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param at              the verification time (the command line's {@code --at}, else now)
 * @param deep            whether pool files are checked against the verified Packages and Sources
 * @param parallelism     how many pool files are hashed at once (at least 1)
 * @param signaturePolicy the signature algorithm and time policy
 * @param releasePolicy   the Release date and dist rules
 */
public record AuditOptions(Instant at, boolean deep, int parallelism, SignaturePolicy signaturePolicy,
                           ReleaseCheckPolicy releasePolicy) {

    /** Default number of pool files hashed at once: the processors, at most 8 (disk-bound beyond). */
    public static final int DEFAULT_PARALLELISM = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));

    /**
     * Validates.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code parallelism} is below 1
     */
    public AuditOptions {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(signaturePolicy, "signaturePolicy");
        Objects.requireNonNull(releasePolicy, "releasePolicy");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
    }

    /** A shallow audit as of {@code at} under the standard policies. @throws NullPointerException if {@code at} is null */
    public static AuditOptions at(Instant at) {
        return new AuditOptions(at, false, DEFAULT_PARALLELISM, SignaturePolicy.standard(), ReleaseCheckPolicy.standard());
    }

    /** The same options with pool files checked or not. */
    public AuditOptions withDeep(boolean deep) {
        return new AuditOptions(at, deep, parallelism, signaturePolicy, releasePolicy);
    }

    /** The same options with another parallelism. @throws IllegalArgumentException if below 1 */
    public AuditOptions withParallelism(int parallelism) {
        return new AuditOptions(at, deep, parallelism, signaturePolicy, releasePolicy);
    }
}
