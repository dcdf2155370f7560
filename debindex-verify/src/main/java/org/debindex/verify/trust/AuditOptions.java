package org.debindex.verify.trust;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import org.debindex.core.openpgp.SignaturePolicy;
import org.debindex.core.trust.ReleaseCheckPolicy;

/**
 * How an audit runs: as of which instant, how deep, how many files at once, under which policies,
 * and for a deep audit whether only a random sample of the pool is checked.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param at              the verification time (the command line's {@code --at}, else now)
 * @param deep            whether pool files are checked against the verified Packages and Sources
 * @param parallelism     how many pool files are hashed (or downloaded) at once (at least 1)
 * @param signaturePolicy the signature algorithm and time policy
 * @param releasePolicy   the Release date and dist rules
 * @param sample          for a deep audit, how many of the listed pool files to check, chosen
 *                        uniformly at random (all of them when the sample is as large as the
 *                        listing); empty to check every listed file
 * @param seed            the seed of the sample's random choice: the same seed and listing give
 *                        the same sample
 */
public record AuditOptions(Instant at, boolean deep, int parallelism, SignaturePolicy signaturePolicy,
                           ReleaseCheckPolicy releasePolicy, OptionalInt sample, long seed) {

    /** Default number of pool files hashed at once: the processors, at most 8 (disk-bound beyond). */
    public static final int DEFAULT_PARALLELISM = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));

    /**
     * Validates.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code parallelism} is below 1 or {@code sample} is below 1
     */
    public AuditOptions {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(signaturePolicy, "signaturePolicy");
        Objects.requireNonNull(releasePolicy, "releasePolicy");
        Objects.requireNonNull(sample, "sample");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        if (sample.isPresent() && sample.getAsInt() < 1) {
            throw new IllegalArgumentException("sample must be at least 1: " + sample.getAsInt());
        }
    }

    /**
     * Options without a sample, seeded from the clock (the seed matters only once a sample is set).
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code parallelism} is below 1
     */
    public AuditOptions(Instant at, boolean deep, int parallelism, SignaturePolicy signaturePolicy,
                        ReleaseCheckPolicy releasePolicy) {
        this(at, deep, parallelism, signaturePolicy, releasePolicy, OptionalInt.empty(), timeSeed());
    }

    /** A shallow audit as of {@code at} under the standard policies. @throws NullPointerException if {@code at} is null */
    public static AuditOptions at(Instant at) {
        return new AuditOptions(at, false, DEFAULT_PARALLELISM, SignaturePolicy.standard(), ReleaseCheckPolicy.standard());
    }

    /** The same options with pool files checked or not. */
    public AuditOptions withDeep(boolean deep) {
        return new AuditOptions(at, deep, parallelism, signaturePolicy, releasePolicy, sample, seed);
    }

    /** The same options with another parallelism. @throws IllegalArgumentException if below 1 */
    public AuditOptions withParallelism(int parallelism) {
        return new AuditOptions(at, deep, parallelism, signaturePolicy, releasePolicy, sample, seed);
    }

    /**
     * The same options checking a uniformly random sample of {@code n} listed pool files (all of
     * them when {@code n} is at least their number); only a deep audit reads the pool.
     *
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public AuditOptions withSample(int n) {
        return new AuditOptions(at, deep, parallelism, signaturePolicy, releasePolicy, OptionalInt.of(n), seed);
    }

    /** The same options checking every listed pool file. */
    public AuditOptions withoutSample() {
        return new AuditOptions(at, deep, parallelism, signaturePolicy, releasePolicy, OptionalInt.empty(), seed);
    }

    /** The same options with the sample drawn from {@code seed}, for a repeatable sample. */
    public AuditOptions withSeed(long seed) {
        return new AuditOptions(at, deep, parallelism, signaturePolicy, releasePolicy, sample, seed);
    }

    /** A seed that differs from run to run, so repeated sampled audits cover different files. */
    private static long timeSeed() {
        return System.nanoTime() ^ System.currentTimeMillis();
    }
}
