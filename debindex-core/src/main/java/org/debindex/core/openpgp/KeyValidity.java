package org.debindex.core.openpgp;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.SignatureSubpacket;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.bcpg.sig.RevocationReason;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Whether a key or signing subkey may make data signatures at a given time, judged from its
 * self-signatures alone (RFC 9580 §5.2.1 signature types, §5.2.3 subpackets, §10.1 key structure).
 *
 * <p>The rules:
 * <ul>
 * <li>Only self-signatures that verify, that carry no unknown critical subpacket (§5.2.3.7) and
 *     that had not expired count. Of those, the newest made at or before the time decides flags
 *     and expiry; when every one is newer (minimised keyrings, such as Debian's, keep only the
 *     latest), the oldest is used, as GnuPG does by always using the newest. For a primary key a
 *     user id self-signature decides; a direct-key signature (0x1F) decides only when there is
 *     none, and otherwise supplies the key flags or expiry the user id's signature lacks.</li>
 * <li>A primary key signs when its binding has the "sign data" key flag (§5.2.3.29) or no key
 *     flags at all (version 4 keys made before key flags existed).</li>
 * <li>A subkey signs only with a verified subkey binding (0x18) that has the "sign data" flag and
 *     embeds a verified primary-key binding (0x19, "back-signature") made by the subkey
 *     (§5.2.1, §11.1), which stops anyone from claiming somebody else's signing key as theirs.</li>
 * <li>Expiry (§5.2.3.13) counts from the key's creation; the primary key's expiry ends its
 *     subkeys too.</li>
 * <li>A hard revocation (key compromised, no reason, an unknown reason; §5.2.3.31) revokes the key
 *     for all time; a soft one (superseded, retired) from its own date, when the policy says so.</li>
 * </ul>
 */
final class KeyValidity {

    /** What a key may do at one instant. */
    enum State { VALID, NOT_YET_CREATED, EXPIRED, REVOKED, UNUSABLE }

    /**
     * The verdict at one instant.
     *
     * @param state       the state
     * @param detail      why, when not valid; empty otherwise
     * @param weakBinding a reason when a binding in the chain uses a collision-prone digest
     * @param expires     when the key (or subkey, whichever is first) expires, if ever
     */
    record Verdict(State state, String detail, Optional<String> weakBinding, Optional<Instant> expires) {
        boolean isValid() {
            return state == State.VALID;
        }
    }

    /** Subpackets whose meaning debindex knows, so that they may be critical (RFC 9580 §5.2.3.7). */
    private static final Set<Integer> KNOWN_SUBPACKETS = Set.of(
            SignatureSubpacketTags.CREATION_TIME, SignatureSubpacketTags.EXPIRE_TIME,
            SignatureSubpacketTags.EXPORTABLE, SignatureSubpacketTags.TRUST_SIG,
            SignatureSubpacketTags.REVOCABLE, SignatureSubpacketTags.KEY_EXPIRE_TIME,
            SignatureSubpacketTags.PREFERRED_SYM_ALGS, SignatureSubpacketTags.REVOCATION_KEY,
            SignatureSubpacketTags.ISSUER_KEY_ID, SignatureSubpacketTags.PREFERRED_HASH_ALGS,
            SignatureSubpacketTags.PREFERRED_COMP_ALGS, SignatureSubpacketTags.KEY_SERVER_PREFS,
            SignatureSubpacketTags.PREFERRED_KEY_SERV, SignatureSubpacketTags.PRIMARY_USER_ID,
            SignatureSubpacketTags.POLICY_URL, SignatureSubpacketTags.KEY_FLAGS,
            SignatureSubpacketTags.SIGNER_USER_ID, SignatureSubpacketTags.REVOCATION_REASON,
            SignatureSubpacketTags.FEATURES, SignatureSubpacketTags.SIGNATURE_TARGET,
            SignatureSubpacketTags.EMBEDDED_SIGNATURE, SignatureSubpacketTags.ISSUER_FINGERPRINT,
            SignatureSubpacketTags.INTENDED_RECIPIENT_FINGERPRINT, SignatureSubpacketTags.PREFERRED_AEAD_ALGORITHMS);

    private KeyValidity() {
    }

