package org.debindex.core.openpgp;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.bcpg.BCPGKey;
import org.bouncycastle.bcpg.ECPublicBCPGKey;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * Names of OpenPGP algorithms as reports print them, and the algorithm policy of trust-chain.md
 * §2E/§4: which digests and which key algorithms and sizes a signature may use.
 */
final class Algorithms {

    /** Curve OIDs (RFC 9580 §9.2) to the names apt's policy strings use. */
    private static final Map<String, String> CURVES = Map.of(
            "1.2.840.10045.3.1.7", "nistp256",
            "1.3.132.0.34", "nistp384",
            "1.3.132.0.35", "nistp521",
            "1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1",
            "1.3.36.3.3.2.8.1.1.11", "brainpoolP384r1",
            "1.3.36.3.3.2.8.1.1.13", "brainpoolP512r1",
            "1.3.132.0.10", "secp256k1",
            "1.3.6.1.4.1.11591.15.1", "ed25519",
            "1.3.101.113", "ed448");

    private Algorithms() {
    }

    /** The digest's text name (RFC 9580 §9.5), as the {@code Hash:} header spells it. */
    static String digestName(int algorithm) {
        return switch (algorithm) {
            case HashAlgorithmTags.MD5 -> "MD5";
            case HashAlgorithmTags.SHA1 -> "SHA1";
            case HashAlgorithmTags.RIPEMD160 -> "RIPEMD160";
            case HashAlgorithmTags.SHA256 -> "SHA256";
            case HashAlgorithmTags.SHA384 -> "SHA384";
            case HashAlgorithmTags.SHA512 -> "SHA512";
            case HashAlgorithmTags.SHA224 -> "SHA224";
            case HashAlgorithmTags.SHA3_256 -> "SHA3-256";
            case HashAlgorithmTags.SHA3_512 -> "SHA3-512";
            default -> "HASH" + algorithm;
        };
    }

    /**
     * Why the digest is too weak for a data signature at {@code at}, or empty when it is allowed.
     * MD5, SHA-1 and RIPEMD-160 always (apt since 1.4), SHA-224 from the policy's cutoff (apt's
     * Sequoia policy), unknown digests always.
     */
    static Optional<String> weakDigest(int algorithm, Instant at, SignaturePolicy policy) {
        return switch (algorithm) {
            case HashAlgorithmTags.MD5, HashAlgorithmTags.SHA1, HashAlgorithmTags.RIPEMD160 ->
                    Optional.of("digest " + digestName(algorithm) + " is not trusted");
            case HashAlgorithmTags.SHA224 -> at.isBefore(policy.sha224Cutoff())
                    ? Optional.empty()
                    : Optional.of("digest SHA224 is not trusted since " + policy.sha224Cutoff());
            case HashAlgorithmTags.SHA256, HashAlgorithmTags.SHA384, HashAlgorithmTags.SHA512,
                    HashAlgorithmTags.SHA3_256, HashAlgorithmTags.SHA3_512 -> Optional.empty();
            default -> Optional.of("digest " + digestName(algorithm) + " is not supported");
        };
    }

    /** Whether a self-signature or binding made with this digest is a SHA-1-class (collision-prone) one. */
    static boolean isCollisionProne(int algorithm) {
        return algorithm == HashAlgorithmTags.MD5 || algorithm == HashAlgorithmTags.SHA1
                || algorithm == HashAlgorithmTags.RIPEMD160;
    }

    /** The key's algorithm with its size or curve, as {@code rsa4096}, {@code ed25519}, {@code nistp256}. */
    static String keyName(PGPPublicKey key) {
        int algorithm = key.getAlgorithm();
        return switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN, PublicKeyAlgorithmTags.RSA_ENCRYPT ->
                    "rsa" + key.getBitStrength();
            case PublicKeyAlgorithmTags.DSA -> "dsa" + key.getBitStrength();
            case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_GENERAL -> "elg" + key.getBitStrength();
            case PublicKeyAlgorithmTags.ECDSA, PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.ECDH ->
                    curveName(key).orElse("ec-unknown-curve");
            case PublicKeyAlgorithmTags.Ed25519 -> "ed25519";
            case PublicKeyAlgorithmTags.Ed448 -> "ed448";
            case PublicKeyAlgorithmTags.X25519 -> "cv25519";
            case PublicKeyAlgorithmTags.X448 -> "x448";
            default -> "algorithm" + algorithm;
        };
    }

    /**
     * Why the key may not make data signatures, or empty when it may: apt's gpgv backend allows
     * {@code >=rsa2048, ed25519, ed448, nistp256/384/521, brainpoolP256/384/512, secp256k1}
     * (trust-chain.md §2E item 14); DSA, ElGamal and everything else are refused.
     */
    static Optional<String> weakKey(PGPPublicKey key) {
        String name = keyName(key);
        int algorithm = key.getAlgorithm();
        switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN:
                return key.getBitStrength() < 2048
                        ? Optional.of("key " + name + " is below the rsa2048 minimum")
                        : Optional.empty();
            case PublicKeyAlgorithmTags.ECDSA:
                return name.startsWith("nistp") || name.startsWith("brainpool") || name.equals("secp256k1")
                        ? Optional.empty()
                        : Optional.of("key on curve " + name + " is not allowed");
            case PublicKeyAlgorithmTags.EDDSA_LEGACY:
                return name.equals("ed25519") || name.equals("ed448")
                        ? Optional.empty()
                        : Optional.of("eddsa key on curve " + name + " is not allowed");
            case PublicKeyAlgorithmTags.Ed25519, PublicKeyAlgorithmTags.Ed448:
                return Optional.empty();
            case PublicKeyAlgorithmTags.DSA:
                return Optional.of("key " + name + " uses dsa, which is not allowed");
            default:
                return Optional.of("key algorithm " + name + " cannot make allowed signatures");
        }
    }

    /** A note on keys the policy allows but does not recommend (trust-chain.md §2E item 14), or empty. */
    static Optional<String> keyNote(PGPPublicKey key) {
        String name = keyName(key);
        if (name.startsWith("brainpool") || name.equals("secp256k1")) {
            return Optional.of("key " + name + " is outside apt's recommended algorithms");
        }
        if (name.startsWith("rsa") && key.getBitStrength() < 3072) {
            return Optional.of("key " + name + " is below rsa3072");
        }
        return Optional.empty();
    }

    private static Optional<String> curveName(PGPPublicKey key) {
        BCPGKey material = key.getPublicKeyPacket().getKey();
        if (material instanceof ECPublicBCPGKey ec) {
            String oid = ec.getCurveOID().getId();
            return Optional.of(CURVES.getOrDefault(oid, "curve" + oid));
        }
        return Optional.empty();
    }
}
