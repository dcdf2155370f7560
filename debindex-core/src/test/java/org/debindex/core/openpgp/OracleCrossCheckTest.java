package org.debindex.core.openpgp;

import static org.debindex.core.openpgp.TestKeys.KEY_CREATED;
import static org.debindex.core.openpgp.TestKeys.by;
import static org.debindex.core.openpgp.TestKeys.clearsign;
import static org.debindex.core.openpgp.TestKeys.releaseText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.debindex.core.openpgp.TestKeys.Kind;
import org.debindex.core.openpgp.TestKeys.TestKey;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against {@code gpgv} (GnuPG) and {@code sqv} (Sequoia), the two verifiers apt
 * uses: on every case where the tool gives a verdict, debindex must give the same verdict or a
 * stricter one (refuse where the tool accepts), never accept what the tool refuses. Every
 * difference is printed (and written to {@code target/oracle-differences.txt}) with the case name,
 * for the closing notes. Skipped, visibly, when a tool is not installed.
 *
 * <p>Both tools judge at the machine's clock, so debindex is run at "now" here too. gpgv's status
 * lines are read as apt reads them (a BADSIG fails the file; a GOODSIG counts when its VALIDSIG
 * digest is not MD5, SHA-1 or RIPEMD-160; expired and revoked keys do not count). sqv only checks
 * detached signatures, so an InRelease is handed to it the way apt's sqv method does: split, the
 * text without its last newline.
 */
class OracleCrossCheckTest {

    private static final Path GPGV = Path.of("/usr/bin/gpgv");
    private static final Path SQV = Path.of("/usr/bin/sqv");

    /** One file to verify: an InRelease, or a Release with its Release.gpg. */
    private record Case(String name, byte[] inRelease, byte[] release, byte[] releaseGpg, byte[] keyring,
                        boolean oraclesReadIt) {
        static Case inRelease(String name, byte[] file, byte[] keyring) {
            return new Case(name, file, null, null, keyring, true);
        }

        static Case detached(String name, byte[] release, byte[] gpg, byte[] keyring) {
            return new Case(name, null, release, gpg, keyring, true);
        }

        /** A case the installed tools cannot read at all (gpgv 2.2 and sqv 1.1 predate RFC 9580 keys). */
        Case unreadableByOracles() {
            return new Case(name, inRelease, release, releaseGpg, keyring, false);
        }
    }

    static final List<Case> CASES = new ArrayList<>();

    @TempDir
    Path tmp;

