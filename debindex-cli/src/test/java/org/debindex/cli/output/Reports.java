package org.debindex.cli.output;

import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.model.HashAlgorithm;
import org.debindex.core.openpgp.Fingerprint;
import org.debindex.core.openpgp.ReleaseVerification;
import org.debindex.core.openpgp.SignatureCheck;
import org.debindex.core.openpgp.SignatureStatus;
import org.debindex.core.trust.FileCheck;
import org.debindex.verify.trust.TrustReport;

/**
 * Trust reports built by hand, so that the output can be tested without an audit: every
 * signature status shape (known key, unknown key named by key id only, warnings), every file
 * outcome, every severity, and text that a hostile archive could put in a report.
 */
public final class Reports {

    public static final Instant AT = Instant.parse("2026-11-26T00:00:00Z");
    static final Instant SIGNED = Instant.parse("2026-11-21T10:00:07Z");

    public static final Fingerprint KEY_A = Fingerprint.parse("0123456789ABCDEF0123456789ABCDEF01234567");
    public static final Fingerprint KEY_B = Fingerprint.parse("89ABCDEF0123456789ABCDEF0123456789ABCDEF");
    public static final Fingerprint KEY_C = Fingerprint.parse("FEDCBA9876543210FEDCBA9876543210FEDCBA98");

    private Reports() {
    }

    static SignatureCheck good(Fingerprint key, String userId, String algorithm) {
        return new SignatureCheck(Optional.of(key), Optional.of(key), key.hex().substring(24), Optional.of(userId),
                Optional.of(algorithm), "SHA512", SIGNED, Optional.empty(), SignatureStatus.GOOD, "good signature",
                List.of());
    }

    /** Three good signatures on an InRelease, as Debian's trixie has. */
    public static TrustReport inReleaseOk() {
        List<SignatureCheck> signatures = List.of(
                good(KEY_A, "Example Archive Automatic Signing Key (13/trixie) <archive@mirror.example>", "rsa4096"),
                good(KEY_B, "Example Archive Automatic Signing Key (12/bookworm) <archive@mirror.example>", "rsa4096"),
                good(KEY_C, "Example Stable Release Key (13/trixie) <release@mirror.example>", "ed25519"));
        return new TrustReport("dists/trixie/InRelease", Optional.empty(), AT,
                Optional.of(accepted("dists/trixie/InRelease", signatures)), List.of(), Optional.empty(), List.of());
    }

    /** A stale Release.gpg: one bad signature, one from an unknown key, one from an expired key. */
    public static TrustReport detachedBad() {
        List<SignatureCheck> signatures = List.of(
                new SignatureCheck(Optional.of(KEY_A), Optional.of(KEY_A), "0123456789ABCDEF",
                        Optional.of("Example Archive Automatic Signing Key (13/trixie) <archive@mirror.example>"),
                        Optional.of("rsa4096"), "SHA256", Instant.parse("2026-09-12T08:40:06Z"), Optional.empty(),
                        SignatureStatus.BAD, "the signed data or the signature was changed", List.of()),
                new SignatureCheck(Optional.empty(), Optional.empty(), "A1B2C3D4E5F60718", Optional.empty(),
                        Optional.empty(), "SHA512", Instant.parse("2026-09-12T08:40:07Z"), Optional.empty(),
                        SignatureStatus.NO_KEY, "key A1B2C3D4E5F60718 is not in the keyring", List.of()),
                new SignatureCheck(Optional.of(KEY_C), Optional.of(KEY_B), "FEDCBA98FEDCBA98",
                        Optional.of("Old Release Key <old@mirror.example>"), Optional.of("rsa2048"), "SHA256",
                        Instant.parse("2026-09-12T08:40:08Z"), Optional.of(Instant.parse("2027-01-01T00:00:00Z")),
                        SignatureStatus.KEY_EXPIRED, "key expired on 2026-10-01T00:00:00Z; valid when signed",
                        List.of("rsa2048 is accepted until 2030-02-01")));
        String message = "dists/trixie/Release.gpg: bad signature from " + KEY_A.hex();
        return new TrustReport("dists/trixie/Release.gpg", Optional.empty(), AT,
                Optional.of(refused("dists/trixie/Release.gpg", FindingCode.SIG_BAD, message, signatures)), List.of(),
                Optional.empty(), List.of(Finding.error(FindingCode.SIG_BAD, "dists/trixie/Release.gpg", message)));
    }

