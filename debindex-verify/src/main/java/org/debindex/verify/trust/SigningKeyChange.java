package org.debindex.verify.trust;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.cache.RepositoryState;
import org.debindex.core.openpgp.Fingerprint;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.ReleaseVerification;
import org.debindex.core.openpgp.SignatureCheck;

/**
 * Reports a change of signing keys since the last accepted Release (issue 7, design.md "state":
 * key-change detection). apt accepts a Release signed by any key in the keyring, so a repository
 * that starts signing with a different key is silent there; debindex names it.
 *
 * <p>The keys compared are the fingerprints of the good signatures (key or subkey, as
 * {@link ReleaseVerification#goodSigners()} names them and as {@link RepositoryState#signers()}
 * keeps them), as a set: Debian signs each Release with several keys (two archive keys and the
 * release key), so the order of signatures means nothing, and any key joining or leaving the set
 * is reported.
 *
 * <p>Stateless and thread-safe.
 */
public final class SigningKeyChange {

    private SigningKeyChange() {
    }

    /**
     * Compares the good signers of a Release with those of the last accepted one.
     *
     * @param previous the state kept from the last accepted Release; empty on a first run
     * @param now      the current signature verdict
     * @param keyring  the keyring, to name removed keys by their user ids when it still holds them
     * @param target   how the finding names the signed file, e.g. {@code InRelease}
     * @return one {@link FindingCode#SIGNING_KEY_CHANGED} warning naming the keys added and removed;
     *     empty on a first run, when the sets are equal, when the previous Release was unsigned (a
     *     repository turning signed changes no key), or when {@code now} is refused (the refusal is
     *     its own finding)
     * @throws NullPointerException if an argument is null
     */
    public static List<Finding> findings(Optional<RepositoryState> previous, ReleaseVerification now, Keyring keyring,
                                         String target) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(target, "target");
        if (previous.isEmpty() || !previous.get().signed() || !now.isAccepted()) {
            return List.of();
        }
        Set<Fingerprint> before = new LinkedHashSet<>(previous.get().signers());
        Set<Fingerprint> after = new LinkedHashSet<>(now.goodSigners());
        if (before.equals(after)) {
            return List.of();
        }
        List<String> added = new ArrayList<>();
        for (Fingerprint fp : after) {
            if (!before.contains(fp)) {
                added.add(name(fp, userId(fp, now, keyring)));
            }
        }
        List<String> removed = new ArrayList<>();
        for (Fingerprint fp : before) {
            if (!after.contains(fp)) {
                removed.add(name(fp, keyring.userId(fp)));
            }
        }
        StringBuilder message = new StringBuilder("signing keys changed since the Release accepted at ")
                .append(previous.get().verified());
        if (!added.isEmpty()) {
            message.append("; added ").append(String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            message.append("; removed ").append(String.join(", ", removed));
        }
        message.append("; check that the repository announced the change");
        return List.of(Finding.warning(FindingCode.SIGNING_KEY_CHANGED, target, message.toString()));
    }

    /** The user id as the signature check found it, else as the keyring knows it. */
    private static Optional<String> userId(Fingerprint fp, ReleaseVerification now, Keyring keyring) {
        for (SignatureCheck check : now.signatures()) {
            if (check.signer().filter(fp::equals).isPresent() && check.userId().isPresent()) {
                return check.userId();
            }
        }
        return keyring.userId(fp);
    }

    private static String name(Fingerprint fp, Optional<String> userId) {
        return fp + userId.map(id -> " (" + id + ")").orElse("");
    }
}