    /** The first unknown critical hashed subpacket's tag, or -1 when there is none. */
    static int unknownCritical(PGPSignature signature) {
        PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
        if (hashed == null) {
            return -1;
        }
        for (SignatureSubpacket packet : hashed.toArray()) {
            if (packet.isCritical() && !KNOWN_SUBPACKETS.contains(packet.getType())) {
                return packet.getType();
            }
        }
        return -1;
    }

    /**
     * A provider of verifiers from Bouncy Castle's lightweight API, so no JCA provider is ever
     * registered; a new one each time, as nothing says Bouncy Castle's may be shared between threads.
     */
    static PGPContentVerifierBuilderProvider verifiers() {
        return new BcPGPContentVerifierBuilderProvider();
    }

    /**
     * Judges {@code key} (the primary key of {@code primary}'s certificate, or one of its subkeys)
     * as a data-signing key at {@code t}.
     */
    static Verdict evaluate(PGPPublicKey primary, PGPPublicKey key, Instant t, SignaturePolicy policy, Memo memo) {
        Verdict primaryVerdict = evaluatePrimary(primary, t, policy, key == primary, memo);
        if (key == primary || !primaryVerdict.isValid()) {
            if (key != primary && primaryVerdict.state() != State.VALID) {
                return new Verdict(primaryVerdict.state(), "primary " + primaryVerdict.detail(),
                        primaryVerdict.weakBinding(), primaryVerdict.expires());
            }
            return primaryVerdict;
        }
        Verdict sub = evaluateSubkey(primary, key, t, policy, memo);
        Optional<String> weak = sub.weakBinding().isPresent() ? sub.weakBinding() : primaryVerdict.weakBinding();
        Optional<Instant> expires = earliest(primaryVerdict.expires(), sub.expires());
        return new Verdict(sub.state(), sub.detail(), weak, expires);
    }

    /**
     * Judges the primary key of a certificate at {@code t} as a certificate, not as a data-signing
     * key: revoked, expired or valid, whatever its key flags say.
     */
    static Verdict evaluateCertificate(PGPPublicKey primary, Instant t, SignaturePolicy policy, Memo memo) {
        return evaluatePrimary(primary, t, policy, false, memo);
    }

    /**
     * Whether some verified self-signature flags {@code key} for signing data, whatever the time:
     * for a primary key a certification or direct-key signature with the "sign data" flag or no key
     * flags at all (as {@link #evaluate} accepts), for a subkey a binding with the flag. Lets a
     * listing leave out encryption and certification-only subkeys without judging them.
     */
    static boolean isSigningCapable(PGPPublicKey primary, PGPPublicKey key, Memo memo) {
        if (key == primary) {
            if (primary.getVersion() == 3) {
                return true;
            }
            boolean anyUserIdBinding = false;
            Iterator<byte[]> ids = primary.getRawUserIDs();
            while (ids.hasNext()) {
                byte[] id = ids.next();
                Iterator<PGPSignature> sigs = primary.getSignaturesForID(id);
                while (sigs != null && sigs.hasNext()) {
                    PGPSignature sig = sigs.next();
                    int type = sig.getSignatureType();
                    if (type >= PGPSignature.DEFAULT_CERTIFICATION && type <= PGPSignature.POSITIVE_CERTIFICATION
                            && isBy(sig, primary) && memo.verifies(sig, s -> s.verifyCertification(id, primary), primary)) {
                        anyUserIdBinding = true;
                        if (flagsSigning(sig, true)) {
                            return true;
                        }
                    }
                }
            }
            if (anyUserIdBinding) {
                return false; // the user id binding decides the flags (see evaluatePrimary)
            }
            Iterator<PGPSignature> direct = primary.getSignaturesOfType(PGPSignature.DIRECT_KEY);
            while (direct.hasNext()) {
                PGPSignature sig = direct.next();
                if (isBy(sig, primary) && flagsSigning(sig, true)
                        && memo.verifies(sig, s -> s.verifyCertification(primary), primary)) {
                    return true;
                }
            }
            return false;
        }
        Iterator<PGPSignature> sigs = key.getSignaturesOfType(PGPSignature.SUBKEY_BINDING);
        while (sigs.hasNext()) {
            PGPSignature sig = sigs.next();
            if (isBy(sig, primary) && flagsSigning(sig, false)
                    && memo.verifies(sig, s -> s.verifyCertification(primary, key), primary)) {
                return true;
            }
        }
        return false;
    }

