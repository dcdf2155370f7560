package org.debindex.core.openpgp;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The algorithm and time rules a signature must meet, beyond being cryptographically valid.
 *
 * <p>{@link #standard()} encodes trust-chain.md §2E and §4: MD5, SHA-1 and RIPEMD-160 digests are
 * rejected always, SHA-224 from {@code sha224Cutoff}; RSA below 2048 bits, DSA, ElGamal and
 * unknown algorithms are rejected; key bindings (self-signatures) made with SHA-1 are rejected
 * from {@code sha1BindingCutoff}; a signature created more than {@code maxClockSkew} after the
 * verification time is not yet valid; a soft revocation ("superseded", "retired") counts from its
 * own date when {@code softRevocationFatal}, and is ignored otherwise (a hard revocation — key
 * compromised, or no or an unknown reason — always counts, from the key's creation).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param sha224Cutoff        from this instant SHA-224 data signatures are weak
 * @param sha1BindingCutoff   from this instant SHA-1 self-signatures and subkey bindings make the key weak
 * @param maxClockSkew        how far in the future (after the verification time) a signature may be made
 * @param softRevocationFatal whether a soft revocation makes the key's signatures worthless after its date
 */
public record SignaturePolicy(Instant sha224Cutoff, Instant sha1BindingCutoff, Duration maxClockSkew,
                              boolean softRevocationFatal) {

    /** apt's Sequoia policy date for SHA-224 data signatures and SHA-1 bindings (trust-chain.md §4). */
    public static final Instant APT_2026_CUTOFF = Instant.parse("2026-02-01T00:00:00Z");

    private static final SignaturePolicy STANDARD =
            new SignaturePolicy(APT_2026_CUTOFF, APT_2026_CUTOFF, Duration.ofMinutes(5), true);

    /**
     * Validates.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code maxClockSkew} is negative
     */
    public SignaturePolicy {
        Objects.requireNonNull(sha224Cutoff, "sha224Cutoff");
        Objects.requireNonNull(sha1BindingCutoff, "sha1BindingCutoff");
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        if (maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("maxClockSkew must not be negative: " + maxClockSkew);
        }
    }

    /** The default policy: at least as strict as apt 3.1 with either backend. */
    public static SignaturePolicy standard() {
        return STANDARD;
    }
}
