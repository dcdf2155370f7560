package org.debindex.core.openpgp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.FindingCode;
import org.debindex.core.MalformedInputException;
import org.debindex.core.model.Release;

/**
 * The verdict on a signed {@code InRelease} or {@code Release} + {@code Release.gpg}: every
 * signature's check, whether the file is accepted, and if not, why.
 *
 * <p>A file is accepted when at least one signature is {@link SignatureStatus#GOOD} (so from a key
 * the keyring trusts, valid at the verification time, within policy) and none is
 * {@link SignatureStatus#BAD}: a bad signature is never outweighed (trust-chain.md §2E items 11,
 * 12). The signed text is handed out only when the file is accepted, so unverified text cannot
 * reach the Release parser by mistake.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ReleaseVerification {

    /**
     * Something worth a line in a report that does not refuse the file.
     *
     * @param code    the finding code, e.g. {@link FindingCode#SIG_UNTRUSTED_KEY} for an extra
     *                signature from an unknown key, {@link FindingCode#SIG_POLICY_SOON}
     * @param message one lower-case line naming the file
     */
    public record Warning(FindingCode code, String message) {
        /**
         * Validates.
         *
         * @throws NullPointerException if a component is null
         */
        public Warning {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    private final String source;
    private final byte[] signedText;
    private final List<SignatureCheck> signatures;
    private final Optional<FindingCode> failure;
    private final String message;
    private final List<Warning> warnings;

    ReleaseVerification(String source, byte[] signedText, List<SignatureCheck> signatures,
                        Optional<FindingCode> failure, String message, List<Warning> warnings) {
        this.source = Objects.requireNonNull(source, "source");
        this.signatures = List.copyOf(signatures);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.message = Objects.requireNonNull(message, "message");
        this.warnings = List.copyOf(warnings);
        this.signedText = failure.isEmpty() ? signedText.clone() : new byte[0];
    }

    static ReleaseVerification refused(String source, FindingCode code, String message, List<SignatureCheck> checks) {
        return new ReleaseVerification(source, new byte[0], checks, Optional.of(code), message, List.of());
    }

    /** The signature file's name, as given to the verifier. */
    public String source() {
        return source;
    }

    /** Whether the file is accepted: at least one good signature and no bad one. */
    public boolean isAccepted() {
        return failure.isEmpty();
    }

    /** Why the file is refused; empty when it is accepted. */
    public Optional<FindingCode> failure() {
        return failure;
    }

    /**
     * One line saying what was decided and why, naming the file: e.g.
     * {@code InRelease: accepted: 3 good signatures} or
     * {@code Release.gpg: bad signature from 4D64FEC119C2029067D6E791F8D2585B8783D481}.
     */
    public String message() {
        return message;
    }

    /** Every signature in the file, in file order, each with its own verdict; empty when the file could not be read as signed. */
    public List<SignatureCheck> signatures() {
        return signatures;
    }

    /** The fingerprints of the keys whose signatures are good (what a "good" result must name, CVE-2018-0501). */
    public List<Fingerprint> goodSigners() {
        List<Fingerprint> out = new ArrayList<>();
        for (SignatureCheck check : signatures) {
            if (check.isGood()) {
                check.signer().ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }

    /** Warnings that do not refuse the file. */
    public List<Warning> warnings() {
        return warnings;
    }

    /**
     * The verified Release text: for an {@code InRelease}, exactly the signed text as
     * {@link ClearsignedMessage#text()} gives it; for {@code Release.gpg}, the {@code Release}
     * bytes. A fresh array on each call.
     *
     * @throws IllegalStateException if the file is not accepted
     */
    public byte[] signedText() {
        requireAccepted();
        return signedText.clone();
    }

    /**
     * Parses the verified Release text.
     *
     * @throws MalformedInputException if the signed text is not a valid Release
     * @throws IllegalStateException if the file is not accepted
     */
    public Release release() throws MalformedInputException {
        requireAccepted();
        return Release.parse(signedText, source);
    }

    private void requireAccepted() {
        if (failure.isPresent()) {
            throw new IllegalStateException("signed text of a refused file must not be used: " + message);
        }
    }

    @Override
    public String toString() {
        return message;
    }
}