    private static boolean flagsSigning(PGPSignature sig, boolean noFlagsSigns) {
        PGPSignatureSubpacketVector hashed = sig.getHashedSubPackets();
        if (hashed == null || !hashed.hasSubpacket(SignatureSubpacketTags.KEY_FLAGS)) {
            return noFlagsSigns;
        }
        return (hashed.getKeyFlags() & KeyFlags.SIGN_DATA) != 0;
    }

    private static Verdict evaluatePrimary(PGPPublicKey primary, Instant t, SignaturePolicy policy, boolean mustSign, Memo memo) {
        Instant created = primary.getCreationTime().toInstant();
        Optional<String> revoked = revocation(primary, primary, PGPSignature.KEY_REVOCATION, t, policy, memo);
        if (revoked.isPresent()) {
            return new Verdict(State.REVOKED, "key " + revoked.get(), Optional.empty(), Optional.empty());
        }
        if (t.isBefore(created)) {
            return new Verdict(State.NOT_YET_CREATED, "key was created " + created + ", after " + t, Optional.empty(), Optional.empty());
        }
        List<PGPSignature> bindings = new ArrayList<>();
        if (primary.getVersion() == 3) {
            // version 3 keys carry their validity in the key packet (RFC 4880 §5.5.2); no key flags
            long days = primary.getValidDays();
            Optional<Instant> expires = days > 0 ? Optional.of(created.plusSeconds(days * 86400L)) : Optional.empty();
            if (expires.isPresent() && !t.isBefore(expires.get())) {
                return new Verdict(State.EXPIRED, "key expired " + expires.get(), Optional.empty(), expires);
            }
        }
        Iterator<byte[]> ids = primary.getRawUserIDs();
        while (ids.hasNext()) {
            byte[] id = ids.next();
            List<PGPSignature> certifications = new ArrayList<>();
            List<PGPSignature> revocations = new ArrayList<>();
            Iterator<PGPSignature> sigs = primary.getSignaturesForID(id);
            while (sigs != null && sigs.hasNext()) {
                PGPSignature sig = sigs.next();
                if (!isBy(sig, primary)) {
                    continue;
                }
                int type = sig.getSignatureType();
                if (type >= PGPSignature.DEFAULT_CERTIFICATION && type <= PGPSignature.POSITIVE_CERTIFICATION) {
                    if (memo.verifies(sig, s -> s.verifyCertification(id, primary), primary)) {
                        certifications.add(sig);
                    }
                } else if (type == PGPSignature.CERTIFICATION_REVOCATION) {
                    if (memo.verifies(sig, s -> s.verifyCertification(id, primary), primary)) {
                        revocations.add(sig);
                    }
                }
            }
            for (PGPSignature cert : certifications) {
                boolean withdrawn = false;
                for (PGPSignature rev : revocations) {
                    Instant revAt = creation(rev);
                    withdrawn |= !revAt.isAfter(t) && !revAt.isBefore(creation(cert));
                }
                if (!withdrawn) {
                    bindings.add(cert);
                }
            }
        }
        List<PGPSignature> directs = new ArrayList<>();
        Iterator<PGPSignature> direct = primary.getSignaturesOfType(PGPSignature.DIRECT_KEY);
        while (direct.hasNext()) {
            PGPSignature sig = direct.next();
            if (isBy(sig, primary) && memo.verifies(sig, s -> s.verifyCertification(primary), primary)) {
                directs.add(sig);
            }
        }
        if (primary.getVersion() == 3 && bindings.isEmpty() && directs.isEmpty()) {
            return new Verdict(State.UNUSABLE, "key has no valid self-signature", Optional.empty(), Optional.empty());
        }
        // As Sequoia and GnuPG: the user id self-signature decides, and a direct-key signature fills
        // in what it lacks. Debian's archive keys carry direct-key signatures (revocation-key
        // designations, no expiry) made after the user id's; letting the newest signature of either
        // kind decide would drop the key's expiry.
        Optional<PGPSignature> directBinding = choose(directs, t, created);
        Optional<PGPSignature> chosen = choose(bindings, t, created);
        Optional<PGPSignature> binding = chosen.isPresent() ? chosen : directBinding;
        if (binding.isEmpty()) {
            return new Verdict(State.UNUSABLE, "key has no valid self-signature", Optional.empty(), Optional.empty());
        }
        PGPSignatureSubpacketVector hashed = binding.get().getHashedSubPackets();
        PGPSignatureSubpacketVector fallback = directBinding.filter(d -> chosen.isPresent())
                .map(PGPSignature::getHashedSubPackets).orElse(null);
        Optional<Instant> expires = expiry(created, hashed);
        if (expires.isEmpty() && (hashed == null || !hashed.hasSubpacket(SignatureSubpacketTags.KEY_EXPIRE_TIME))) {
            expires = expiry(created, fallback);
        }
        PGPSignatureSubpacketVector flags = hashed != null && hashed.hasSubpacket(SignatureSubpacketTags.KEY_FLAGS)
                ? hashed : fallback;
        Optional<String> weak = weakBinding(binding.get(), "self-signature", t, policy);
        if (expires.isPresent() && !t.isBefore(expires.get())) {
            return new Verdict(State.EXPIRED, "key expired " + expires.get(), weak, expires);
        }
        if (mustSign && flags != null && flags.hasSubpacket(SignatureSubpacketTags.KEY_FLAGS)
                && (flags.getKeyFlags() & KeyFlags.SIGN_DATA) == 0) {
            return new Verdict(State.UNUSABLE, "key is not flagged for signing data", weak, expires);
        }
        return new Verdict(State.VALID, "", weak, expires);
    }

