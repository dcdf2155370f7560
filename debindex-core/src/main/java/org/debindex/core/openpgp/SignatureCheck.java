package org.debindex.core.openpgp;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one signature in an {@code InRelease} or {@code Release.gpg} is worth, and why.
 *
 * <p>Every signature in a file gets its own check, so that a report can say "two good, one from an
 * unknown key" instead of apt's single verdict.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param signer          the fingerprint of the key or subkey that made the signature: from the
 *                        signature's hashed issuer-fingerprint subpacket (RFC 9580 §5.2.3.35) or
 *                        from the key found; empty when neither is known (unknown key named only by
 *                        its key id)
 * @param primaryKey      the fingerprint of the signer's primary key, when the key was found
 * @param keyId           the 16-hex-digit key id the signature names (hashed or unhashed issuer),
 *                        upper-case
 * @param userId          the signing key's primary user id, when the key was found and has one
 * @param keyAlgorithm    the key's algorithm and size or curve, as {@code rsa4096},
 *                        {@code ed25519}, {@code nistp256}; empty when the key is unknown
 * @param digestAlgorithm the digest the signature uses, as in the {@code Hash:} header, e.g.
 *                        {@code SHA512}
 * @param created         the signature's creation time (hashed subpacket, RFC 9580 §5.2.3.11)
 * @param expires         when the signature itself expires, if it says so (§5.2.3.18)
 * @param status          the verdict
 * @param detail          one lower-case line explaining the verdict
 * @param warnings        things that do not change the verdict but deserve a line in a report
 */
public record SignatureCheck(Optional<Fingerprint> signer, Optional<Fingerprint> primaryKey, String keyId,
                             Optional<String> userId, Optional<String> keyAlgorithm, String digestAlgorithm,
                             Instant created, Optional<Instant> expires, SignatureStatus status, String detail,
                             List<String> warnings) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if any component is null
     */
    public SignatureCheck {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(primaryKey, "primaryKey");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        warnings = List.copyOf(warnings);
    }

    /** Whether this signature counts towards accepting the file. */
    public boolean isGood() {
        return status == SignatureStatus.GOOD;
    }

    /** The signer as a report names it: the full fingerprint when known, else the key id. */
    public String signerName() {
        return signer.map(Fingerprint::hex).orElse(keyId);
    }

    /** One line for a report: signer, status and detail. */
    @Override
    public String toString() {
        return signerName() + " " + status + ": " + detail;
    }
}
