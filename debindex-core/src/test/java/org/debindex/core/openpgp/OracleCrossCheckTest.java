package org.debindex.core.openpgp;

import static org.debindex.core.openpgp.TestKeys.KEY_CREATED;
import static org.debindex.core.openpgp.TestKeys.SIGNED;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.bouncycastle.openpgp.PGPSignature;
import org.debindex.core.VerificationException;
import org.debindex.core.openpgp.TestKeys.Kind;
import org.debindex.core.openpgp.TestKeys.TestKey;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test against {@code gpgv} (GnuPG) and {@code sqv} (Sequoia), the two verifiers apt
 * uses: on every case where a tool gives a verdict, debindex must give the same verdict or a
 * stricter one, and every difference must carry its reason. The cases are every generated
 * catalogue case of trust-chain.md §6 #1–36 that makes a signed file (and the other cases of
 * {@link ReleaseSignaturesCatalogueTest}), plus every real file: trixie and bookworm
 * {@code InRelease} and {@code Release}+{@code Release.gpg}, each with
 * {@code debian-archive-keyring.gpg}, with single-key keyrings and with
 * {@code debian-archive-removed-keys.gpg}.
 *
 * <p>The table of all verdicts (case, gpgv, sqv, debindex, difference and reason) is printed and
 * written to {@code target/oracle-crosscheck.md} for the closing notes. A tool that is not
 * installed is skipped, visibly, and its column says so.
 *
 * <p>How the tools are asked, and their answers read:
 * <ul>
 *   <li>All three judge at the machine's clock (gpgv and sqv cannot be told another time), so
 *       debindex is run at "now" here too; generated keys and signatures have fixed past times.
 *   <li>gpgv gets the file as it is ({@code gpgv --keyring K InRelease}, or {@code Release.gpg
 *       Release}); its status lines are read as apt's gpgv method reads them: a BADSIG fails the
 *       file; a signature counts when it has a GOODSIG and a VALIDSIG whose digest is not MD5,
 *       SHA-1 or RIPEMD-160 (expired and revoked keys give no GOODSIG); with {@code Signed-By}
 *       fingerprints only signatures apt's rule allows count ({@code FPR} a key or its subkeys,
 *       {@code FPR!} that key only).
 *   <li>sqv 1.1 reads detached signatures only, so an InRelease is split the way apt's sqv method
 *       does it (apt's {@code SplitClearSignedFile}, re-implemented here, independent of
 *       debindex's splitter): when apt's split refuses, sqv is never run and gives no verdict.
 *       Detached files go to sqv as they are. With {@code Signed-By} fingerprints, apt's sqv
 *       method keeps only the primary-key fingerprints sqv prints that equal a fingerprint as
 *       written.
 *   <li>Keyrings go to both tools as the file is, except a real {@code .asc} keyring, which gpgv
 *       cannot read and apt de-armors before calling gpgv: gpgv gets the de-armored bytes.
 * </ul>
 */
class OracleCrossCheckTest {

    private static final Path GPGV = Path.of("/usr/bin/gpgv");
    private static final Path SQV = Path.of("/usr/bin/sqv");
    private static final Path GPG = Path.of("/usr/bin/gpg");

    /** A keyring file: its name (which decides its format for debindex) and contents. */
    private record KeyFile(String name, byte[] data, byte[] forGpgv) {
        static KeyFile of(byte[] data) {
            return new KeyFile("keyring.gpg", data, data);
        }
    }

    /**
     * One file to verify: an InRelease, or a Release with its Release.gpg.
     *
     * @param why        why debindex refuses where a tool accepts; required for every difference
     * @param exceptions per tool, why that tool's refusal is no verdict on the signature, or why
     *                   debindex accepting it anyway is a known and reported gap
     */
    private record Case(String name, byte[] inRelease, byte[] release, byte[] releaseGpg, KeyFile keyring,
                        String signedBy, String why, Map<String, String> exceptions) {
        static Case inRelease(String name, byte[] file, byte[] keyring) {
            return new Case(name, file, null, null, KeyFile.of(keyring), null, null, Map.of());
        }

        static Case detached(String name, byte[] release, byte[] gpg, byte[] keyring) {
            return new Case(name, null, release, gpg, KeyFile.of(keyring), null, null, Map.of());
        }

        Case why(String reason) {
            return new Case(name, inRelease, release, releaseGpg, keyring, signedBy, reason, exceptions);
        }

        Case keyFile(KeyFile file) {
            return new Case(name, inRelease, release, releaseGpg, file, signedBy, why, exceptions);
        }

        Case signedBy(String value) {
            return new Case(name, inRelease, release, releaseGpg, keyring, value, why, exceptions);
        }

        Case except(String tool, String reason) {
            Map<String, String> more = new LinkedHashMap<>(exceptions);
            more.put(tool, reason);
            return new Case(name, inRelease, release, releaseGpg, keyring, signedBy, why, more);
        }
    }

    /** One tool's answer: accepted or not, and a few words on why; {@code ran} false when it gave none. */
    private record Verdict(boolean ran, boolean accepted, String detail) {
        static Verdict none(String why) {
            return new Verdict(false, false, why);
        }

        String cell() {
            if (!ran) {
                return "— (" + detail + ")";
            }
            return accepted ? "accepts" : "refuses" + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    private record Row(Case c, Verdict gpgv, Verdict sqv, Verdict debindex) {
    }

    static final List<Case> CASES = new ArrayList<>();
    static final List<Row> ROWS = new ArrayList<>();
    static final List<String> NOT_RUN = new ArrayList<>();
    static Path work;

    @BeforeAll
    static void casesAndVerdicts() throws Exception {
        work = Files.createTempDirectory("oracle-crosscheck");
        generatedCases();
        realCases();
        Instant now = Instant.now();
        int n = 0;
        for (Case c : CASES) {
            Path dir = Files.createDirectories(work.resolve(n++ + "-" + c.name().replaceAll("[^A-Za-z0-9]", "_")));
            Verdict gpgv = Files.isExecutable(GPGV) ? gpgv(c, dir) : Verdict.none("gpgv not installed");
            Verdict sqv = Files.isExecutable(SQV) ? sqv(c, dir) : Verdict.none("sqv not installed");
            ROWS.add(new Row(c, gpgv, sqv, debindex(c, dir, now)));
        }
        String table = table(now);
        System.out.print(table);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("oracle-crosscheck.md"), table);
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (work != null) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void debindexIsAsStrictAsGpgv() {
        assumeTrue(Files.isExecutable(GPGV), "gpgv is not installed (Debian package gpgv)");
        check("gpgv", Row::gpgv);
    }

    @Test
    void debindexIsAsStrictAsSqv() {
        assumeTrue(Files.isExecutable(SQV), "sqv is not installed (Debian package sqv)");
        check("sqv", Row::sqv);
    }

    @Test
    void everyCatalogueCaseRan() {
        assertEquals(List.of(), NOT_RUN, "cases that could not be generated on this machine");
    }

    private static void check(String tool, java.util.function.Function<Row, Verdict> of) {
        List<String> lenient = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        for (Row row : ROWS) {
            Verdict theirs = of.apply(row);
            Verdict ours = row.debindex();
            if (!theirs.ran()) {
                continue;
            }
            if (ours.accepted() && !theirs.accepted() && !row.c().exceptions().containsKey(tool)) {
                lenient.add(row.c().name() + ": " + tool + " " + theirs.cell() + ", debindex accepts");
            } else if (!ours.accepted() && theirs.accepted() && row.c().why() == null) {
                unexplained.add(row.c().name() + ": " + tool + " accepts, debindex " + ours.cell());
            }
        }
        assertEquals(List.of(), lenient, "debindex must never accept what " + tool + " refuses");
        assertEquals(List.of(), unexplained, "every case where debindex is stricter than " + tool + " needs its reason");
    }

    private static String table(Instant now) {
        StringBuilder out = new StringBuilder();
        out.append("Oracle cross-check at ").append(now).append(": ").append(ROWS.size()).append(" cases; ")
                .append(version(GPGV, "--version")).append("; ").append(version(SQV, "--version")).append('\n');
        out.append('\n');
        out.append("| case | gpgv | sqv | debindex | difference and reason |\n");
        out.append("|---|---|---|---|---|\n");
        int stricter = 0;
        int exceptions = 0;
        for (Row row : ROWS) {
            // one note per reason, naming the tools it applies to
            Map<String, List<String>> notes = new LinkedHashMap<>();
            for (String tool : List.of("gpgv", "sqv")) {
                Verdict theirs = tool.equals("gpgv") ? row.gpgv() : row.sqv();
                if (!theirs.ran()) {
                    continue;
                }
                if (row.debindex().accepted() && !theirs.accepted()) {
                    String reason = row.c().exceptions().get(tool);
                    notes.computeIfAbsent(reason == null ? "**debindex MORE LENIENT, no reason recorded**"
                            : "refuses, debindex accepts: " + reason, k -> new ArrayList<>()).add(tool);
                    exceptions++;
                } else if (!row.debindex().accepted() && theirs.accepted()) {
                    String why = row.c().why() == null ? "**no reason recorded**" : row.c().why();
                    notes.computeIfAbsent("debindex stricter: " + why, k -> new ArrayList<>()).add(tool);
                    stricter++;
                }
            }
            List<String> cells = new ArrayList<>();
            notes.forEach((note, tools) -> cells.add(note.startsWith("refuses")
                    ? String.join(" and ", tools) + " " + (tools.size() > 1 ? note.replaceFirst("refuses", "refuse") : note)
                    : note.startsWith("**") ? note.replace("LENIENT", "LENIENT than " + String.join(" and ", tools))
                    : note.replaceFirst(": ", " than " + String.join(" and ", tools) + ": ")));
            out.append("| ").append(row.c().name()).append(" | ").append(row.gpgv().cell()).append(" | ")
                    .append(row.sqv().cell()).append(" | ").append(row.debindex().cell()).append(" | ")
                    .append(String.join("; ", cells).replace("|", "\\|")).append(" |\n");
        }
        out.append('\n').append(stricter).append(" tool verdicts where debindex is stricter, ").append(exceptions)
                .append(" where a tool refuses and debindex accepts for the reason given");
        if (!NOT_RUN.isEmpty()) {
            out.append("; not run: ").append(String.join(", ", NOT_RUN));
        }
        out.append('\n');
        return out.toString();
    }

    // ---------------------------------------------------------------- the cases

    private static void generatedCases() throws Exception {
        TestKey ed = TestKeys.key(Kind.ED25519).build();
        TestKey other = TestKeys.key(Kind.ED25519).userId("Other Key <other@mirror.example>").build();
        TestKey rsa = TestKeys.key(Kind.RSA3072).build();
        TestKey rsa1024 = TestKeys.key(Kind.RSA1024).build();
        TestKey dsa = TestKeys.key(Kind.DSA1024).build();
        TestKey v6 = TestKeys.key(Kind.ED25519_V6).build();
        TestKey expiredLongAgo = TestKeys.key(Kind.ED25519).expires(Duration.ofDays(100)).build();
        TestKey expiredSinceSigning = TestKeys.key(Kind.ED25519).expires(Duration.ofDays(600)).build();
        TestKey subExpired = TestKeys.key(Kind.ED25519).primaryCertifiesOnly()
                .signingSubkey(TestKeys.pair(Kind.ED25519, KEY_CREATED)).subkeyExpires(Duration.ofDays(100)).build();
        TestKey subkeyed = TestKeys.key(Kind.ED25519).primaryCertifiesOnly()
                .signingSubkey(TestKeys.pair(Kind.ED25519, KEY_CREATED.plusSeconds(60))).build();
        TestKey noBack = TestKeys.key(Kind.ED25519).primaryCertifiesOnly()
                .signingSubkey(TestKeys.pair(Kind.ED25519, KEY_CREATED)).withoutBackSignature().build();
        TestKey certOnly = TestKeys.key(Kind.ED25519).primaryCertifiesOnly().build();
        TestKey compromised = TestKeys.key(Kind.ED25519)
                .revoked((int) RevocationReasonTags.KEY_COMPROMISED, SIGNED.plusSeconds(60)).build();
        TestKey revokedNoReason = TestKeys.key(Kind.ED25519).revoked(null, SIGNED.plusSeconds(60)).build();
        TestKey superseded = TestKeys.key(Kind.ED25519)
                .revoked((int) RevocationReasonTags.KEY_SUPERSEDED, SIGNED.plusSeconds(60)).build();
        TestKey subRevoked = TestKeys.key(Kind.ED25519).primaryCertifiesOnly()
                .signingSubkey(TestKeys.pair(Kind.ED25519, KEY_CREATED))
                .subkeyRevoked((int) RevocationReasonTags.KEY_COMPROMISED, SIGNED.minusSeconds(60)).build();
        TestKey sha1Bound = TestKeys.key(Kind.ED25519).bindingDigest(HashAlgorithmTags.SHA1).build();

        String text = releaseText();
        byte[] good = clearsign(text, "SHA512", by(ed));
        String goodS = str(good);
        byte[] release = bytes(text);
        String gpg = str(TestKeys.detach(release, by(ed)));
        String beginSig = "-----BEGIN PGP SIGNATURE-----";

        add(Case.inRelease("good ed25519", good, ed.binary()));
        add(Case.inRelease("no Hash header", clearsign(text, null, by(ed)), ed.binary())
                .except("gpgv", "gpgv takes a missing Hash: header to mean MD5 (RFC 4880 §7) and cannot check a SHA-512 "
                        + "signature (ERRSIG, no verdict on it); apt hands gpgv a detached signature and accepts, as sqv "
                        + "and debindex do — reported to the lead"));
        add(Case.inRelease("#1 changed byte", bytes(goodS.replace("Suite: stable", "Suite: stabke")), ed.binary()));
        add(Case.inRelease("#2 appended release", bytes(goodS + text), ed.binary())
                .why("unsigned lines after the signature (apt's split refuses them too)"));
        add(Case.inRelease("#3 spaces in blank armor line + appended release",
                bytes(goodS.replaceFirst("Hash: SHA512\n\n", "Hash: SHA512\n   \n") + "Origin: Evil\n"), ed.binary())
                .why("unsigned lines after the signature, the CVE-2013-1051 form (apt's split refuses them too)"));
        add(Case.inRelease("#4 text before begin", bytes("Origin: Evil\n\n" + goodS), ed.binary())
                .why("unsigned text before BEGIN PGP SIGNED MESSAGE (apt's split refuses it too)"));
        add(Case.inRelease("#5 second signed message", bytes(goodS + goodS), ed.binary())
                .why("a second signed message after the first signature is unsigned lines to apt and debindex"));
        add(Case.inRelease("#6 garbage after BEGIN line",
                bytes(goodS.replaceFirst("-----BEGIN PGP SIGNED MESSAGE-----", "-----BEGIN PGP SIGNED MESSAGE----- Garbage")),
                ed.binary()).why("line 1 is not exactly BEGIN PGP SIGNED MESSAGE (apt's split refuses it too)"));
        add(Case.inRelease("#7 unescaped -Xyz line", bytes(goodS.replace("Label: Test\n", "Label: Test\n-Xyz: 1\n")), ed.binary())
                .why("an unescaped dash line in the message (apt's split refuses it too)"));
        add(Case.inRelease("#7 unescaped BEGIN SIGNED MESSAGE inside",
                bytes(goodS.replace("Label: Test\n", "Label: Test\n-----BEGIN PGP SIGNED MESSAGE-----\n")), ed.binary())
                .why("an unescaped dash line in the message (apt's split refuses it too)"));
        add(Case.inRelease("#8 dash-escaped line", bytes(goodS.replace("\nOrigin: Test\n", "\n- Origin: Test\n")), ed.binary()));
        add(Case.inRelease("#9 armor header -Hash", bytes(goodS.replace("Hash: SHA512", "-Hash: SHA512")), ed.binary())
                .why("an armor header starting with a dash (apt's split refuses it too)"));
        add(Case.inRelease("#10 extra armor header", bytes(goodS.replace("Hash: SHA512", "Hello: text\nHash: SHA512")), ed.binary())
                .why("only Hash: armor headers are allowed (trust-chain §3; apt never looks at them)"));
        add(Case.inRelease("#11 Hash: SHA1 with a SHA512 signature", clearsign(text, "SHA1", by(ed)), ed.binary())
                .why("the Hash: header must name the signature's digest (trust-chain §3, as GnuPG; apt never looks)"));
        add(Case.inRelease("#12 Hash: FOO", clearsign(text, "FOO", by(ed)), ed.binary())
                .why("the Hash: header must name a known digest (trust-chain §3, as GnuPG; apt never looks)"));
        add(Case.inRelease("#13 CRLF InRelease", bytes(goodS.replace("\n", "\r\n")), ed.binary()));
        add(Case.detached("#14 CRLF Release, 0x00 signature", bytes(text.replace("\n", "\r\n")),
                TestKeys.detach(release, by(ed)), ed.binary()));
        add(Case.detached("0x01 detached signature, CRLF Release", bytes(text.replace("\n", "\r\n")),
                TestKeys.detach(release, by(ed).type(PGPSignature.CANONICAL_TEXT_DOCUMENT)), ed.binary()));
        add(Case.inRelease("#15 trailing blanks", bytes(goodS.replace("Suite: stable\n", "Suite: stable \t \n")), ed.binary()));
        String twoParagraphs = text + "\nOrigin: Second\n";
        add(Case.inRelease("#16 blank line of spaces",
                bytes(str(clearsign(twoParagraphs, "SHA512", by(ed))).replace("\n\nOrigin: Second", "\n   \nOrigin: Second")),
                ed.binary()));
        add(Case.inRelease("#17 signature without END", bytes(goodS.replace("-----END PGP SIGNATURE-----\n", "")), ed.binary())
                .why("an unclosed signature block (apt's split refuses it too)"));
        add(Case.inRelease("#17 EOF inside the message", bytes(goodS.substring(0, goodS.indexOf(beginSig))), ed.binary())
                .why("no signature block at all (apt's split refuses it too)"));
        add(Case.inRelease("#18 SHA1 digest", clearsign(text, "SHA1", by(ed).digest(HashAlgorithmTags.SHA1)), ed.binary()));
        add(Case.inRelease("#18 MD5 digest", clearsign(text, "MD5", by(rsa).digest(HashAlgorithmTags.MD5)), rsa.binary()));
        add(Case.inRelease("#18 RIPEMD160 digest", clearsign(text, "RIPEMD160", by(rsa).digest(HashAlgorithmTags.RIPEMD160)),
                rsa.binary()));
        add(Case.inRelease("#19 SHA224 digest", clearsign(text, "SHA224", by(rsa).digest(HashAlgorithmTags.SHA224)), rsa.binary())
                .why("SHA-224 data signatures are invalid from 2026-02-01 under apt's Sequoia policy (trust-chain §4); "
                        + "gpgv and sqv 1.1 still accept them"));
        add(Case.inRelease("#20 rsa1024", clearsign(text, "SHA512", by(rsa1024)), rsa1024.binary())
                .why("RSA below 2048 bits is refused by apt >= 2.9 (gpgv --assert-pubkey-algo, which gpgv 2.2.40 lacks)"));
        add(Case.inRelease("#20 dsa1024", clearsign(text, "SHA256", by(dsa).digest(HashAlgorithmTags.SHA256)), dsa.binary())
                .why("DSA is refused by apt >= 2.9 (gpgv --assert-pubkey-algo, which gpgv 2.2.40 lacks)"));
        add(Case.inRelease("#21 SHA1 self-signature", clearsign(text, "SHA512", by(sha1Bound)), sha1Bound.binary())
                .why("SHA-1 binding signatures are invalid from 2026-02-01 under apt's Sequoia policy (trust-chain §4)"));
        add(Case.inRelease("#22 signed after expiry", clearsign(text, "SHA512", by(expiredLongAgo)), expiredLongAgo.binary()));
        add(Case.inRelease("#23 expired since signing", clearsign(text, "SHA512", by(expiredSinceSigning)),
                expiredSinceSigning.binary())
                .why("the key has expired now; debindex judges now as well as at signing time (trust-chain §3), as gpgv"));
        add(Case.inRelease("#24 expired signing subkey", clearsign(text, "SHA512", by(subExpired)), subExpired.binary()));
        add(Case.inRelease("signing subkey", clearsign(text, "SHA512", by(subkeyed)), subkeyed.binary()));
        add(Case.inRelease("subkey without back-signature", clearsign(text, "SHA512", by(noBack)), noBack.binary()));
        add(Case.inRelease("primary without signing flag", clearsign(text, "SHA512", by(certOnly)), certOnly.binary())
                .why("a key whose self-signature does not allow signing data cannot sign (RFC 9580 §5.2.3.29)"));
        add(Case.inRelease("#25 compromised after signing", clearsign(text, "SHA512", by(compromised)), compromised.binary()));
        add(Case.inRelease("#25 revoked without reason", clearsign(text, "SHA512", by(revokedNoReason)),
                revokedNoReason.binary()));
        add(Case.inRelease("#26 superseded after signing", clearsign(text, "SHA512", by(superseded)), superseded.binary())
                .why("a soft revocation after signing refuses by default (trust-chain §6 #26, configurable), as gpgv"));
        add(Case.inRelease("revoked signing subkey", clearsign(text, "SHA512", by(subRevoked)), subRevoked.binary()));
        add(Case.inRelease("#27 unknown key", good, other.binary()));
        add(Case.inRelease("#28 good + unknown key", clearsign(text, "SHA512", by(ed), by(other)), ed.binary()));
        add(Case.inRelease("#29 good + expired key", clearsign(text, "SHA512", by(ed), by(expiredLongAgo)),
                concat(ed.binary(), expiredLongAgo.binary())));
        String otherS = str(clearsign(text.replace("test archive", "other archive"), "SHA512", by(other)));
        add(Case.inRelease("#30 good + bad", bytes(goodS + otherS.substring(otherS.indexOf(beginSig))),
                concat(ed.binary(), other.binary()))
                .why("any bad signature fails the file (trust-chain §2E.11, as apt with gpgv; sqv needs only one good one)"));
        add(Case.inRelease("#31 key in keyring, not in Signed-By", good, concat(ed.binary(), other.binary()))
                .signedBy(other.fingerprint().hex()));
        byte[] bySubkey = clearsign(text, "SHA512", by(subkeyed));
        add(Case.inRelease("#32 Signed-By PRIMARY!, signed by its subkey", bySubkey, subkeyed.binary())
                .signedBy(subkeyed.fingerprint().hex() + "!"));
        add(Case.inRelease("#32 Signed-By PRIMARY, signed by its subkey", bySubkey, subkeyed.binary())
                .signedBy(subkeyed.fingerprint().hex()));
        add(Case.inRelease("#32 Signed-By SUBKEY!, signed by it", bySubkey, subkeyed.binary())
                .signedBy(subkeyed.signingFingerprint().hex() + "!")
                .except("sqv", "apt's sqv method compares Signed-By only with the primary fingerprints sqv prints, so a "
                        + "subkey fingerprint never matches; apt's gpgv method and sources.list(5) accept it, and so does "
                        + "debindex (trust-chain §2A.2) — reported to the lead"));
        add(Case.inRelease("#33 armored key in x.gpg", good, ed.binary()).keyFile(new KeyFile("x.gpg", ed.armored(), ed.armored()))
                .why("apt reads only binary keys from a .gpg file (KEYRING_UNUSABLE, then no key)"));
        add(Case.inRelease("#33 binary key in x.asc", good, ed.binary()).keyFile(new KeyFile("x.asc", ed.binary(), ed.binary()))
                .why("apt reads only armored keys from an .asc file (KEYRING_UNUSABLE, then no key)"));
        byte[] keybox = keybox(ed.binary());
        if (keybox != null) {
            add(Case.inRelease("#33 .kbx keybox", good, ed.binary()).keyFile(new KeyFile("x.kbx", keybox, keybox))
                    .why("apt does not read GnuPG keybox files (KEYRING_UNUSABLE, then no key)"));
        } else {
            NOT_RUN.add("#33 .kbx keybox (needs gpg, Debian package gpg, to make one)");
        }
        add(Case.inRelease("#34 empty InRelease", new byte[0], ed.binary()));
        add(Case.inRelease("#34 captive-portal HTML as InRelease", bytes("<html><body>Please log in</body></html>\n"), ed.binary()));
        add(Case.detached("#34 empty Release.gpg", release, new byte[0], ed.binary()));
        add(Case.detached("#34 HTML as Release.gpg", release, bytes("<html></html>\n"), ed.binary()));
        add(Case.detached("#35 binary Release.gpg", release, TestKeys.detachBinary(release, by(ed)), ed.binary())
                .why("binary (unarmored) Release.gpg is refused, as by apt >= 1.8 before it calls gpgv or sqv"));
        add(Case.detached("#36 text before the block", release, bytes("Origin: Evil\n" + gpg), ed.binary())
                .why("payload around the armored blocks of Release.gpg, refused as by apt before it calls gpgv or sqv"));
        add(Case.detached("#36 text between blocks", release, bytes(gpg + gpg.replace(beginSig, "junk\n" + beginSig)), ed.binary())
                .why("payload around the armored blocks of Release.gpg, refused as by apt before it calls gpgv or sqv"));
        add(Case.detached("#36 text after the block", release, bytes(gpg + "junk\n"), ed.binary())
                .why("payload around the armored blocks of Release.gpg, refused as by apt before it calls gpgv or sqv"));
        add(Case.detached("#36 two armored blocks, both good", release, bytes(gpg + str(TestKeys.detach(release, by(other)))),
                concat(ed.binary(), other.binary())));
        String v6Reason = "gpgv 2.2 and sqv 1.1 cannot read RFC 9580 version 6 keys: no verdict on the signature";
        add(Case.inRelease("version 6 ed25519 key", clearsign(text, "SHA512", by(v6)), v6.binary())
                .except("gpgv", v6Reason).except("sqv", v6Reason));
        add(Case.inRelease("rsa3072 + version 6 key", clearsign(text, "SHA512", by(rsa), by(v6)), concat(rsa.binary(), v6.binary()))
                .except("gpgv", v6Reason).except("sqv", v6Reason));
        add(Case.inRelease("unknown critical subpacket", clearsign(text, "SHA512", by(ed).unknownCritical()), ed.binary()));
        add(Case.inRelease("signature one day in the future",
                clearsign(text, "SHA512", by(ed).created(Instant.now().plus(Duration.ofDays(1)))), ed.binary())
                .why("a signature made more than 5 minutes in the future is not yet valid (trust-chain §3, as sqv)"));
        add(Case.inRelease("signature older than its key", clearsign(text, "SHA512", by(ed).created(KEY_CREATED.minusSeconds(86400))),
                ed.binary()).why("a signature made before its key existed is not valid (trust-chain §3, as sqv)"));
        add(Case.inRelease("expired signature", clearsign(text, "SHA512", by(ed).expiresAfter(Duration.ofHours(1))), ed.binary()));
        add(Case.inRelease("issuer only in unhashed area", clearsign(text, "SHA512", by(ed).onlyUnhashedKeyId()), ed.binary()));
        add(Case.inRelease("0x00 signature in InRelease", clearsign(text, "SHA512", by(ed).type(PGPSignature.BINARY_DOCUMENT)),
                ed.binary()).why("an InRelease signature must be a canonical-text (0x01) signature (trust-chain §5)"));
        StringBuilder big = new StringBuilder(text).append("Description-Long:\n");
        while (big.length() <= ReleaseSignatures.MAX_RELEASE_SIZE) {
            big.append(" ").append("x".repeat(998)).append('\n');
        }
        add(Case.inRelease("InRelease over 10,000,000 bytes", clearsign(big.toString(), "SHA512", by(ed)), ed.binary())
                .why("apt refuses an (In)Release over Acquire::MaxReleaseFileSize, 10,000,000 bytes (trust-chain §2B.4)"));
        add(Case.inRelease("#58 uppercase digests", clearsign(text.replace("0123456789abcdef", "0123456789ABCDEF"), "SHA512", by(ed)),
                ed.binary()));
        add(Case.detached("detached good", release, TestKeys.detach(release, by(ed)), ed.binary()));
    }

    private static void realCases() throws Exception {
        Path data = SharedTestData.root();
        if (!Files.isDirectory(data.resolve("debian/dists"))) {
            NOT_RUN.add("real files (no shared test data at " + data + ")");
            return;
        }
        Path keys = data.resolve("keyrings");
        KeyFile archive = KeyFile.of(Files.readAllBytes(keys.resolve("debian-archive-keyring.gpg")));
        KeyFile removed = KeyFile.of(Files.readAllBytes(keys.resolve("debian-archive-removed-keys.gpg")));
        KeyFile trixieStable = KeyFile.of(Files.readAllBytes(keys.resolve("debian-archive-trixie-stable.gpg")));
        KeyFile trixieAutomatic = KeyFile.of(Files.readAllBytes(keys.resolve("debian-archive-trixie-automatic.gpg")));
        byte[] bookwormAsc = Files.readAllBytes(keys.resolve("debian-archive-bookworm-automatic.asc"));
        KeyFile bookwormAutomatic = new KeyFile("debian-archive-bookworm-automatic.asc", bookwormAsc, dearmorAsApt(bookwormAsc));
        String stale = "the signatures are over an older Release (what the mirror served)";
        for (String suite : List.of("trixie", "bookworm")) {
            Path dists = data.resolve("debian/dists/" + suite);
            byte[] in = Files.readAllBytes(dists.resolve("InRelease"));
            byte[] rel = Files.readAllBytes(dists.resolve("Release"));
            byte[] gpg = Files.readAllBytes(dists.resolve("Release.gpg"));
            Map<String, KeyFile> keyrings = new LinkedHashMap<>();
            keyrings.put("debian-archive-keyring.gpg", archive);
            if (suite.equals("trixie")) {
                keyrings.put("trixie-stable.gpg only", trixieStable);
            } else {
                keyrings.put("trixie-automatic.gpg only", trixieAutomatic);
                keyrings.put("bookworm-automatic.asc only", bookwormAutomatic);
            }
            keyrings.put("removed-keys.gpg", removed);
            for (Map.Entry<String, KeyFile> k : keyrings.entrySet()) {
                add(new Case("real " + suite + " InRelease, " + k.getKey(), in, null, null, k.getValue(), null, null, Map.of()));
                add(new Case("real " + suite + " Release+Release.gpg, " + k.getKey(), null, rel, gpg, k.getValue(), null,
                        suite.equals("trixie") ? stale : null, Map.of()));
            }
        }
    }

    private static void add(Case c) {
        CASES.add(c);
    }

    // ---------------------------------------------------------------- debindex

    private static Verdict debindex(Case c, Path dir, Instant now) throws Exception {
        Path keyringFile = Files.write(dir.resolve("debindex-" + c.keyring().name()), c.keyring().data());
        Keyring keyring;
        try {
            keyring = Keyring.load(keyringFile);
            if (c.signedBy() != null) {
                keyring = Keyring.fromSignedBy(c.signedBy(), keyring);
            }
        } catch (VerificationException e) {
            return new Verdict(true, false, e.code().toString());
        }
        ReleaseVerification r = c.inRelease() != null
                ? ReleaseSignatures.verifyInRelease(c.inRelease(), "InRelease", keyring, now)
                : ReleaseSignatures.verifyDetached(c.release(), c.releaseGpg(), "Release.gpg", keyring, now);
        return r.isAccepted() ? new Verdict(true, true, "") : new Verdict(true, false, r.failure().orElseThrow().toString());
    }

    // ---------------------------------------------------------------- gpgv, read as apt's gpgv method reads it

    /** One signature as gpgv's status lines describe it. */
    private static final class GpgvSignature {
        String goodKeyId;
        String validFingerprint;
        String primaryFingerprint;
        int digest;
        String problem;
    }

    private static Verdict gpgv(Case c, Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("gnupg"));
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path keyring = Files.write(dir.resolve("gpgv-" + c.keyring().name()), c.keyring().forGpgv());
        List<String> cmd = new ArrayList<>(List.of(GPGV.toString(), "--homedir", home.toString(), "--status-fd", "1",
                "--keyring", keyring.toString()));
        if (c.inRelease() != null) {
            cmd.add(Files.write(dir.resolve("InRelease"), c.inRelease()).toString());
        } else {
            cmd.add(Files.write(dir.resolve("Release.gpg"), c.releaseGpg()).toString());
            cmd.add(Files.write(dir.resolve("Release"), c.release()).toString());
        }
        String status = run(cmd, false);
        List<GpgvSignature> sigs = new ArrayList<>();
        GpgvSignature current = null;
        boolean bad = false;
        boolean nodata = false;
        List<String> problems = new ArrayList<>();
        for (String line : status.split("\n")) {
            String[] f = line.split(" ");
            if (f.length < 2 || !f[0].equals("[GNUPG:]")) {
                continue;
            }
            if (f[1].equals("NEWSIG") || current == null && List.of("GOODSIG", "BADSIG", "VALIDSIG", "EXPKEYSIG",
                    "EXPSIG", "REVKEYSIG", "ERRSIG", "NO_PUBKEY").contains(f[1])) {
                current = new GpgvSignature();
                sigs.add(current);
                if (f[1].equals("NEWSIG")) {
                    continue;
                }
            }
            switch (f[1]) {
                case "GOODSIG" -> current.goodKeyId = f[2];
                case "BADSIG" -> {
                    bad = true;
                    problems.add("BADSIG");
                }
                case "EXPKEYSIG", "EXPSIG", "REVKEYSIG", "NO_PUBKEY" -> problems.add(f[1]);
                case "ERRSIG" -> problems.add("ERRSIG");
                case "NODATA" -> nodata = true;
                case "VALIDSIG" -> {
                    current.validFingerprint = f[2];
                    current.digest = Integer.parseInt(f[9]);
                    current.primaryFingerprint = f.length > 11 ? f[11] : f[2];
                }
                default -> { }
            }
        }
        int good = 0;
        for (GpgvSignature s : sigs) {
            if (s.goodKeyId == null || s.validFingerprint == null) {
                continue;
            }
            if (s.digest == 1 || s.digest == 2 || s.digest == 3) {
                problems.add("weak digest " + (s.digest == 1 ? "MD5" : s.digest == 2 ? "SHA1" : "RIPEMD160") + " (apt's rule)");
                continue;
            }
            if (c.signedBy() != null && !allowedByApt(c.signedBy(), s)) {
                problems.add("signer not in Signed-By (apt's rule)");
                continue;
            }
            good++;
        }
        if (!bad && good > 0) {
            return new Verdict(true, true, "");
        }
        if (problems.isEmpty()) {
            problems.add(nodata ? "NODATA" : "no signature found");
        }
        return new Verdict(true, false, String.join(", ", problems.stream().distinct().toList()));
    }

    /** apt's gpgv method: {@code FPR} allows that key or a subkey of it, {@code FPR!} only that key. */
    private static boolean allowedByApt(String signedBy, GpgvSignature s) {
        for (String entry : signedBy.split("[,\\s]+")) {
            boolean exact = entry.endsWith("!");
            String fpr = exact ? entry.substring(0, entry.length() - 1) : entry;
            if (fpr.equalsIgnoreCase(s.validFingerprint) || !exact && fpr.equalsIgnoreCase(s.primaryFingerprint)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- sqv, handed files as apt's sqv method does

    private static Verdict sqv(Case c, Path dir) throws Exception {
        Path keyring = Files.write(dir.resolve("sqv-" + c.keyring().name()), c.keyring().data());
        Path sig;
        Path data;
        if (c.inRelease() != null) {
            byte[][] split = splitAsApt(c.inRelease());
            if (split == null) {
                return Verdict.none("apt's split refuses; sqv not run");
            }
            data = Files.write(dir.resolve("sqv-Release"), split[0]);
            sig = Files.write(dir.resolve("sqv-Release.gpg"), split[1]);
        } else {
            sig = Files.write(dir.resolve("sqv-Release.gpg"), c.releaseGpg());
            data = Files.write(dir.resolve("sqv-Release"), c.release());
        }
        Process p = new ProcessBuilder(SQV.toString(), "--keyring", keyring.toString(), sig.toString(), data.toString())
                .redirectError(dir.resolve("sqv-stderr").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("sqv did not finish");
        }
        if (p.exitValue() != 0) {
            return new Verdict(true, false, sqvReason(Files.readString(dir.resolve("sqv-stderr"), StandardCharsets.UTF_8)));
        }
        if (c.signedBy() != null) {
            List<String> allowed = List.of(c.signedBy().split(","));
            if (out.lines().noneMatch(allowed::contains)) {
                return new Verdict(true, false, "signer not in Signed-By (apt's rule)");
            }
        }
        return new Verdict(true, true, "");
    }

    /** The first line of sqv's complaint that says something, cut short. */
    private static String sqvReason(String stderr) {
        for (String line : stderr.split("\n")) {
            String s = line.strip();
            if (s.isEmpty() || s.equals("Verifying signature:") || s.matches("\\d+ of \\d+ signatures are valid.*")) {
                continue;
            }
            s = s.replaceAll("[0-9A-F]{40}", "KEY").replaceAll("/[^\\s\"]*/", "");
            return s.length() > 60 ? s.substring(0, 57) + "..." : s;
        }
        return "exit status non-zero";
    }

    /**
     * apt's {@code SplitClearSignedFile} (apt-pkg/contrib/gpgv.cc, apt 2.x and 3.x): the signed text
     * joined with {@code \n} without a final newline, and the signature blocks; null where apt refuses.
     */
    static byte[][] splitAsApt(byte[] file) {
        List<String> lines = new ArrayList<>();
        String all = new String(file, StandardCharsets.ISO_8859_1);
        int start = 0;
        while (start < all.length()) {
            int nl = all.indexOf('\n', start);
            String line = nl < 0 ? all.substring(start) : all.substring(start, nl);
            start = nl < 0 ? all.length() : nl + 1;
            lines.add(line.replaceAll("[\r\n]+$", "").replaceAll("[ \t]+$", ""));
        }
        int i = 0;
        if (lines.isEmpty() || !lines.get(i++).equals("-----BEGIN PGP SIGNED MESSAGE-----")) {
            return null;
        }
        while (true) {
            if (i >= lines.size()) {
                return null;
            }
            String header = lines.get(i++);
            if (header.isEmpty()) {
                break;
            }
            if (header.startsWith("-")) {
                return null;
            }
        }
        StringBuilder text = new StringBuilder();
        boolean first = true;
        while (true) {
            if (i >= lines.size()) {
                return null;
            }
            String line = lines.get(i++);
            if (line.startsWith("-")) {
                if (line.equals("-----BEGIN PGP SIGNATURE-----")) {
                    break;
                } else if (line.startsWith("- ")) {
                    line = line.substring(2);
                } else {
                    return null;
                }
            }
            if (!first) {
                text.append('\n');
            }
            text.append(line);
            first = false;
        }
        StringBuilder signature = new StringBuilder("-----BEGIN PGP SIGNATURE-----\n");
        boolean open = true;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (open) {
                if (line.equals("-----END PGP SIGNATURE-----")) {
                    open = false;
                } else if (line.startsWith("-")) {
                    return null;
                }
            } else if (line.equals("-----BEGIN PGP SIGNATURE-----")) {
                open = true;
            } else {
                return null;
            }
            signature.append(line).append('\n');
        }
        if (open) {
            return null;
        }
        return new byte[][] {text.toString().getBytes(StandardCharsets.ISO_8859_1),
            signature.toString().getBytes(StandardCharsets.ISO_8859_1)};
    }

    /** apt's de-armoring of an {@code .asc} keyring before it calls gpgv (apt-pkg/contrib/gpgv.cc). */
    static byte[] dearmorAsApt(byte[] asc) {
        StringBuilder base64 = new StringBuilder();
        int state = 0;
        for (String line : new String(asc, StandardCharsets.US_ASCII).split("\n")) {
            line = line.strip();
            if (line.startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
                state = 1;
            } else if (state == 1 && line.isEmpty()) {
                state = 2;
            } else if (state == 2 && !line.isEmpty() && line.charAt(0) != '=' && line.charAt(0) != '-') {
                base64.append(line);
            } else if (line.startsWith("-----END")) {
                state = 3;
            }
        }
        return Base64.getDecoder().decode(base64.toString());
    }

    /** A GnuPG keybox holding the key, made by gpg; null when gpg is not installed. */
    private static byte[] keybox(byte[] key) throws Exception {
        if (!Files.isExecutable(GPG)) {
            return null;
        }
        Path home = Files.createTempDirectory("oracle-kbx");
        try {
            Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Path in = Files.write(home.resolve("key.gpg"), key);
            run(List.of(GPG.toString(), "--homedir", home.toString(), "--batch", "--quiet", "--import", in.toString()), true);
            Path kbx = home.resolve("pubring.kbx");
            return Files.isRegularFile(kbx) ? Files.readAllBytes(kbx) : null;
        } finally {
            run(List.of("gpgconf", "--homedir", home.toString(), "--kill", "all"), true);
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String version(Path tool, String flag) {
        if (!Files.isExecutable(tool)) {
            return tool.getFileName() + " not installed";
        }
        try {
            return run(List.of(tool.toString(), flag), true).lines().findFirst().orElse(tool.toString()).strip();
        } catch (Exception e) {
            return tool.getFileName() + " (version unknown)";
        }
    }

    private static String run(List<String> cmd, boolean ignoreMissing) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            if (ignoreMissing) {
                return "";
            }
            throw e;
        }
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

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] x, byte[] y) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(x);
        out.writeBytes(y);
        return out.toByteArray();
    }
}