    private static Verdict evaluateSubkey(PGPPublicKey primary, PGPPublicKey subkey, Instant t, SignaturePolicy policy, Memo memo) {
        Instant created = subkey.getCreationTime().toInstant();
        Optional<String> revoked = revocation(primary, subkey, PGPSignature.SUBKEY_REVOCATION, t, policy, memo);
        if (revoked.isPresent()) {
            return new Verdict(State.REVOKED, "subkey " + revoked.get(), Optional.empty(), Optional.empty());
        }
        if (t.isBefore(created)) {
            return new Verdict(State.NOT_YET_CREATED, "subkey was created " + created + ", after " + t, Optional.empty(), Optional.empty());
        }
        List<PGPSignature> bindings = new ArrayList<>();
        Iterator<PGPSignature> sigs = subkey.getSignaturesOfType(PGPSignature.SUBKEY_BINDING);
        while (sigs.hasNext()) {
            PGPSignature sig = sigs.next();
            if (isBy(sig, primary) && memo.verifies(sig, s -> s.verifyCertification(primary, subkey), primary)) {
                bindings.add(sig);
            }
        }
        Optional<PGPSignature> binding = choose(bindings, t, created);
        if (binding.isEmpty()) {
            return new Verdict(State.UNUSABLE, "subkey has no valid binding signature", Optional.empty(), Optional.empty());
        }
        PGPSignatureSubpacketVector hashed = binding.get().getHashedSubPackets();
        if (hashed == null || !hashed.hasSubpacket(SignatureSubpacketTags.KEY_FLAGS)
                || (hashed.getKeyFlags() & KeyFlags.SIGN_DATA) == 0) {
            return new Verdict(State.UNUSABLE, "subkey is not flagged for signing data", Optional.empty(), Optional.empty());
        }
        Optional<PGPSignature> back = backSignature(binding.get(), primary, subkey, memo);
        if (back.isEmpty()) {
            return new Verdict(State.UNUSABLE, "signing subkey has no valid primary key binding (back-signature)",
                    Optional.empty(), Optional.empty());
        }
        Optional<String> weak = weakBinding(binding.get(), "subkey binding", t, policy);
        if (weak.isEmpty()) {
            weak = weakBinding(back.get(), "subkey back-signature", t, policy);
        }
        Optional<Instant> expires = expiry(created, hashed);
        if (expires.isPresent() && !t.isBefore(expires.get())) {
            return new Verdict(State.EXPIRED, "subkey expired " + expires.get(), weak, expires);
        }
        return new Verdict(State.VALID, "", weak, expires);
    }

