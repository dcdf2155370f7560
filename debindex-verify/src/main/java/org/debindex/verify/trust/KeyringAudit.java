package org.debindex.verify.trust;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.openpgp.Fingerprint;
import org.debindex.core.openpgp.KeyStatus;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.SignaturePolicy;

/**
 * Audits the keyring a source is verified with, beyond the signatures themselves (issue 7,
 * trust-chain.md §3 "key hygiene"): keys about to expire, keys that can no longer sign, and a
 * keyring with nothing able to sign at all.
 *
 * <p>Findings, each naming the certificate's primary fingerprint as target:
 * <ul>
 * <li>{@link FindingCode#KEYRING_UNUSABLE} (error): no key in the keyring can make a good
 *     signature at the instant (all expired, revoked, weak, or not selected by {@code Signed-By}).</li>
 * <li>{@link FindingCode#KEY_EXPIRING} (warning): a certificate that can sign now but whose last
 *     signing key expires within {@link #EXPIRY_WARNING}. Left out when the key that signed the
 *     Release expires within 30 days, as the signature check already warns of that.</li>
 * <li>{@link FindingCode#KEY_INVALID} (note): a certificate that cannot sign and made none of the
 *     Release's signatures. One that did is already a signature finding ({@code SIG_KEY_EXPIRED},
 *     {@code SIG_KEY_REVOKED}, ...) and is not repeated here.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class KeyringAudit {

    /** How long before a key's expiry it is reported: apt users need time to get a new keyring. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(90);

    /** What the signature check itself warns of for a good signature's key (ReleaseSignatures). */
    private static final Duration SIGNATURE_EXPIRY_WARNING = Duration.ofDays(30);

    private KeyringAudit() {
    }

    /**
     * Audits the keyring with the {@linkplain SignaturePolicy#standard() standard policy}.
     *
     * @see #findings(Keyring, Instant, Set, SignaturePolicy)
     */
    public static List<Finding> findings(Keyring keyring, Instant at, Set<Fingerprint> usedBySigners) {
        return findings(keyring, at, usedBySigners, SignaturePolicy.standard());
    }

    /**
     * Audits the keyring at an instant.
     *
     * @param keyring       the keys the source is verified with
     * @param at            the verification time
     * @param usedBySigners the fingerprints (key or subkey, any status) that made the Release's
     *                      signatures, as {@code SignatureCheck.signer()} names them; empty when
     *                      there is no Release to compare with
     * @param policy        the algorithm and revocation policy the signatures were checked with
     * @return the findings, errors first, then warnings, then notes, each in keyring order
     * @throws NullPointerException if an argument or an element of {@code usedBySigners} is null
     */
    public static List<Finding> findings(Keyring keyring, Instant at, Set<Fingerprint> usedBySigners,
                                         SignaturePolicy policy) {
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(policy, "policy");
        Set<Fingerprint> used = Set.copyOf(usedBySigners);
        List<KeyStatus> statuses = keyring.statuses(at, policy);
        List<Finding> findings = new ArrayList<>();
        boolean anySigns = false;
        for (KeyStatus status : statuses) {
            anySigns |= status.canSign();
        }
        if (!anySigns) {
            List<String> why = new ArrayList<>();
            for (KeyStatus status : statuses) {
                why.add(status.fingerprint() + " " + reason(status));
            }
            findings.add(Finding.error(FindingCode.KEYRING_UNUSABLE, "keyring",
                    "no key in the keyring can sign at " + at + ": " + String.join("; ", why)
                            + "; expected at least one valid signing key"));
        }
        Set<Fingerprint> selected = Set.copyOf(keyring.fingerprints());
        for (KeyStatus status : statuses) {
            if (!selected.contains(status.fingerprint())) {
                continue; // outside Signed-By: not this source's key, whatever its state
            }
            boolean signed = used.stream().anyMatch(status::hasKey);
            if (status.canSign()) {
                expiring(status, at, used).ifPresent(findings::add);
            } else if (!signed && anySigns) {
                findings.add(Finding.note(FindingCode.KEY_INVALID, status.fingerprint().hex(),
                        "key " + status.name() + " " + reason(status) + "; it made none of the Release's signatures"));
            }
        }
        return ReleaseAudit.ordered(findings);
    }

    private static Optional<Finding> expiring(KeyStatus status, Instant at, Set<Fingerprint> used) {
        Optional<Instant> until = status.canSignUntil();
        if (until.isEmpty() || !until.get().isBefore(at.plus(EXPIRY_WARNING))) {
            return Optional.empty();
        }
        for (KeyStatus.SigningKey key : status.signingKeys()) {
            // the signature check already warns when a good signature's key expires this soon
            if (used.contains(key.fingerprint()) && key.canSign() && key.expires().isPresent()
                    && key.expires().get().isBefore(at.plus(SIGNATURE_EXPIRY_WARNING))) {
                return Optional.empty();
            }
        }
        long days = Duration.between(at, until.get()).toDays();
        LocalDate date = LocalDate.ofInstant(until.get(), ZoneOffset.UTC);
        return Optional.of(Finding.warning(FindingCode.KEY_EXPIRING, status.fingerprint().hex(),
                "key " + status.name() + " expires on " + date + ", in " + days + (days == 1 ? " day" : " days")
                        + ": update debian-archive-keyring / the source's key before then"));
    }

    /** Why a certificate cannot sign, from its first signing key's verdict. */
    private static String reason(KeyStatus status) {
        if (status.signingKeys().isEmpty()) {
            return status.revoked() ? "is revoked" : "has no key flagged for signing data";
        }
        KeyStatus.SigningKey first = status.signingKeys().get(0);
        return "cannot sign: " + (first.detail().isEmpty() ? first.validity().toString() : first.detail());
    }
}
