package org.debindex.core.openpgp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.PublicSubkeyPacket;
import org.bouncycastle.bcpg.SignatureSubpacket;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.DSAKeyPairGenerator;
import org.bouncycastle.crypto.generators.DSAParametersGenerator;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.DSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * Makes OpenPGP keys and signatures for tests with Bouncy Castle, at fixed times: every variant the
 * trust-chain catalogue needs (expired, revoked, SHA-1 bindings, subkeys with and without
 * back-signatures, weak algorithms, RFC 9580 version 6 keys). Nothing here is checked in as a
 * binary; key material is random, times are fixed.
 *
 * <p>Public so that the other modules' tests (through core's test-jar) can sign fixture
 * repositories; only the members they need are public.
 */
public final class TestKeys {

    public static final Instant KEY_CREATED = Instant.parse("2024-01-01T00:00:00Z");
    public static final Instant SIGNED = Instant.parse("2025-06-01T00:00:00Z");
    public static final Instant VERIFY_AT = Instant.parse("2025-06-02T00:00:00Z");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The key algorithms tests need. */
    public enum Kind { RSA1024, RSA2048, RSA3072, DSA1024, ED25519, ED25519_V6 }

    private TestKeys() {
    }

    /** A generated certificate and the private key that signs data with it. */
    public record TestKey(PGPPublicKeyRing ring, PGPPublicKey signingPublic, PGPPrivateKey signingPrivate,
                   PGPPublicKey primaryPublic, PGPPrivateKey primaryPrivate) {
        public Fingerprint fingerprint() {
            return Fingerprint.of(primaryPublic.getFingerprint());
        }

        Fingerprint signingFingerprint() {
            return Fingerprint.of(signingPublic.getFingerprint());
        }

        /** The certificate as a binary keyring file. */
        public byte[] binary() {
            try {
                return ring.getEncoded();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The certificate as an armored key file. */
        byte[] armored() {
            return armor("PUBLIC KEY BLOCK", binary());
        }

        public Keyring keyring() throws Exception {
            return Keyring.parse(binary(), fingerprint() + ".gpg");
        }
    }

    /** A raw key pair of the kind, with its OpenPGP algorithm. */
    static PGPKeyPair pair(Kind kind, Instant created) throws PGPException {
        Date when = Date.from(created);
        return switch (kind) {
            case RSA1024, RSA2048, RSA3072 -> {
                int bits = kind == Kind.RSA1024 ? 1024 : kind == Kind.RSA2048 ? 2048 : 3072;
                RSAKeyPairGenerator gen = new RSAKeyPairGenerator();
                gen.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), RANDOM, bits, 80));
                yield new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.RSA_GENERAL, gen.generateKeyPair(), when);
            }
            case DSA1024 -> {
                DSAParametersGenerator params = new DSAParametersGenerator();
                params.init(1024, 80, RANDOM);
                DSAKeyPairGenerator gen = new DSAKeyPairGenerator();
                gen.init(new DSAKeyGenerationParameters(RANDOM, params.generateParameters()));
                yield new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.DSA, gen.generateKeyPair(), when);
            }
            case ED25519, ED25519_V6 -> {
                Ed25519KeyPairGenerator gen = new Ed25519KeyPairGenerator();
                gen.init(new Ed25519KeyGenerationParameters(RANDOM));
                AsymmetricCipherKeyPair kp = gen.generateKeyPair();
                yield kind == Kind.ED25519
                        ? new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.EDDSA_LEGACY, kp, when)
                        : new BcPGPKeyPair(PublicKeyPacket.VERSION_6, PublicKeyAlgorithmTags.Ed25519, kp, when);
            }
        };
    }

    /** Builds a certificate: a primary key with one user id, optionally a signing subkey, revocations. */
    public static final class Builder {
        private final PGPKeyPair primary;
        private Instant created = KEY_CREATED;
        private String userId = "Test Archive Key <archive@mirror.example>";
        private int bindingDigest = HashAlgorithmTags.SHA512;
        private Duration expires;
        private boolean primarySigns = true;
        private PGPKeyPair subkey;
        private Duration subkeyExpires;
        private boolean backSignature = true;
        private int subkeyFlags = KeyFlags.SIGN_DATA;
        private Integer revocationReason;
        private Instant revokedAt;
        private Integer subkeyRevocationReason;
        private Instant subkeyRevokedAt;

        Builder(PGPKeyPair primary) {
            this.primary = primary;
            this.created = primary.getPublicKey().getCreationTime().toInstant();
        }

        public Builder userId(String id) {
            this.userId = id;
            return this;
        }

        Builder bindingDigest(int digest) {
            this.bindingDigest = digest;
            return this;
        }

        public Builder expires(Duration afterCreation) {
            this.expires = afterCreation;
            return this;
        }

        Builder primaryCertifiesOnly() {
            this.primarySigns = false;
            return this;
        }

        Builder signingSubkey(PGPKeyPair sub) {
            this.subkey = sub;
            return this;
        }

        Builder subkeyExpires(Duration afterCreation) {
            this.subkeyExpires = afterCreation;
            return this;
        }

        Builder withoutBackSignature() {
            this.backSignature = false;
            return this;
        }

        Builder subkeyFlags(int flags) {
            this.subkeyFlags = flags;
            return this;
        }

        /** Revokes the primary key; {@code reason} as RFC 9580 §5.2.3.31, or null for no reason subpacket. */
        public Builder revoked(Integer reason, Instant at) {
            this.revocationReason = reason;
            this.revokedAt = at;
            return this;
        }

        Builder subkeyRevoked(Integer reason, Instant at) {
            this.subkeyRevocationReason = reason;
            this.subkeyRevokedAt = at;
            return this;
        }

        public TestKey build() throws PGPException {
            PGPPublicKey pub = primary.getPublicKey();
            PGPPrivateKey priv = primary.getPrivateKey();
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, Date.from(created));
            hashed.setIssuerFingerprint(false, pub);
            hashed.setKeyFlags(false, primarySigns ? KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA : KeyFlags.CERTIFY_OTHER);
            if (expires != null) {
                hashed.setKeyExpirationTime(false, expires.getSeconds());
            }
            PGPSignatureGenerator gen = generator(pub, bindingDigest);
            gen.init(PGPSignature.POSITIVE_CERTIFICATION, priv);
            gen.setHashedSubpackets(hashed.generate());
            pub = PGPPublicKey.addCertification(pub, userId, gen.generateCertification(userId, pub));
            if (revokedAt != null) {
                PGPSignatureSubpacketGenerator rev = new PGPSignatureSubpacketGenerator();
                rev.setSignatureCreationTime(false, Date.from(revokedAt));
                rev.setIssuerFingerprint(false, pub);
                if (revocationReason != null) {
                    rev.setRevocationReason(false, revocationReason.byteValue(), "test");
                }
                PGPSignatureGenerator rgen = generator(pub, HashAlgorithmTags.SHA512);
                rgen.init(PGPSignature.KEY_REVOCATION, priv);
                rgen.setHashedSubpackets(rev.generate());
                pub = PGPPublicKey.addCertification(pub, rgen.generateCertification(pub));
            }
            List<PGPPublicKey> keys = new ArrayList<>(List.of(pub));
            PGPPublicKey signingPub = pub;
            PGPPrivateKey signingPriv = priv;
            if (subkey != null) {
                PublicKeyPacket p = subkey.getPublicKey().getPublicKeyPacket();
                PGPPublicKey subPub = new PGPPublicKey(new PublicSubkeyPacket(p.getVersion(), p.getAlgorithm(), p.getTime(), p.getKey()),
                        new BcKeyFingerprintCalculator());
                PGPPrivateKey subPriv = new PGPPrivateKey(subPub.getKeyID(), subPub.getPublicKeyPacket(),
                        subkey.getPrivateKey().getPrivateKeyDataPacket());
                Instant subCreated = p.getTime().toInstant();
                PGPSignatureSubpacketGenerator bind = new PGPSignatureSubpacketGenerator();
                bind.setSignatureCreationTime(false, Date.from(subCreated));
                bind.setIssuerFingerprint(false, pub);
                bind.setKeyFlags(false, subkeyFlags);
                if (subkeyExpires != null) {
                    bind.setKeyExpirationTime(false, subkeyExpires.getSeconds());
                }
                if (backSignature) {
                    PGPSignatureSubpacketGenerator back = new PGPSignatureSubpacketGenerator();
                    back.setSignatureCreationTime(false, Date.from(subCreated));
                    back.setIssuerFingerprint(false, subPub);
                    PGPSignatureGenerator bgen = generator(subPub, bindingDigest);
                    bgen.init(PGPSignature.PRIMARYKEY_BINDING, subPriv);
                    bgen.setHashedSubpackets(back.generate());
                    try {
                        bind.addEmbeddedSignature(false, bgen.generateCertification(pub, subPub));
                    } catch (IOException e) {
                        throw new PGPException("embedding back-signature", e);
                    }
                }
                PGPSignatureGenerator sgen = generator(pub, bindingDigest);
                sgen.init(PGPSignature.SUBKEY_BINDING, priv);
                sgen.setHashedSubpackets(bind.generate());
                subPub = PGPPublicKey.addCertification(subPub, sgen.generateCertification(pub, subPub));
                if (subkeyRevokedAt != null) {
                    PGPSignatureSubpacketGenerator rev = new PGPSignatureSubpacketGenerator();
                    rev.setSignatureCreationTime(false, Date.from(subkeyRevokedAt));
                    rev.setIssuerFingerprint(false, pub);
                    if (subkeyRevocationReason != null) {
                        rev.setRevocationReason(false, subkeyRevocationReason.byteValue(), "test");
                    }
                    PGPSignatureGenerator rgen = generator(pub, HashAlgorithmTags.SHA512);
                    rgen.init(PGPSignature.SUBKEY_REVOCATION, priv);
                    rgen.setHashedSubpackets(rev.generate());
                    subPub = PGPPublicKey.addCertification(subPub, rgen.generateCertification(pub, subPub));
                }
                keys.add(subPub);
                signingPub = subPub;
                signingPriv = subPriv;
            }
            PGPPublicKeyRing ring = new PGPPublicKeyRing(keys);
            return new TestKey(ring, ring.getPublicKey(signingPub.getKeyID()), signingPriv, ring.getPublicKey(), priv);
        }
    }

    public static Builder key(Kind kind) throws PGPException {
        return new Builder(pair(kind, KEY_CREATED));
    }

    static Builder key(PGPKeyPair pair) {
        return new Builder(pair);
    }

    static PGPSignatureGenerator generator(PGPPublicKey signer, int digest) {
        return new PGPSignatureGenerator(new BcPGPContentSignerBuilder(signer.getAlgorithm(), digest), signer);
    }

    /** How one data signature is made. */
    public static final class Sig {
        final TestKey key;
        int digest = HashAlgorithmTags.SHA512;
        Instant created = SIGNED;
        int type = -1;
        boolean hashedIssuerFingerprint = true;
        boolean unhashedKeyId = true;
        boolean unknownCritical;
        Duration expiresAfter;

        Sig(TestKey key) {
            this.key = key;
        }

        Sig digest(int d) {
            digest = d;
            return this;
        }

        Sig created(Instant t) {
            created = t;
            return this;
        }

        Sig type(int t) {
            type = t;
            return this;
        }

        Sig onlyUnhashedKeyId() {
            hashedIssuerFingerprint = false;
            unhashedKeyId = true;
            return this;
        }

        Sig unknownCritical() {
            unknownCritical = true;
            return this;
        }

        Sig expiresAfter(Duration d) {
            expiresAfter = d;
            return this;
        }

        PGPSignature sign(byte[] data, int defaultType) throws PGPException {
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, Date.from(created));
            if (hashedIssuerFingerprint) {
                hashed.setIssuerFingerprint(false, key.signingPublic());
            }
            if (unknownCritical) {
                hashed.addCustomSubpacket(new SignatureSubpacket(105, true, false, new byte[] {1}) { });
            }
            if (expiresAfter != null) {
                hashed.setSignatureExpirationTime(false, expiresAfter.getSeconds());
            }
            PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
            if (unhashedKeyId) {
                unhashed.setIssuerKeyID(false, key.signingPublic().getKeyID());
            }
            PGPSignatureGenerator gen = generator(key.signingPublic(), digest);
            gen.init(type >= 0 ? type : defaultType, key.signingPrivate());
            gen.setHashedSubpackets(hashed.generate());
            gen.setUnhashedSubpackets(unhashed.generate());
            gen.update(data);
            return gen.generate();
        }
    }

    public static Sig by(TestKey key) {
        return new Sig(key);
    }

    /** The canonical text of a Release text as RFC 9580 §7.2 defines it: trailing whitespace off, CRLF between lines. */
    static byte[] canonical(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        String[] lines = body.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append("\r\n");
            }
            out.append(lines[i].replaceAll("[ \t\r]+$", ""));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A clearsigned InRelease of {@code text} (which ends with a newline), as GnuPG writes one. */
    public static byte[] clearsign(String text, String hashHeader, Sig... sigs) throws Exception {
        byte[] canonical = canonical(text);
        ByteArrayOutputStream packets = new ByteArrayOutputStream();
        for (Sig sig : sigs) {
            sig.sign(canonical, PGPSignature.CANONICAL_TEXT_DOCUMENT).encode(packets);
        }
        StringBuilder out = new StringBuilder("-----BEGIN PGP SIGNED MESSAGE-----\n");
        if (hashHeader != null) {
            out.append("Hash: ").append(hashHeader).append('\n');
        }
        out.append('\n');
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\n", -1)) {
            out.append(line.startsWith("-") ? "- " + line : line).append('\n');
        }
        out.append(new String(armor("SIGNATURE", packets.toByteArray()), StandardCharsets.US_ASCII));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A detached Release.gpg over {@code release}, binary-mode (0x00) unless a Sig says otherwise. */
    public static byte[] detach(byte[] release, Sig... sigs) throws Exception {
        return armor("SIGNATURE", detachBinary(release, sigs));
    }

    static byte[] detachBinary(byte[] release, Sig... sigs) throws Exception {
        ByteArrayOutputStream packets = new ByteArrayOutputStream();
        for (Sig sig : sigs) {
            sig.sign(release, PGPSignature.BINARY_DOCUMENT).encode(packets);
        }
        return packets.toByteArray();
    }

    /** ASCII armor (RFC 9580 §6.2) with a CRC-24 line, as GnuPG writes it. */
    static byte[] armor(String kind, byte[] data) {
        String base64 = java.util.Base64.getEncoder().encodeToString(data);
        StringBuilder out = new StringBuilder("-----BEGIN PGP ").append(kind).append("-----\n\n");
        for (int i = 0; i < base64.length(); i += 64) {
            out.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
        }
        int crc = crc24(data);
        byte[] crcBytes = {(byte) (crc >> 16), (byte) (crc >> 8), (byte) crc};
        out.append('=').append(java.util.Base64.getEncoder().encodeToString(crcBytes)).append('\n');
        out.append("-----END PGP ").append(kind).append("-----\n");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static int crc24(byte[] data) {
        int crc = 0xB704CE;
        for (byte b : data) {
            crc ^= (b & 0xff) << 16;
            for (int i = 0; i < 8; i++) {
                crc <<= 1;
                if ((crc & 0x1000000) != 0) {
                    crc ^= 0x1864CFB;
                }
            }
        }
        return crc & 0xFFFFFF;
    }

    /** A small Release text with the fields the parser needs. */
    static String releaseText() {
        return """
                Origin: Test
                Label: Test
                Suite: stable
                Codename: trixie
                Date: Sun, 01 Jun 2025 00:00:00 UTC
                Architectures: amd64
                Components: main
                Description: test archive
                SHA256:
                 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef 1234 main/binary-amd64/Packages
                 fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210 567 main/binary-amd64/Packages.xz
                """;
    }
}