    @BeforeAll
    static void cases() throws Exception {
        TestKey ed = TestKeys.key(Kind.ED25519).build();
        TestKey other = TestKeys.key(Kind.ED25519).build();
        TestKey rsa = TestKeys.key(Kind.RSA2048).build();
        TestKey rsa1024 = TestKeys.key(Kind.RSA1024).build();
        TestKey dsa = TestKeys.key(Kind.DSA1024).build();
        TestKey v6 = TestKeys.key(Kind.ED25519_V6).build();
        TestKey expiredLongAgo = TestKeys.key(Kind.ED25519).expires(Duration.ofDays(100)).build();
        TestKey expiredSinceSigning = TestKeys.key(Kind.ED25519).expires(Duration.ofDays(600)).build();
        TestKey subExpired = TestKeys.key(Kind.ED25519).primaryCertifiesOnly()
                .signingSubkey(TestKeys.pair(Kind.ED25519, KEY_CREATED)).subkeyExpires(Duration.ofDays(100)).build();
        TestKey subkeyed = TestKeys.key(Kind.ED25519).primaryCertifiesOnly()
                .signingSubkey(TestKeys.pair(Kind.ED25519, KEY_CREATED)).build();
        TestKey noBack = TestKeys.key(Kind.ED25519).primaryCertifiesOnly()
                .signingSubkey(TestKeys.pair(Kind.ED25519, KEY_CREATED)).withoutBackSignature().build();
        TestKey compromised = TestKeys.key(Kind.ED25519)
                .revoked((int) RevocationReasonTags.KEY_COMPROMISED, TestKeys.SIGNED.plusSeconds(60)).build();
        TestKey superseded = TestKeys.key(Kind.ED25519)
                .revoked((int) RevocationReasonTags.KEY_SUPERSEDED, TestKeys.SIGNED.plusSeconds(60)).build();
        TestKey sha1Bound = TestKeys.key(Kind.ED25519).bindingDigest(HashAlgorithmTags.SHA1).build();

        String text = releaseText();
        byte[] good = clearsign(text, "SHA512", by(ed));
        String goodS = new String(good, StandardCharsets.UTF_8);
        byte[] release = text.getBytes(StandardCharsets.UTF_8);

        CASES.add(Case.inRelease("good ed25519", good, ed.binary()));
        CASES.add(Case.inRelease("#1 changed byte", bytes(goodS.replace("Suite: stable", "Suite: stabke")), ed.binary()));
        CASES.add(Case.inRelease("#2 appended release", bytes(goodS + text), ed.binary()));
        CASES.add(Case.inRelease("#4 text before begin", bytes("Origin: Evil\n\n" + goodS), ed.binary()));
        CASES.add(Case.inRelease("#7 unescaped dash line", bytes(goodS.replace("Label: Test\n", "Label: Test\n-Xyz: 1\n")), ed.binary()));
        CASES.add(Case.inRelease("#10 extra armor header", bytes(goodS.replace("Hash: SHA512", "Hello: text\nHash: SHA512")), ed.binary()));
        CASES.add(Case.inRelease("#11 Hash: SHA1 with a SHA512 signature", clearsign(text, "SHA1", by(ed)), ed.binary()));
        CASES.add(Case.inRelease("#12 Hash: FOO", clearsign(text, "FOO", by(ed)), ed.binary()));
        CASES.add(Case.inRelease("#13 CRLF", bytes(goodS.replace("\n", "\r\n")), ed.binary()));
        CASES.add(Case.inRelease("#15 trailing blanks", bytes(goodS.replace("Suite: stable\n", "Suite: stable \t\n")), ed.binary()));
        CASES.add(Case.inRelease("#18 SHA1 digest", clearsign(text, "SHA1", by(ed).digest(HashAlgorithmTags.SHA1)), ed.binary()));
        CASES.add(Case.inRelease("#18 MD5 digest", clearsign(text, "MD5", by(rsa).digest(HashAlgorithmTags.MD5)), rsa.binary()));
        CASES.add(Case.inRelease("#19 SHA224 digest", clearsign(text, "SHA224", by(rsa).digest(HashAlgorithmTags.SHA224)), rsa.binary()));
        CASES.add(Case.inRelease("#20 rsa1024", clearsign(text, "SHA512", by(rsa1024)), rsa1024.binary()));
        CASES.add(Case.inRelease("#20 dsa1024", clearsign(text, "SHA256", by(dsa).digest(HashAlgorithmTags.SHA256)), dsa.binary()));
        CASES.add(Case.inRelease("#21 SHA1 self-signature", clearsign(text, "SHA512", by(sha1Bound)), sha1Bound.binary()));
        CASES.add(Case.inRelease("#22 signed after expiry", clearsign(text, "SHA512", by(expiredLongAgo)), expiredLongAgo.binary()));
        CASES.add(Case.inRelease("#23 expired since signing", clearsign(text, "SHA512", by(expiredSinceSigning)), expiredSinceSigning.binary()));
        CASES.add(Case.inRelease("#24 expired signing subkey", clearsign(text, "SHA512", by(subExpired)), subExpired.binary()));
        CASES.add(Case.inRelease("signing subkey", clearsign(text, "SHA512", by(subkeyed)), subkeyed.binary()));
        CASES.add(Case.inRelease("subkey without back-signature", clearsign(text, "SHA512", by(noBack)), noBack.binary()));
        CASES.add(Case.inRelease("#25 compromised after signing", clearsign(text, "SHA512", by(compromised)), compromised.binary()));
        CASES.add(Case.inRelease("#26 superseded after signing", clearsign(text, "SHA512", by(superseded)), superseded.binary()));
        CASES.add(Case.inRelease("#27 unknown key", good, other.binary()));
        CASES.add(Case.inRelease("#28 good + unknown key", clearsign(text, "SHA512", by(ed), by(other)), ed.binary()));
        CASES.add(Case.inRelease("#29 good + expired key", clearsign(text, "SHA512", by(ed), by(expiredLongAgo)),
                concat(ed.binary(), expiredLongAgo.binary())));
        byte[] otherText = clearsign(text.replace("test archive", "other archive"), "SHA512", by(other));
        String otherS = new String(otherText, StandardCharsets.UTF_8);
        CASES.add(Case.inRelease("#30 good + bad", bytes(goodS + otherS.substring(otherS.indexOf("-----BEGIN PGP SIGNATURE-----"))),
                concat(ed.binary(), other.binary())));
        CASES.add(Case.inRelease("version 6 ed25519 key", clearsign(text, "SHA512", by(v6)), v6.binary()).unreadableByOracles());
        CASES.add(Case.inRelease("unknown critical subpacket", clearsign(text, "SHA512", by(ed).unknownCritical()), ed.binary()));
        CASES.add(Case.inRelease("signature one day in the future",
                clearsign(text, "SHA512", by(ed).created(Instant.now().plus(Duration.ofDays(1)))), ed.binary()));
        CASES.add(Case.detached("detached good", release, TestKeys.detach(release, by(ed)), ed.binary()));
        CASES.add(Case.detached("#14 CRLF Release, 0x00 signature", bytes(text.replace("\n", "\r\n")),
                TestKeys.detach(release, by(ed)), ed.binary()));
        CASES.add(Case.detached("#35 binary Release.gpg", release, TestKeys.detachBinary(release, by(ed)), ed.binary()));
        CASES.add(Case.detached("#36 text after the block", release,
                bytes(new String(TestKeys.detach(release, by(ed)), StandardCharsets.US_ASCII) + "junk\n"), ed.binary()));

        Path data = SharedTestData.root();
        if (Files.isDirectory(data.resolve("debian/dists"))) {
            byte[] archive = Files.readAllBytes(data.resolve("keyrings/debian-archive-keyring.gpg"));
            byte[] removed = Files.readAllBytes(data.resolve("keyrings/debian-archive-removed-keys.gpg"));
            byte[] stable = Files.readAllBytes(data.resolve("keyrings/debian-archive-trixie-stable.gpg"));
            for (String suite : List.of("trixie", "bookworm")) {
                Path dists = data.resolve("debian/dists/" + suite);
                byte[] in = Files.readAllBytes(dists.resolve("InRelease"));
                CASES.add(Case.inRelease("real " + suite + " InRelease", in, archive));
                CASES.add(Case.inRelease("real " + suite + " InRelease, removed keys", in, removed));
                CASES.add(Case.detached("real " + suite + " Release.gpg", Files.readAllBytes(dists.resolve("Release")),
                        Files.readAllBytes(dists.resolve("Release.gpg")), archive));
            }
            CASES.add(Case.inRelease("real trixie InRelease, stable key only",
                    Files.readAllBytes(data.resolve("debian/dists/trixie/InRelease")), stable));
        }
    }

