package org.debindex.core.openpgp;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One certificate of a {@link Keyring} as judged at one instant: who it is, when it was made, when
 * it expires, whether it is revoked, and which of its keys could make a good Release signature then.
 *
 * <p>Validity comes from the same rules the signature check applies ({@code KeyValidity}: the
 * self-signature in force at the instant, hard and soft revocations, a subkey ending with its
 * primary key), so a listing never disagrees with a verdict. Made by {@link Keyring#statuses}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param fingerprint the primary key's fingerprint
 * @param userId      the first user id, if the certificate has one
 * @param algorithm   the primary key's algorithm and size or curve, as {@code rsa4096}, {@code ed25519}
 * @param created     the primary key's creation time
 * @param expires     when the primary key expires (RFC 9580 §5.2.3.13), if ever; empty when it is
 *                    revoked or not yet created at the instant, as no binding is then judged
 * @param revoked     whether the primary key is revoked at the instant (a hard revocation for all time)
 * @param signingKeys the keys flagged for signing data: the primary key when it is, then each such
 *                    subkey, in certificate order; encryption and certification-only subkeys are left out
 */
public record KeyStatus(Fingerprint fingerprint, Optional<String> userId, String algorithm, Instant created,
                        Optional<Instant> expires, boolean revoked, List<SigningKey> signingKeys) {

    /** What a signing key's signature would be worth at the instant. */
    public enum Validity {
        /** Its signatures can be good: valid, within policy, and allowed by {@code Signed-By}. */
        VALID,
        /** Created after the instant. */
        NOT_YET_CREATED,
        /** The key, or for a subkey its primary key, had expired by the instant. */
        EXPIRED,
        /** The key, or for a subkey its primary key, had been revoked by the instant. */
        REVOKED,
        /** No valid binding, no back-signature, or not flagged for signing data at the instant. */
        UNUSABLE,
        /** Valid, but the policy rejects its algorithm, size or binding digest. */
        WEAK,
        /** Valid, but {@code Signed-By} does not select it. */
        NOT_ALLOWED
    }

    /**
     * One key of the certificate that is flagged for signing data.
     *
     * @param fingerprint the key's (primary key's or subkey's) fingerprint
     * @param algorithm   its algorithm and size or curve
     * @param created     its creation time
     * @param expires     when it can no longer sign because it or its primary key expires, whichever
     *                    is first, if ever
     * @param validity    what its signatures would be worth at the instant
     * @param detail      one lower-case line explaining a validity other than {@code VALID}; empty
     *                    for {@code VALID}
     */
    public record SigningKey(Fingerprint fingerprint, String algorithm, Instant created, Optional<Instant> expires,
                             Validity validity, String detail) {

        /**
         * Validates.
         *
         * @throws NullPointerException if a component is null
         */
        public SigningKey {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(expires, "expires");
            Objects.requireNonNull(validity, "validity");
            Objects.requireNonNull(detail, "detail");
        }

        /** Whether a signature by this key made at the instant could be good. */
        public boolean canSign() {
            return validity == Validity.VALID;
        }
    }

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component or an element is null
     */
    public KeyStatus {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        signingKeys = List.copyOf(signingKeys);
    }

    /** Whether at least one of its keys could make a good signature at the instant. */
    public boolean canSign() {
        for (SigningKey key : signingKeys) {
            if (key.canSign()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Until when the certificate can sign as the keyring holds it: the latest expiry among its keys
     * that can sign at the instant. Empty when one of them never expires, or when none can sign.
     */
    public Optional<Instant> canSignUntil() {
        Instant latest = null;
        for (SigningKey key : signingKeys) {
            if (!key.canSign()) {
                continue;
            }
            if (key.expires().isEmpty()) {
                return Optional.empty();
            }
            if (latest == null || key.expires().get().isAfter(latest)) {
                latest = key.expires().get();
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Whether {@code key} is this certificate's primary key or one of its signing keys. */
    public boolean hasKey(Fingerprint key) {
        Objects.requireNonNull(key, "key");
        if (fingerprint.equals(key)) {
            return true;
        }
        for (SigningKey k : signingKeys) {
            if (k.fingerprint().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** The fingerprint, with the user id when there is one: {@code FPR (Name <mail>)}. */
    public String name() {
        return fingerprint + userId.map(id -> " (" + id + ")").orElse("");
    }
}
