package org.debindex.core;

/**
 * What went wrong (or is worth a warning) in a repository's trust chain, one code per kind of
 * failure, as listed in {@code trust-chain.md} §1; the codes are part of the command line's
 * {@code --json} contract.
 *
 * <p>Most codes refuse the repository; those marked as warnings in their description do not.
 * Some codes are not in that list: {@link #SIG_NOT_YET_VALID} names a signature made in the future,
 * {@link #DEB_MISSING} a pool file a deep audit did not find, and {@link #KEY_EXPIRING},
 * {@link #KEY_INVALID} and {@link #SIGNING_KEY_CHANGED} the key hygiene of §3; the list has no
 * code for any of them.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum FindingCode {
    /** No keyring file given could be read as OpenPGP keys (or a listed file was skipped, as a warning). */
    KEYRING_UNUSABLE,
    /** An {@code InRelease} that does not follow the strict clearsigned format. */
    CLEARSIGN_MALFORMED,
    /** A detached {@code Release.gpg} that is not only ASCII-armored signature blocks. */
    SIGFILE_MALFORMED,
    /** No signature at all where one was required (empty file, an HTML page). */
    SIG_NODATA,
    /** A signature that does not verify: the signed data or the signature was changed. */
    SIG_BAD,
    /** No good signature from a key that the keyring (and {@code Signed-By}) trusts. */
    SIG_UNTRUSTED_KEY,
    /** The only signatures come from keys expired by the verification time. */
    SIG_KEY_EXPIRED,
    /** The only signatures come from keys revoked by the verification time. */
    SIG_KEY_REVOKED,
    /** The only signatures have themselves expired (signature expiration time). */
    SIG_EXPIRED,
    /** The only signatures use a digest the policy rejects (MD5, SHA-1, RIPEMD-160, ...). */
    SIG_WEAK_DIGEST,
    /** The only signatures come from keys whose algorithm or size the policy rejects. */
    SIG_WEAK_KEY,
    /** The only signatures were made after the verification time (beyond the allowed clock skew). */
    SIG_NOT_YET_VALID,
    /** Warning: the signatures pass today's policy but not the policy one year from now. */
    SIG_POLICY_SOON,
    /** No Release file at all. */
    RELEASE_MISSING,
    /** A repository that never was signed. */
    RELEASE_UNSIGNED,
    /** A repository that was signed and now is not. */
    RELEASE_DOWNGRADE,
    /** The verified Release text does not parse. */
    RELEASE_PARSE,
    /** The Release lists no SHA-256 or SHA-512 checksums. */
    RELEASE_WEAK_HASHES,
    /** {@code Valid-Until} is in the past. */
    RELEASE_EXPIRED,
    /** {@code Date} is in the future beyond the allowed skew. */
    RELEASE_NOT_YET_VALID,
    /** The Release is older than one accepted before. */
    RELEASE_ROLLBACK,
    /** Warning: {@code Suite}/{@code Codename} differ from the configured suite. */
    RELEASE_DIST_MISMATCH,
    /** Origin, Label, Codename or pinning changed since the last accepted Release; needs acceptance. */
    RELEASE_INFO_CHANGED,
    /** A wanted index file is not listed in the Release (skipped, warning). */
    INDEX_NOT_LISTED,
    /** An index file is listed with weak checksums only. */
    INDEX_WEAK_ONLY,
    /** A listed index file could not be fetched. */
    INDEX_MISSING,
    /**
     * The Release offers {@code by-hash} ({@code Acquire-By-Hash: yes}) but the mirror lacks an
     * index file's {@code by-hash/SHA256/HASH} copy: apt falls back to the plain path, which a
     * mirror update can change during the download (warning).
     */
    INDEX_BYHASH_MISSING,
    /** An index file's size differs from the Release. */
    INDEX_SIZE_MISMATCH,
    /** An index file's checksum differs from the Release. */
    INDEX_HASH_MISMATCH,
    /** An index file does not decompress. */
    INDEX_DECOMPRESS,
    /** An index file does not parse. */
    INDEX_PARSE,
    /** A package stanza has no SHA-256 or SHA-512 checksum. */
    DEB_HASH_INSUFFICIENT,
    /** A package file's size or checksum differs from its stanza. */
    DEB_HASH_MISMATCH,
    /** A package or source file that a verified index lists is absent from the pool (deep audit). */
    DEB_MISSING,
    /**
     * A pool file could not be downloaded for a deep audit over http(s) or {@code file:}: the
     * transfer failed (cut, timed out, refused, an error status) after the fetcher's retries. Not
     * proof that the file is wrong or absent, only that it was not checked.
     */
    DEB_FETCH_FAILED,
    /** A path in an index would leave the repository ({@code ..}, absolute, backslash). */
    PATH_UNSAFE,
    /** A size or count limit was exceeded. */
    LIMIT_EXCEEDED,
    /**
     * Warning: a key in the keyring that can sign now stops being able to within 90 days; the
     * keyring needs updating before then.
     */
    KEY_EXPIRING,
    /**
     * Note: a key in the keyring cannot sign (expired, revoked, not yet valid, unusable or weak)
     * and made none of the Release's signatures; a signing key in that state is a signature finding.
     */
    KEY_INVALID,
    /**
     * Warning: the keys whose signatures are good differ from those of the last accepted Release;
     * names the keys added and removed.
     */
    SIGNING_KEY_CHANGED
}