    private static Optional<PGPSignature> backSignature(PGPSignature binding, PGPPublicKey primary, PGPPublicKey subkey, Memo memo) {
        // embedded signatures are parsed anew on each call, so remember the answer per binding
        Optional<PGPSignature> known = memo.backSignatures.get(binding);
        if (known == null) {
            known = findBackSignature(binding, primary, subkey, memo);
            memo.backSignatures.put(binding, known);
        }
        return known;
    }

    private static Optional<PGPSignature> findBackSignature(PGPSignature binding, PGPPublicKey primary, PGPPublicKey subkey,
                                                            Memo memo) {
        List<PGPSignature> embedded = new ArrayList<>();
        for (PGPSignatureSubpacketVector vector : new PGPSignatureSubpacketVector[] {
                binding.getHashedSubPackets(), binding.getUnhashedSubPackets()}) {
            if (vector == null) {
                continue;
            }
            try {
                PGPSignatureList list = vector.getEmbeddedSignatures();
                for (PGPSignature sig : list) {
                    embedded.add(sig);
                }
            } catch (PGPException | RuntimeException e) {
                // an unreadable embedded signature is no back-signature
            }
        }
        for (PGPSignature sig : embedded) {
            if (sig.getSignatureType() == PGPSignature.PRIMARYKEY_BINDING
                    && memo.verifies(sig, s -> s.verifyCertification(primary, subkey), subkey)) {
                return Optional.of(sig);
            }
        }
        return Optional.empty();
    }

    /**
     * Why the key is revoked at {@code t}, or empty: a verified revocation by the primary key, hard
     * ones for all time, soft ones from their date when the policy counts them.
     */
    private static Optional<String> revocation(PGPPublicKey primary, PGPPublicKey key, int type, Instant t,
                                               SignaturePolicy policy, Memo memo) {
        Iterator<PGPSignature> sigs = key.getSignaturesOfType(type);
        while (sigs.hasNext()) {
            PGPSignature sig = sigs.next();
            if (!isBy(sig, primary)) {
                continue;
            }
            boolean ok = type == PGPSignature.KEY_REVOCATION
                    ? memo.verifies(sig, s -> s.verifyCertification(key), primary)
                    : memo.verifies(sig, s -> s.verifyCertification(primary, key), primary);
            if (!ok) {
                continue;
            }
            PGPSignatureSubpacketVector hashed = sig.getHashedSubPackets();
            RevocationReason reason = hashed == null ? null : hashed.getRevocationReason();
            int code = reason == null ? -1 : reason.getRevocationReason() & 0xff;
            boolean soft = code == RevocationReasonTags.KEY_SUPERSEDED || code == RevocationReasonTags.KEY_RETIRED;
            Instant at = creation(sig);
            String why = reason == null ? "no reason given" : reasonName(code)
                    + (reason.getRevocationDescription().isBlank() ? "" : ": " + reason.getRevocationDescription().strip());
            if (!soft) {
                return Optional.of("revoked " + at + " (" + why + "; a hard revocation counts for all time)");
            }
            if (policy.softRevocationFatal() && !at.isAfter(t)) {
                return Optional.of("revoked " + at + " (" + why + ")");
            }
        }
        return Optional.empty();
    }

    private static String reasonName(int code) {
        return switch (code) {
            case RevocationReasonTags.NO_REASON -> "no reason specified";
            case RevocationReasonTags.KEY_SUPERSEDED -> "key superseded";
            case RevocationReasonTags.KEY_COMPROMISED -> "key compromised";
            case RevocationReasonTags.KEY_RETIRED -> "key retired";
            case RevocationReasonTags.USER_NO_LONGER_VALID -> "user id no longer valid";
            default -> "reason " + code;
        };
    }