    @Test
    void debindexIsAsStrictAsGpgv() throws Exception {
        assumeTrue(Files.isExecutable(GPGV), "gpgv is not installed (Debian package gpgv)");
        compare("gpgv", this::gpgv);
    }

    @Test
    void debindexIsAsStrictAsSqv() throws Exception {
        assumeTrue(Files.isExecutable(SQV), "sqv is not installed (Debian package sqv)");
        compare("sqv", this::sqv);
    }

    @FunctionalInterface
    private interface Oracle {
        /** The tool's verdict: TRUE accepted, FALSE refused, null no verdict. */
        Boolean verdict(Case c, Path dir) throws Exception;
    }

    private void compare(String tool, Oracle oracle) throws Exception {
        Instant now = Instant.now();
        Map<String, String> differences = new LinkedHashMap<>();
        List<String> lenient = new ArrayList<>();
        int compared = 0;
        for (Case c : CASES) {
            Path dir = Files.createDirectories(tmp.resolve(tool + "-" + compared + "-" + c.name().replaceAll("[^A-Za-z0-9]", "_")));
            Keyring keyring;
            try {
                keyring = Keyring.parse(c.keyring(), "keyring.gpg");
            } catch (org.debindex.core.VerificationException e) {
                continue;
            }
            ReleaseVerification ours = c.inRelease() != null
                    ? ReleaseSignatures.verifyInRelease(c.inRelease(), "InRelease", keyring, now)
                    : ReleaseSignatures.verifyDetached(c.release(), c.releaseGpg(), "Release.gpg", keyring, now);
            Boolean theirs = oracle.verdict(c, dir);
            if (!c.oraclesReadIt()) {
                // the tool refuses what it cannot parse; that is no verdict on the signature
                differences.put(c.name(), tool + " cannot read version 6 keys (" + (theirs ? "accepts" : "refuses")
                        + "); debindex " + describe(ours));
                compared++;
                continue;
            }
            compared++;
            if (theirs == null) {
                differences.put(c.name(), tool + " gives no verdict; debindex " + describe(ours));
                continue;
            }
            if (ours.isAccepted() && !theirs) {
                lenient.add(c.name() + ": " + tool + " refuses, debindex " + describe(ours));
            } else if (!ours.isAccepted() && theirs) {
                differences.put(c.name(), tool + " accepts, debindex refuses: " + describe(ours));
            }
        }
        StringBuilder report = new StringBuilder(tool + ": " + compared + " cases compared, "
                + differences.size() + " where debindex is stricter or " + tool + " gives no verdict\n");
        differences.forEach((k, v) -> report.append("  ").append(k).append(": ").append(v).append('\n'));
        System.out.print(report);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("oracle-differences-" + tool + ".txt"), report);
        }
        assertEquals(List.of(), lenient, "debindex must never accept what " + tool + " refuses");
    }

    private static String describe(ReleaseVerification r) {
        return r.isAccepted() ? "accepts" : r.failure().orElseThrow() + " " + r.signatures().stream()
                .map(s -> s.status().toString()).toList();
    }

    private Boolean gpgv(Case c, Path dir) throws Exception {
        Path keyring = Files.write(dir.resolve("keyring.gpg"), c.keyring());
        List<String> cmd = new ArrayList<>(List.of(GPGV.toString(), "--homedir", dir.toString(), "--status-fd", "1",
                "--keyring", keyring.toString()));
        if (c.inRelease() != null) {
            cmd.add(Files.write(dir.resolve("InRelease"), c.inRelease()).toString());
        } else {
            cmd.add(Files.write(dir.resolve("Release.gpg"), c.releaseGpg()).toString());
            cmd.add(Files.write(dir.resolve("Release"), c.release()).toString());
        }
        String status = run(cmd);
        boolean bad = false;
        int good = 0;
        int strong = 0;
        for (String line : status.split("\n")) {
            String[] f = line.split(" ");
            if (f.length < 2 || !f[0].equals("[GNUPG:]")) {
                continue;
            }
            switch (f[1]) {
                case "BADSIG" -> bad = true;
                case "GOODSIG" -> good++;
                case "VALIDSIG" -> {
                    int hash = f.length > 9 ? Integer.parseInt(f[9]) : 0;
                    if (hash != 1 && hash != 2 && hash != 3) {
                        strong++;
                    }
                }
                default -> { }
            }
        }
        return !bad && good > 0 && strong > 0;
    }

    private Boolean sqv(Case c, Path dir) throws Exception {
        Path keyring = Files.write(dir.resolve("keyring.gpg"), c.keyring());
        Path sig;
        Path data;
        if (c.inRelease() != null) {
            ClearsignedMessage split;
            try {
                split = ClearsignedMessage.split(c.inRelease(), "InRelease");
            } catch (org.debindex.core.VerificationException e) {
                return null; // apt refuses before it ever calls sqv
            }
            byte[] text = split.text();
            data = Files.write(dir.resolve("Release"), text.length == 0 ? text : java.util.Arrays.copyOf(text, text.length - 1));
            ByteArrayOutputStream blocks = new ByteArrayOutputStream();
            String file = new String(c.inRelease(), StandardCharsets.ISO_8859_1);
            blocks.writeBytes(file.substring(file.indexOf("-----BEGIN PGP SIGNATURE-----")).getBytes(StandardCharsets.ISO_8859_1));
            sig = Files.write(dir.resolve("Release.gpg"), blocks.toByteArray());
        } else {
            sig = Files.write(dir.resolve("Release.gpg"), c.releaseGpg());
            data = Files.write(dir.resolve("Release"), c.release());
        }
        Process p = new ProcessBuilder(SQV.toString(), "--keyring", keyring.toString(), sig.toString(), data.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("sqv did not finish");
        }
        return p.exitValue() == 0;
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd.get(0) + " did not finish");
        }
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] x, byte[] y) {
        byte[] out = new byte[x.length + y.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }
}