    /** A tree whose Contents file does not match, with every file outcome and severity. */
    public static TrustReport treeFailed() {
        List<FileCheck> files = List.of(
                new FileCheck("main/binary-amd64/Packages.xz", FileCheck.Outcome.VERIFIED, 9437248,
                        List.of(HashAlgorithm.SHA256), List.of()),
                new FileCheck("main/source/Sources.xz", FileCheck.Outcome.VERIFIED, 11003564,
                        List.of(HashAlgorithm.SHA256, HashAlgorithm.SHA512), List.of()),
                new FileCheck("main/binary-all/Packages.xz", FileCheck.Outcome.ABSENT, 3141592,
                        List.of(HashAlgorithm.SHA256), List.of()),
                new FileCheck("main/Contents-amd64.gz", FileCheck.Outcome.FAILED, 48271828,
                        List.of(HashAlgorithm.SHA256), List.of()),
                new FileCheck("main/../../etc/passwd", FileCheck.Outcome.SKIPPED, 1, List.of(), List.of()),
                new FileCheck("main/binary-arm64/Packages.xz", FileCheck.Outcome.ABSENT, 9000000,
                        List.of(HashAlgorithm.SHA256), List.of()),
                new FileCheck("contrib/binary-amd64/Packages.xz", FileCheck.Outcome.ABSENT, 100000,
                        List.of(HashAlgorithm.SHA256), List.of()));
        List<Finding> findings = List.of(
                Finding.error(FindingCode.INDEX_SIZE_MISMATCH, "main/Contents-amd64.gz",
                        "size 48271830 differs from the 48271828 bytes the Release lists; mirror sync in progress?"),
                Finding.error(FindingCode.PATH_UNSAFE, "main/../../etc/passwd", "path leaves the repository (\"..\")"),
                Finding.warning(FindingCode.RELEASE_DIST_MISMATCH, "dists/trixie/InRelease",
                        "Codename \"forky\" differs from the suite asked for, \"trixie\""),
                Finding.note(FindingCode.INDEX_MISSING, "dists/trixie", "3 listed index files are absent from the tree"));
        List<SignatureCheck> signatures = List.of(
                good(KEY_A, "Example Archive Automatic Signing Key (13/trixie) <archive@mirror.example>", "rsa4096"));
        return new TrustReport("/srv/mirror/debian", Optional.of("trixie"), AT,
                Optional.of(accepted("/srv/mirror/debian/dists/trixie/InRelease", signatures)), files, Optional.empty(),
                findings);
    }

    /** A deep audit of a tree without its pool: {@code missing} DEB_MISSING errors and a warning. */
    public static TrustReport deepWithoutPool(int missing) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= missing; i++) {
            findings.add(Finding.error(FindingCode.DEB_MISSING, String.format("pool/main/p/pkg%02d/pkg%02d_1.0_amd64.deb", i, i),
                    "listed in main/binary-amd64/Packages.xz, absent from the tree"));
        }
        findings.add(Finding.warning(FindingCode.SIG_POLICY_SOON, "dists/bookworm/InRelease",
                "rsa2048 signatures are refused from 2030-02-01"));
        return new TrustReport("/srv/mirror/debian", Optional.of("bookworm"), AT,
                Optional.of(accepted("/srv/mirror/debian/dists/bookworm/InRelease",
                        List.of(good(KEY_B, "Example Archive Key <archive@mirror.example>", "rsa2048")))),
                List.of(new FileCheck("main/binary-amd64/Packages.xz", FileCheck.Outcome.VERIFIED, 123, List.of(HashAlgorithm.SHA256),
                        List.of())),
                Optional.of(new TrustReport.PoolSummary(missing, 0, missing, 0, 0)), findings);
    }

    /** Text a hostile archive could put in a report: terminal escapes, line breaks, quotes. */
    public static TrustReport hostile() {
        SignatureCheck signature = new SignatureCheck(Optional.of(KEY_A), Optional.of(KEY_A), "0123456789ABCDEF",
                Optional.of("Evil \"Key\" \u001b[2J<evil@mirror.example>\r\nOK: forged"), Optional.of("ed25519"), "SHA512",
                SIGNED, Optional.empty(), SignatureStatus.GOOD, "good signature", List.of("line one\nline two"));
        return new TrustReport("dists/x\u001b]0;title\u0007/InRelease", Optional.of("sid\\unstable"), AT,
                Optional.of(accepted("InRelease", List.of(signature))),
                List.of(new FileCheck("main/\u0085weird\tname", FileCheck.Outcome.FAILED, 7, List.of(HashAlgorithm.SHA512),
                        List.of())),
                Optional.empty(),
                List.of(Finding.error(FindingCode.INDEX_HASH_MISMATCH, "main/\u0085weird\tname",
                        "SHA512 differs\nFAILED: fake line \"\\\" \u2028end")));
    }

    /** An accepted verdict with these signatures, as the verifier would make it. */
    static ReleaseVerification accepted(String source, List<SignatureCheck> signatures) {
        return verification(source, "Origin: Example\n".getBytes(StandardCharsets.UTF_8), signatures, Optional.empty(),
                source + ": accepted: " + signatures.size() + " good signatures");
    }

    static ReleaseVerification refused(String source, FindingCode code, String message, List<SignatureCheck> signatures) {
        return verification(source, new byte[0], signatures, Optional.of(code), message);
    }

    /**
     * Only the verifier makes a {@link ReleaseVerification} (its constructor is package-private,
     * so that no unverified text passes for verified); the formatters need ones with chosen
     * signatures, hence the reflection, in tests only.
     */
    private static ReleaseVerification verification(String source, byte[] text, List<SignatureCheck> signatures,
                                                    Optional<FindingCode> failure, String message) {
        try {
            Constructor<ReleaseVerification> constructor = ReleaseVerification.class.getDeclaredConstructor(
                    String.class, byte[].class, List.class, Optional.class, String.class, List.class);
            constructor.setAccessible(true);
            return constructor.newInstance(source, text, signatures, failure, message, List.of());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("ReleaseVerification's constructor changed; update the test fixture", e);
        }
    }
}