    /** The binding that applies at {@code t}: the newest at or before it, else the oldest (see class comment). */
    private static Optional<PGPSignature> choose(List<PGPSignature> bindings, Instant t, Instant keyCreated) {
        PGPSignature before = null;
        PGPSignature oldest = null;
        for (PGPSignature sig : bindings) {
            if (unknownCritical(sig) >= 0) {
                continue;
            }
            Instant made = creation(sig);
            if (made.isBefore(keyCreated)) {
                continue;
            }
            PGPSignatureSubpacketVector hashed = sig.getHashedSubPackets();
            long sigExpiry = hashed == null ? 0 : hashed.getSignatureExpirationTime();
            if (sigExpiry > 0 && !t.isBefore(made.plusSeconds(sigExpiry))) {
                continue;
            }
            if (!made.isAfter(t) && (before == null || made.isAfter(creation(before)))) {
                before = sig;
            }
            if (oldest == null || made.isBefore(creation(oldest))) {
                oldest = sig;
            }
        }
        return Optional.ofNullable(before != null ? before : oldest);
    }

    private static Optional<Instant> expiry(Instant created, PGPSignatureSubpacketVector hashed) {
        long seconds = hashed == null ? 0 : hashed.getKeyExpirationTime();
        return seconds > 0 ? Optional.of(created.plusSeconds(seconds)) : Optional.empty();
    }

    private static Optional<String> weakBinding(PGPSignature binding, String what, Instant t, SignaturePolicy policy) {
        if (!Algorithms.isCollisionProne(binding.getHashAlgorithm())) {
            return Optional.empty();
        }
        String name = Algorithms.digestName(binding.getHashAlgorithm());
        return Optional.of(what + " uses " + name + (t.isBefore(policy.sha1BindingCutoff())
                ? ", which the policy rejects from " + policy.sha1BindingCutoff()
                : ", which the policy rejects since " + policy.sha1BindingCutoff()));
    }

    /** The hashed creation time; signatures without one never verify as bindings here. */
    static Instant creation(PGPSignature sig) {
        PGPSignatureSubpacketVector hashed = sig.getHashedSubPackets();
        if (hashed != null && hashed.getSignatureCreationTime() != null) {
            return hashed.getSignatureCreationTime().toInstant();
        }
        return sig.getCreationTime().toInstant();
    }

    private static boolean isBy(PGPSignature sig, PGPPublicKey key) {
        PGPSignatureSubpacketVector hashed = sig.getHashedSubPackets();
        if (hashed != null && hashed.getIssuerFingerprint() != null) {
            return java.util.Arrays.equals(hashed.getIssuerFingerprint().getFingerprint(), key.getFingerprint());
        }
        return sig.getKeyID() == key.getKeyID();
    }

    /**
     * Remembers which self-signatures verified during one verification call, so that judging a
     * key at the verification time and again at the signature's time checks each binding once.
     * One per call, never shared between threads; keyed by identity because Bouncy Castle's
     * signature objects define no equality.
     */
    static final class Memo {
        private final Map<PGPSignature, Boolean> results = new IdentityHashMap<>();
        private final Map<PGPSignature, Optional<PGPSignature>> backSignatures = new IdentityHashMap<>();

        boolean verifies(PGPSignature sig, Check check, PGPPublicKey signer) {
            Boolean known = results.get(sig);
            if (known == null) {
                known = KeyValidity.verifies(sig, check, signer);
                results.put(sig, known);
            }
            return known;
        }
    }

    @FunctionalInterface
    interface Check {
        boolean run(PGPSignature fresh) throws PGPException;
    }

    /**
     * Verifies a copy of {@code sig}: Bouncy Castle keeps the verifier state inside the signature
     * object, and the keyring's signature objects are shared between threads.
     */
    private static boolean verifies(PGPSignature sig, Check check, PGPPublicKey signer) {
        try {
            PGPSignature fresh = copy(sig);
            fresh.init(verifiers(), signer);
            return check.run(fresh);
        } catch (PGPException | RuntimeException e) {
            // unsupported algorithms and malformed signatures simply do not verify
            return false;
        }
    }

    /** A private copy of a signature, made from its encoding. */
    static PGPSignature copy(PGPSignature sig) throws PGPException {
        try {
            return new PGPSignature(new BCPGInputStream(new ByteArrayInputStream(sig.getEncoded())));
        } catch (java.io.IOException e) {
            throw new PGPException("cannot copy signature: " + e.getMessage(), e);
        }
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().isBefore(b.get()) ? a : b;
    }
}
