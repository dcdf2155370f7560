package org.debindex.core.openpgp;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.debindex.core.FindingCode;
import org.debindex.core.VerificationException;

/**
 * Verifies the OpenPGP signatures of a Debian repository's Release: an {@code InRelease}
 * (clearsigned, split strictly by {@link ClearsignedMessage}) or a {@code Release} with its
 * detached {@code Release.gpg}. Every signature is checked and reported on its own
 * ({@link SignatureCheck}); the file is accepted when at least one is good and none is bad.
 *
 * <p>Rules beyond the cryptography (trust-chain.md §2D, §2E, §5; RFC 9580 section in brackets):
 * <ul>
 * <li>InRelease signatures must be canonical-text signatures (0x01) over the split text [§7.2];
 *     Release.gpg ones binary (0x00) or canonical text (0x01) [§5.2.1]; any other type is bad.</li>
 * <li>Release.gpg must be ASCII-armored signature blocks and nothing else; a binary signature is
 *     refused, as apt ≥ 1.8 does.</li>
 * <li>Only hashed subpackets are trusted [§5.2.3]: the creation time and the issuer fingerprint
 *     come from the hashed area; an unhashed issuer key id is only a hint which key to try, the
 *     verification decides. An unknown critical subpacket makes the signature bad [§5.2.3.7].</li>
 * <li>The {@code Hash:} header of an InRelease, when present, must name every signature's digest
 *     [§7.1].</li>
 * <li>A key or signing subkey expired or revoked by the verification time makes its signatures
 *     worthless even if it was valid when it signed (as apt with gpgv); the detail says
 *     "valid when it signed". See {@link KeyValidity} for how validity is judged.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; a {@link Keyring} may be shared by concurrent verifications.
 */
public final class ReleaseSignatures {

    /** apt's {@code Acquire::MaxReleaseFileSize}: larger (In)Release files are refused unread. */
    public static final int MAX_RELEASE_SIZE = 10_000_000;

    private static final Duration YEAR = Duration.ofDays(365);
    private static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private ReleaseSignatures() {
    }

    /** The outcome of one signature, with what the file-level verdict needs beyond the public record. */
    private record Outcome(SignatureCheck check, boolean signatureExpired, boolean failsWithinYear) {
    }

    /**
     * Verifies an {@code InRelease} with the {@linkplain SignaturePolicy#standard() standard policy}.
     *
     * @see #verifyInRelease(byte[], String, Keyring, Instant, SignaturePolicy)
     */
    public static ReleaseVerification verifyInRelease(byte[] inRelease, String source, Keyring keyring, Instant at) {
        return verifyInRelease(inRelease, source, keyring, at, SignaturePolicy.standard());
    }

    /**
     * Verifies an {@code InRelease} file.
     *
     * @param inRelease the whole file
     * @param source    its name for messages, e.g. {@code dists/trixie/InRelease}
     * @param keyring   the trusted keys
     * @param at        the verification time: key validity, expiry and policy dates are judged at
     *                  this instant (the command line's {@code --at}, else now)
     * @param policy    the algorithm and time policy
     * @return the verdict; a malformed or unsigned file is a refusal
     *         ({@link FindingCode#CLEARSIGN_MALFORMED}, {@link FindingCode#SIG_NODATA},
     *         {@link FindingCode#LIMIT_EXCEEDED}), never an exception
     * @throws NullPointerException if an argument is null
     */
    public static ReleaseVerification verifyInRelease(byte[] inRelease, String source, Keyring keyring, Instant at,
                                                      SignaturePolicy policy) {
        Objects.requireNonNull(inRelease, "inRelease");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(policy, "policy");
        if (inRelease.length > MAX_RELEASE_SIZE) {
            return tooLarge(source, inRelease.length);
        }
        ClearsignedMessage message;
        List<PGPSignature> signatures;
        try {
            message = ClearsignedMessage.split(inRelease, source);
            signatures = readSignatures(message.signatureBlocks(), source, FindingCode.CLEARSIGN_MALFORMED);
            for (PGPSignature sig : signatures) {
                String digest = Algorithms.digestName(sig.getHashAlgorithm());
                if (!message.hashHeaders().isEmpty() && !message.hashHeaders().contains(digest)) {
                    throw new VerificationException(FindingCode.CLEARSIGN_MALFORMED, source + ": a signature uses "
                            + digest + " but the \"Hash:\" header names only " + String.join(", ", message.hashHeaders()));
                }
            }
        } catch (VerificationException e) {
            return ReleaseVerification.refused(source, e.code(), e.getMessage(), List.of());
        }
        byte[] canonical = message.canonicalText();
        List<Outcome> outcomes = new ArrayList<>();
        for (PGPSignature sig : signatures) {
            outcomes.add(check(sig, canonical, keyring, at, policy, true));
        }
        return verdict(source, message.text(), outcomes);
    }

