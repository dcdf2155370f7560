package org.debindex.core.openpgp;

/**
 * The verdict on one signature, as the command line's {@code --json} reports it.
 *
 * <p>Only {@link #GOOD} counts towards accepting a file; {@link #BAD} refuses the file whatever
 * the other signatures say; every other status makes that one signature worthless but lets a good
 * signature from another key carry the file, as apt does (trust-chain.md §2E).
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum SignatureStatus {
    /** Cryptographically valid, from a trusted key valid at the verification time, and within policy. */
    GOOD,
    /** Does not verify (the data or the signature was changed), or is not a document signature. */
    BAD,
    /** The signing key is not in the keyring, or not allowed by {@code Signed-By}, or unusable. */
    NO_KEY,
    /** The signing key or subkey (or the signature itself) had expired by the verification time. */
    KEY_EXPIRED,
    /** The signing key or subkey had been revoked by the verification time. */
    KEY_REVOKED,
    /** The digest algorithm is rejected by the policy (MD5, SHA-1, RIPEMD-160, SHA-224 from 2026-02-01). */
    WEAK_DIGEST,
    /** The key's algorithm or size is rejected by the policy (RSA below 2048 bits, DSA, unsupported). */
    WEAK_KEY,
    /** Made after the verification time (beyond the allowed skew), or before its key existed. */
    NOT_YET_VALID
}
