package org.debindex.core.source;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/** Ed25519 certificates made with Bouncy Castle at a fixed time, for the keyring tests of this package. */
final class SourceKeys {

    private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

    /** A certificate as a binary keyring, as armor, and its fingerprint. */
    record Key(byte[] binary, String armored, String fingerprint) {
    }

    private SourceKeys() {
    }

    static Key generate(String userId) throws Exception {
        Ed25519KeyPairGenerator gen = new Ed25519KeyPairGenerator();
        gen.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        PGPKeyPair pair = new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.EDDSA_LEGACY,
                gen.generateKeyPair(), Date.from(CREATED));
        PGPPublicKey pub = pair.getPublicKey();
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, Date.from(CREATED));
        hashed.setIssuerFingerprint(false, pub);
        hashed.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
        PGPSignatureGenerator sig = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(pub.getAlgorithm(), HashAlgorithmTags.SHA512), pub);
        sig.init(PGPSignature.POSITIVE_CERTIFICATION, pair.getPrivateKey());
        sig.setHashedSubpackets(hashed.generate());
        pub = PGPPublicKey.addCertification(pub, userId, sig.generateCertification(userId, pub));
        byte[] binary = new PGPPublicKeyRing(List.of(pub)).getEncoded();
        StringBuilder fpr = new StringBuilder();
        for (byte b : pub.getFingerprint()) {
            fpr.append(String.format("%02X", b & 0xff));
        }
        return new Key(binary, armor(binary), fpr.toString().toUpperCase(Locale.ROOT));
    }

    private static String armor(byte[] data) {
        String base64 = Base64.getEncoder().encodeToString(data);
        StringBuilder out = new StringBuilder("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n");
        for (int i = 0; i < base64.length(); i += 64) {
            out.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
        }
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
        byte[] crcBytes = {(byte) (crc >> 16), (byte) (crc >> 8), (byte) crc};
        out.append('=').append(Base64.getEncoder().encodeToString(crcBytes)).append('\n');
        return out.append("-----END PGP PUBLIC KEY BLOCK-----\n").toString();
    }

    /** The armor as a deb822 field value: every line indented, the empty line written as {@code .}. */
    static String asDeb822Value(String armored) {
        StringBuilder out = new StringBuilder();
        for (String line : armored.strip().split("\n")) {
            out.append("\n ").append(line.isEmpty() ? "." : line);
        }
        return out.toString();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