    /**
     * Verifies a {@code Release} with its detached {@code Release.gpg} with the
     * {@linkplain SignaturePolicy#standard() standard policy}.
     *
     * @see #verifyDetached(byte[], byte[], String, Keyring, Instant, SignaturePolicy)
     */
    public static ReleaseVerification verifyDetached(byte[] release, byte[] releaseGpg, String source, Keyring keyring,
                                                     Instant at) {
        return verifyDetached(release, releaseGpg, source, keyring, at, SignaturePolicy.standard());
    }

    /**
     * Verifies a {@code Release} file against its detached signature file {@code Release.gpg}.
     *
     * @param release    the {@code Release} file, hashed as is (0x00) or with CRLF line ends (0x01)
     * @param releaseGpg the {@code Release.gpg} file: ASCII-armored signature blocks only
     * @param source     the signature file's name for messages, e.g. {@code dists/bookworm/Release.gpg}
     * @param keyring    the trusted keys
     * @param at         the verification time
     * @param policy     the algorithm and time policy
     * @return the verdict; an empty signature file is {@link FindingCode#SIG_NODATA}, a binary or
     *         cluttered one {@link FindingCode#SIGFILE_MALFORMED}, never an exception
     * @throws NullPointerException if an argument is null
     */
    public static ReleaseVerification verifyDetached(byte[] release, byte[] releaseGpg, String source, Keyring keyring,
                                                     Instant at, SignaturePolicy policy) {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(releaseGpg, "releaseGpg");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(policy, "policy");
        if (release.length > MAX_RELEASE_SIZE) {
            return tooLarge(source, release.length);
        }
        if (releaseGpg.length > MAX_RELEASE_SIZE) {
            return tooLarge(source, releaseGpg.length);
        }
        List<PGPSignature> signatures;
        try {
            signatures = readSignatures(detachedBlocks(releaseGpg, source), source, FindingCode.SIGFILE_MALFORMED);
        } catch (VerificationException e) {
            return ReleaseVerification.refused(source, e.code(), e.getMessage(), List.of());
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (PGPSignature sig : signatures) {
            outcomes.add(check(sig, release, keyring, at, policy, false));
        }
        return verdict(source, release, outcomes);
    }

    // --- reading ------------------------------------------------------------------------------

    private static List<Armor.Block> detachedBlocks(byte[] file, String source) throws VerificationException {
        if (file.length == 0) {
            throw new VerificationException(FindingCode.SIG_NODATA, source + ": empty signature file");
        }
        if ((file[0] & 0x80) != 0) {
            throw new VerificationException(FindingCode.SIGFILE_MALFORMED, source
                    + ": binary (unarmored) signature; expected \"-----BEGIN PGP SIGNATURE-----\" armor");
        }
        List<String> lines = TextLines.split(file);
        String begin = Armor.beginLine("SIGNATURE");
        if (!lines.contains(begin)) {
            throw new VerificationException(FindingCode.SIG_NODATA, source + ": no signature: no \"" + begin + "\" line");
        }
        List<Armor.Block> blocks = new ArrayList<>();
        List<String> problems = new ArrayList<>(1);
        int i = 0;
        while (i < lines.size()) {
            if (!lines.get(i).equals(begin)) {
                throw new VerificationException(FindingCode.SIGFILE_MALFORMED, source + ":" + (i + 1) + ": text "
                        + org.debindex.core.MalformedInputException.quote(lines.get(i))
                        + " outside the signature blocks; expected only \"" + begin + "\" blocks");
            }
            int end = Armor.decode(lines, i, "SIGNATURE", blocks, problems);
            if (end < 0) {
                throw new VerificationException(FindingCode.SIGFILE_MALFORMED, source + ":" + problems.get(0));
            }
            i = end + 1;
        }
        return blocks;
    }

    private static List<PGPSignature> readSignatures(List<Armor.Block> blocks, String source, FindingCode malformed)
            throws VerificationException {
        List<PGPSignature> out = new ArrayList<>();
        for (Armor.Block block : blocks) {
            int before = out.size();
            try {
                BcPGPObjectFactory factory = new BcPGPObjectFactory(block.data());
                Object next;
                while ((next = factory.nextObject()) != null) {
                    if (!(next instanceof PGPSignatureList list)) {
                        throw new VerificationException(malformed, source + ":" + block.firstLine()
                                + ": signature block holds " + next.getClass().getSimpleName().replace("PGP", "").toLowerCase(Locale.ROOT)
                                + " data; expected only signature packets");
                    }
                    for (PGPSignature sig : list) {
                        out.add(sig);
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new VerificationException(malformed, source + ":" + block.firstLine()
                        + ": signature block cannot be read as OpenPGP signatures (" + Keyring.oneLine(e) + ")", e);
            }
            if (out.size() == before) {
                throw new VerificationException(malformed, source + ":" + block.firstLine() + ": signature block holds no signature");
            }
        }
        return out;
    }

    // --- one signature --------------------------------------------------------------------------

    private static Outcome check(PGPSignature sig, byte[] data, Keyring keyring, Instant at, SignaturePolicy policy,
                                 boolean cleartext) {
        String digest = Algorithms.digestName(sig.getHashAlgorithm());
        PGPSignatureSubpacketVector hashed = sig.getHashedSubPackets();
        Optional<Fingerprint> issuerFingerprint = Optional.empty();
        if (hashed != null && hashed.getIssuerFingerprint() != null) {
            byte[] fp = hashed.getIssuerFingerprint().getFingerprint();
            if (fp.length == 20 || fp.length == 32) {
                issuerFingerprint = Optional.of(Fingerprint.of(fp));
            }
        }
        long keyId = sig.getKeyID();
        if (keyId == 0 && issuerFingerprint.isPresent()) {
            keyId = keyIdOf(issuerFingerprint.get());
        }
        String keyIdHex = String.format(Locale.ROOT, "%016X", keyId);
        Instant created = sig.getCreationTime().toInstant();
        Optional<Instant> expires = Optional.empty();
        Base base = new Base(issuerFingerprint, keyIdHex, digest, created, expires);

        if (sig.getVersion() >= 4 && (hashed == null || hashed.getSignatureCreationTime() == null)) {
            return base.status(SignatureStatus.BAD, "signature has no hashed creation time (RFC 9580 §5.2.3.11)");
        }
        if (hashed != null && hashed.getSignatureExpirationTime() > 0) {
            base = base.withExpires(created.plusSeconds(hashed.getSignatureExpirationTime()));
        }
        int type = sig.getSignatureType();
        if (cleartext ? type != PGPSignature.CANONICAL_TEXT_DOCUMENT
                : type != PGPSignature.BINARY_DOCUMENT && type != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
            return base.status(SignatureStatus.BAD, String.format(Locale.ROOT,
                    "signature type 0x%02x is not allowed here; expected %s", type,
                    cleartext ? "a canonical-text signature (0x01)" : "a binary (0x00) or canonical-text (0x01) signature"));
        }
        int critical = KeyValidity.unknownCritical(sig);
        if (critical >= 0) {
            return base.status(SignatureStatus.BAD, "signature has unknown critical subpacket " + critical
                    + " (RFC 9580 §5.2.3.7)");
        }
        if (hashed != null && issuerFingerprint.isPresent() && hashed.hasSubpacket(SignatureSubpacketTags.ISSUER_KEY_ID)
                && hashed.getIssuerKeyID() != keyIdOf(issuerFingerprint.get())) {
            return base.status(SignatureStatus.BAD, "hashed issuer key id and issuer fingerprint disagree");
        }

        List<Keyring.KeyRef> candidates = new ArrayList<>();
        if (issuerFingerprint.isPresent()) {
            keyring.find(issuerFingerprint.get()).ifPresent(candidates::add);
        } else {
            candidates.addAll(keyring.findByKeyId(keyId));
        }
        if (candidates.isEmpty()) {
            return base.status(SignatureStatus.NO_KEY, "no key " + base.name() + " in the keyring");
        }
        Keyring.KeyRef found = null;
        String failure = "signature does not verify: the signed text or the signature was changed";
        for (Keyring.KeyRef ref : candidates) {
            try {
                sig.init(KeyValidity.verifiers(), ref.key());
                sig.update(data);
                if (sig.verify()) {
                    found = ref;
                    break;
                }
            } catch (PGPException | RuntimeException e) {
                Optional<String> weak = Algorithms.weakKey(ref.key());
                if (weak.isPresent()) {
                    return base.withKey(ref).status(SignatureStatus.WEAK_KEY, weak.get() + "; cannot be checked ("
                            + Keyring.oneLine(e) + ")");
                }
                failure = "signature cannot be checked: " + Keyring.oneLine(e);
            }
        }
        if (found == null) {
            return base.withKey(candidates.get(0)).status(SignatureStatus.BAD, failure);
        }
        base = base.withKey(found);
        PGPPublicKey primary = found.primary();
        PGPPublicKey key = found.key();
        Fingerprint primaryFp = Fingerprint.of(primary.getFingerprint());
        Fingerprint signingFp = Fingerprint.of(key.getFingerprint());
        if (!keyring.isAllowed(primaryFp, signingFp)) {
            return base.status(SignatureStatus.NO_KEY, "key " + signingFp
                    + " is in the keyring but not allowed by Signed-By");
        }

        KeyValidity.Memo memo = new KeyValidity.Memo();
        List<String> warnings = new ArrayList<>();
        List<SignatureStatus> statuses = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        boolean signatureExpired = false;

        KeyValidity.Verdict now = KeyValidity.evaluate(primary, key, at, policy, memo);
        KeyValidity.Verdict then = KeyValidity.evaluate(primary, key, created, policy, memo);
        String whenSigned = then.isValid() ? "; the key was valid when it signed (" + created + ")"
                : "; at signing: " + then.detail();
        switch (now.state()) {
            case REVOKED -> add(statuses, reasons, SignatureStatus.KEY_REVOKED, now.detail() + whenSigned);
            case EXPIRED -> add(statuses, reasons, SignatureStatus.KEY_EXPIRED, now.detail() + whenSigned);
            case UNUSABLE -> add(statuses, reasons, SignatureStatus.NO_KEY, "key unusable: " + now.detail());
            case NOT_YET_CREATED -> add(statuses, reasons, SignatureStatus.NOT_YET_VALID, now.detail());
            case VALID -> {
                switch (then.state()) {
                    case NOT_YET_CREATED -> add(statuses, reasons, SignatureStatus.NOT_YET_VALID,
                            "signature made before its key existed: " + then.detail());
                    case EXPIRED -> add(statuses, reasons, SignatureStatus.KEY_EXPIRED,
                            "signature made while the key was expired: " + then.detail());
                    case REVOKED -> add(statuses, reasons, SignatureStatus.KEY_REVOKED,
                            "signature made while the key was revoked: " + then.detail());
                    case UNUSABLE -> add(statuses, reasons, SignatureStatus.NO_KEY,
                            "key unusable when it signed: " + then.detail());
                    case VALID -> { }
                }
            }
        }
        if (base.expires().isPresent() && !at.isBefore(base.expires().get())) {
            signatureExpired = true;
            add(statuses, reasons, SignatureStatus.KEY_EXPIRED, "signature expired " + base.expires().get());
        }
        if (created.isAfter(at.plus(policy.maxClockSkew()))) {
            add(statuses, reasons, SignatureStatus.NOT_YET_VALID, "signature made " + created
                    + ", after the verification time " + at);
        }
        Algorithms.weakKey(key).ifPresent(w -> add(statuses, reasons, SignatureStatus.WEAK_KEY, w));
        boolean failsWithinYear = false;
        if (now.weakBinding().isPresent()) {
            if (at.isBefore(policy.sha1BindingCutoff())) {
                warnings.add(now.weakBinding().get());
                failsWithinYear |= !at.plus(YEAR).isBefore(policy.sha1BindingCutoff());
            } else {
                add(statuses, reasons, SignatureStatus.WEAK_KEY, now.weakBinding().get());
            }
        }
        Algorithms.weakDigest(sig.getHashAlgorithm(), at, policy)
                .ifPresent(w -> add(statuses, reasons, SignatureStatus.WEAK_DIGEST, w));
        if (sig.getVersion() == 3 && !at.isBefore(SignaturePolicy.APT_2026_CUTOFF)) {
            add(statuses, reasons, SignatureStatus.WEAK_DIGEST, "version 3 signatures are not accepted since "
                    + SignaturePolicy.APT_2026_CUTOFF);
        }
        if (statuses.isEmpty()) {
            failsWithinYear |= Algorithms.weakDigest(sig.getHashAlgorithm(), at.plus(YEAR), policy).isPresent();
            Algorithms.keyNote(key).ifPresent(warnings::add);
            now.expires().filter(e -> e.isBefore(at.plus(EXPIRY_WARNING)))
                    .ifPresent(e -> warnings.add("key expires " + e + ", within 30 days"));
            return new Outcome(base.check(SignatureStatus.GOOD, "good signature", warnings), false, failsWithinYear);
        }
        int worst = 0;
        for (int k = 1; k < statuses.size(); k++) {
            if (rank(statuses.get(k)) < rank(statuses.get(worst))) {
                worst = k;
            }
        }
        StringBuilder detail = new StringBuilder(reasons.get(worst));
        for (int k = 0; k < reasons.size(); k++) {
            if (k != worst) {
                detail.append("; also ").append(reasons.get(k));
            }
        }
        boolean onlyExpiredSignature = signatureExpired && statuses.get(worst) == SignatureStatus.KEY_EXPIRED
                && reasons.get(worst).startsWith("signature expired");
        return new Outcome(base.check(statuses.get(worst), detail.toString(), warnings), onlyExpiredSignature, false);
    }

    private static void add(List<SignatureStatus> statuses, List<String> reasons, SignatureStatus status, String reason) {
        statuses.add(status);
        reasons.add(reason);
    }

    /** Which problem a signature is reported under when it has several: the most serious first. */
    private static int rank(SignatureStatus status) {
        return switch (status) {
            case BAD -> 0;
            case KEY_REVOKED -> 1;
            case KEY_EXPIRED -> 2;
            case NO_KEY -> 3;
            case NOT_YET_VALID -> 4;
            case WEAK_KEY -> 5;
            case WEAK_DIGEST -> 6;
            case GOOD -> 7;
        };
    }

    /** The key id a fingerprint implies: the low 64 bits for version 4, the high 64 for version 6 (RFC 9580 §5.5.4). */
    private static long keyIdOf(Fingerprint fp) {
        String hex = fp.hex();
        String part = hex.length() == 64 ? hex.substring(0, 16) : hex.substring(hex.length() - 16);
        return Long.parseUnsignedLong(part, 16);
    }

    /** What is known about a signature before its verdict. */
    private record Base(Optional<Fingerprint> signer, String keyId, String digest, Instant created,
                        Optional<Instant> expires, Optional<Fingerprint> primary, Optional<String> userId,
                        Optional<String> algorithm) {
        Base(Optional<Fingerprint> signer, String keyId, String digest, Instant created, Optional<Instant> expires) {
            this(signer, keyId, digest, created, expires, Optional.empty(), Optional.empty(), Optional.empty());
        }

        Base withExpires(Instant when) {
            return new Base(signer, keyId, digest, created, Optional.of(when), primary, userId, algorithm);
        }

        Base withKey(Keyring.KeyRef ref) {
            Fingerprint fp = Fingerprint.of(ref.key().getFingerprint());
            return new Base(Optional.of(fp), keyId, digest, created, expires,
                    Optional.of(Fingerprint.of(ref.primary().getFingerprint())),
                    Keyring.firstUserId(ref.primary()), Optional.of(Algorithms.keyName(ref.key())));
        }

        String name() {
            return signer.map(Fingerprint::hex).orElse(keyId);
        }

        SignatureCheck check(SignatureStatus status, String detail, List<String> warnings) {
            return new SignatureCheck(signer, primary, keyId, userId, algorithm, digest, created, expires, status,
                    detail, warnings);
        }

        Outcome status(SignatureStatus status, String detail) {
            return new Outcome(check(status, detail, List.of()), false, false);
        }
    }

    // --- the file -------------------------------------------------------------------------------

    private static ReleaseVerification verdict(String source, byte[] text, List<Outcome> outcomes) {
        List<SignatureCheck> checks = new ArrayList<>();
        for (Outcome o : outcomes) {
            checks.add(o.check());
        }
        List<String> bad = new ArrayList<>();
        List<String> good = new ArrayList<>();
        for (SignatureCheck c : checks) {
            if (c.status() == SignatureStatus.BAD) {
                bad.add(c.signerName() + " (" + c.detail() + ")");
            } else if (c.isGood()) {
                good.add(c.signerName());
            }
        }
        if (!bad.isEmpty()) {
            return ReleaseVerification.refused(source, FindingCode.SIG_BAD, source + ": bad signature from "
                    + String.join(", ", bad) + "; a bad signature is never outweighed by a good one", checks);
        }
        if (good.isEmpty()) {
            Outcome decisive = outcomes.get(0);
            for (Outcome o : outcomes) {
                if (refusalRank(o) < refusalRank(decisive)) {
                    decisive = o;
                }
            }
            List<String> each = new ArrayList<>();
            for (SignatureCheck c : checks) {
                each.add(c.signerName() + " " + c.status() + " (" + c.detail() + ")");
            }
            return ReleaseVerification.refused(source, category(decisive), source + ": no good signature from a trusted key: "
                    + String.join("; ", each), checks);
        }
        List<ReleaseVerification.Warning> warnings = new ArrayList<>();
        boolean allFailSoon = true;
        for (Outcome o : outcomes) {
            SignatureCheck c = o.check();
            if (c.isGood()) {
                allFailSoon &= o.failsWithinYear();
                for (String w : c.warnings()) {
                    warnings.add(new ReleaseVerification.Warning(warningCode(w), source + ": " + c.signerName() + ": " + w));
                }
            } else {
                warnings.add(new ReleaseVerification.Warning(category(o), source + ": ignored signature from "
                        + c.signerName() + ": " + c.status() + " (" + c.detail() + ")"));
            }
        }
        if (allFailSoon) {
            warnings.add(new ReleaseVerification.Warning(FindingCode.SIG_POLICY_SOON, source
                    + ": the policy will reject every good signature within a year"));
        }
        String message = source + ": accepted: " + good.size() + " good signature" + (good.size() == 1 ? "" : "s")
                + " (" + String.join(", ", good) + ")"
                + (checks.size() > good.size() ? ", " + (checks.size() - good.size()) + " ignored" : "");
        return new ReleaseVerification(source, text, checks, Optional.empty(), message, warnings);
    }

    /** The code a good signature's warning is reported under (see the warnings made in {@code check}). */
    private static FindingCode warningCode(String warning) {
        if (warning.contains("policy rejects")) {
            return FindingCode.SIG_POLICY_SOON;
        }
        return warning.startsWith("key expires") ? FindingCode.SIG_KEY_EXPIRED : FindingCode.SIG_WEAK_KEY;
    }

    private static int refusalRank(Outcome o) {
        return switch (o.check().status()) {
            case KEY_REVOKED -> 0;
            case KEY_EXPIRED -> 1;
            case WEAK_KEY -> 2;
            case WEAK_DIGEST -> 3;
            case NOT_YET_VALID -> 4;
            default -> 5;
        };
    }

    private static FindingCode category(Outcome o) {
        return switch (o.check().status()) {
            case KEY_REVOKED -> FindingCode.SIG_KEY_REVOKED;
            case KEY_EXPIRED -> o.signatureExpired() ? FindingCode.SIG_EXPIRED : FindingCode.SIG_KEY_EXPIRED;
            case WEAK_KEY -> FindingCode.SIG_WEAK_KEY;
            case WEAK_DIGEST -> FindingCode.SIG_WEAK_DIGEST;
            case NOT_YET_VALID -> FindingCode.SIG_NOT_YET_VALID;
            case BAD -> FindingCode.SIG_BAD;
            case NO_KEY, GOOD -> FindingCode.SIG_UNTRUSTED_KEY;
        };
    }

    private static ReleaseVerification tooLarge(String source, int size) {
        return ReleaseVerification.refused(source, FindingCode.LIMIT_EXCEEDED, source + ": larger than the "
                + MAX_RELEASE_SIZE + "-byte limit for Release files (" + size + " bytes read)", List.of());
    }
}
