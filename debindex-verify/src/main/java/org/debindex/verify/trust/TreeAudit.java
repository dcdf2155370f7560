package org.debindex.verify.trust;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.MalformedInputException;
import org.debindex.core.model.Release;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.ReleaseSignatures;
import org.debindex.core.openpgp.ReleaseVerification;
import org.debindex.core.trust.FileCheck;
import org.debindex.core.trust.IndexChain;
import org.debindex.core.trust.RelativePaths;

/**
 * Audits one suite of a local mirror tree ({@code ROOT/dists/SUITE/...}): the Release signature,
 * the Release's checks, every index file present against the Release, and for a deep audit every
 * pool file the verified Packages and Sources list.
 *
 * <p>The Release is taken as apt takes it (trust-chain.md §2B): {@code InRelease} when it exists,
 * else {@code Release} with {@code Release.gpg}; a {@code Release} without signature is
 * {@link FindingCode#RELEASE_UNSIGNED}, no Release at all {@link FindingCode#RELEASE_MISSING}. When
 * both forms exist, both are verified (trust-chain.md §3 "Consistency"): the verdict comes from
 * {@code InRelease}, and a warning says when apt clients that fall back to {@code Release.gpg}
 * would see something else — the detached pair refused (the code of its refusal, such as
 * {@link FindingCode#SIG_BAD}), or a validly signed {@code Release} whose text differs from the one
 * signed in {@code InRelease} ({@link FindingCode#RELEASE_ROLLBACK}, the code for a stale or
 * equivocating Release).
 *
 * <p>Fail-closed: index files are read only when the signature is accepted and the Release text
 * parses, and pool files only when the index listing them was verified against that Release.
 * Index files the Release lists but the tree lacks (a partial mirror) are only counted
 * ({@link TrustReport#count}); pool files a verified index lists but the tree lacks are errors
 * ({@link FindingCode#DEB_MISSING}).
 *
 * <p>Finding targets are paths relative to the mirror root, as an apt URI would name them:
 * {@code dists/SUITE/InRelease}, {@code dists/SUITE/main/binary-amd64/Packages.xz},
 * {@code pool/main/h/hello/hello_2.10-3_amd64.deb}; a problem with a stanza names the index file
 * and gives the line in the message. The {@link FileCheck}s in {@link TrustReport#files()} keep
 * the path as the Release lists it ({@code main/binary-amd64/Packages.xz}), their findings use the
 * root-relative target. The report's {@code source} is {@code root} as given.
 *
 * <p>An index or pool file that was verified is read again for the deep audit; a tree that changes
 * during the audit can therefore pass one check and fail another. Audit a mirror that is not being
 * synchronised.
 *
 * <p>Stateless and thread-safe.
 */
public final class TreeAudit {

    private TreeAudit() {
    }

    /**
     * Audits a suite.
     *
     * @param root     the mirror root (the directory holding {@code dists/} and {@code pool/})
     * @param suite    the suite or codename, as in {@code dists/SUITE}
     * @param keyring  the trusted keys
     * @param options  time, depth, parallelism, policies
     * @param progress receives pool-check progress (phase {@code "pool"}), from worker threads
     * @return the report
     * @throws IOException if {@code root} cannot be read at all (missing, not a directory, no
     *     permission), or a file present in the tree cannot be read; a missing Release is a finding
     * @throws IllegalArgumentException if {@code suite} is not a safe relative path (empty,
     *     absolute, with a {@code ..} segment, a backslash or a control character)
     * @throws NullPointerException if an argument is null
     */
    public static TrustReport run(Path root, String suite, Keyring keyring, AuditOptions options,
                                  AuditProgress progress) throws IOException {
        Objects.requireNonNull(root, "root");
        return run(root, suite, keyring, options, progress, PoolFiles.local(root));
    }

    /**
     * Audits a suite whose {@code dists/} part is under {@code root} while the pool files are read
     * from {@code pool}: for a mirror whose Release and indexes were downloaded into a temporary
     * tree, with the pool left on the server ({@link PoolFiles#remote}). The pool is read only for a
     * deep audit; the report's {@code source} is {@code root} as given, and finding targets are
     * root-relative paths as for a local tree.
     *
     * @param root     the directory holding {@code dists/SUITE/}
     * @param suite    the suite or codename, as in {@code dists/SUITE}
     * @param keyring  the trusted keys
     * @param options  time, depth, parallelism, sample, policies
     * @param progress receives pool-check progress (phase {@code "pool"}), from worker threads
     * @param pool     where the pool files listed by the verified indexes are read from
     * @return the report
     * @throws IOException as {@link #run(Path, String, Keyring, AuditOptions, AuditProgress)}; a pool
     *     file that cannot be downloaded is a finding ({@link FindingCode#DEB_FETCH_FAILED})
     * @throws IllegalArgumentException if {@code suite} is not a safe relative path
     * @throws NullPointerException if an argument is null
     */
    public static TrustReport run(Path root, String suite, Keyring keyring, AuditOptions options,
                                  AuditProgress progress, PoolFiles pool) throws IOException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        Optional<String> unsafe = RelativePaths.problem(suite);
        if (unsafe.isPresent()) {
            throw new IllegalArgumentException("suite " + MalformedInputException.quote(suite) + " " + unsafe.get());
        }
        requireReadableDirectory(root);

        String prefix = "dists/" + suite + "/";
        Path releaseDir = root.resolve("dists").resolve(suite);
        Path inRelease = releaseDir.resolve("InRelease");
        Path releaseFile = releaseDir.resolve("Release");
        Path releaseGpg = releaseDir.resolve("Release.gpg");
        boolean hasInRelease = Files.exists(inRelease);
        boolean hasRelease = Files.exists(releaseFile);
        boolean hasReleaseGpg = Files.exists(releaseGpg);
        Optional<String> expectedDist = Optional.of(suite);
        Instant at = options.at();

        List<Finding> findings = new ArrayList<>();
        Optional<ReleaseVerification> verification = Optional.empty();
        Optional<Release> release = Optional.empty();
        if (hasInRelease) {
            String target = prefix + "InRelease";
            ReleaseVerification v = ReleaseSignatures.verifyInRelease(ReleaseAudit.readBounded(inRelease), target,
                    keyring, at, options.signaturePolicy());
            verification = Optional.of(v);
            release = ReleaseAudit.verdict(v, target, target, options, expectedDist, findings);
            if (hasRelease && hasReleaseGpg) {
                consistency(v, releaseFile, releaseGpg, prefix, keyring, options).ifPresent(findings::add);
            }
        } else if (hasRelease && hasReleaseGpg) {
            ReleaseVerification v = ReleaseSignatures.verifyDetached(ReleaseAudit.readBounded(releaseFile),
                    ReleaseAudit.readBounded(releaseGpg), prefix + "Release.gpg", keyring, at,
                    options.signaturePolicy());
            verification = Optional.of(v);
            release = ReleaseAudit.verdict(v, prefix + "Release.gpg", prefix + "Release", options, expectedDist,
                    findings);
        } else if (hasRelease) {
            findings.add(Finding.error(FindingCode.RELEASE_UNSIGNED, prefix + "Release",
                    "has neither InRelease nor Release.gpg beside it: the Release is not signed, so nothing it"
                            + " lists can be trusted"));
        } else {
            findings.add(Finding.error(FindingCode.RELEASE_MISSING, "dists/" + suite,
                    "has neither InRelease nor Release" + (hasReleaseGpg ? " (only Release.gpg)" : "")
                            + "; nothing of this suite can be verified"));
        }

        List<FileCheck> files = new ArrayList<>();
        Optional<TrustReport.PoolSummary> summary = Optional.empty();
        if (release.isPresent()) {
            for (String path : release.get().files().keySet()) {
                FileCheck check = rooted(IndexChain.check(releaseDir, release.get(), path), prefix);
                files.add(check);
                if (check.outcome() != FileCheck.Outcome.ABSENT) {
                    findings.addAll(check.findings());
                }
            }
            if (options.deep()) {
                PoolAudit.Result deep = PoolAudit.run(root, pool, prefix, release.get(), files, options, progress);
                findings.addAll(deep.findings());
                summary = Optional.of(deep.summary());
            }
        }
        return new TrustReport(root.toString(), Optional.of(suite), at, verification, files, summary,
                ReleaseAudit.ordered(findings));
    }

    /**
     * Verifies {@code Release} + {@code Release.gpg} beside an {@code InRelease}: what an apt
     * client that falls back to them would see.
     *
     * @return a warning when the pair is refused or its text differs from the one signed in InRelease
     */
    private static Optional<Finding> consistency(ReleaseVerification inRelease, Path releaseFile, Path releaseGpg,
                                                 String prefix, Keyring keyring, AuditOptions options)
            throws IOException {
        byte[] text = ReleaseAudit.readBounded(releaseFile);
        ReleaseVerification detached = ReleaseSignatures.verifyDetached(text, ReleaseAudit.readBounded(releaseGpg),
                prefix + "Release.gpg", keyring, options.at(), options.signaturePolicy());
        boolean differs = inRelease.isAccepted() && !sameText(text, inRelease.signedText());
        if (!detached.isAccepted()) {
            return Optional.of(Finding.warning(detached.failure().orElseThrow(), prefix + "Release.gpg",
                    "apt clients that fall back to Release + Release.gpg would refuse this suite"
                            + (differs ? ", and Release differs from the text signed in InRelease" : "")
                            + ": " + ReleaseAudit.withoutSource(detached.message(), detached.source())));
        }
        if (differs) {
            return Optional.of(Finding.warning(FindingCode.RELEASE_ROLLBACK, prefix + "Release",
                    "differs from the text signed in InRelease although Release.gpg verifies it"
                            + dates(text, inRelease, prefix)
                            + ": apt clients that fall back to Release + Release.gpg would see another Release"));
        }
        return Optional.empty();
    }

    /** The two Dates, when both parse, for the message about differing Releases. */
    private static String dates(byte[] releaseText, ReleaseVerification inRelease, String prefix) {
        try {
            Optional<Instant> detached = Release.parse(releaseText, prefix + "Release").date();
            Optional<Instant> signed = inRelease.release().date();
            if (detached.isPresent() && signed.isPresent()) {
                return " (Release dated " + detached.get() + ", InRelease dated " + signed.get() + ")";
            }
        } catch (MalformedInputException e) {
            // the dates are only an aid to the reader; the difference is reported either way
        }
        return "";
    }

    /**
     * Whether a Release file holds the text an InRelease signed: byte for byte, or once trailing
     * whitespace and CRs are dropped from each line (which a cleartext signature does not cover,
     * RFC 9580 §7.2).
     */
    static boolean sameText(byte[] release, byte[] signedText) {
        return Arrays.equals(release, signedText) || Arrays.equals(canonicalLines(release), signedText);
    }

    /** Each line without trailing CR, space or TAB, ended by LF; a last line without LF counts. */
    private static byte[] canonicalLines(byte[] data) {
        byte[] out = new byte[data.length + 1];
        int n = 0;
        int start = 0;
        while (start < data.length) {
            int end = start;
            while (end < data.length && data[end] != '\n') {
                end++;
            }
            int stop = end;
            while (stop > start && (data[stop - 1] == '\r' || data[stop - 1] == ' ' || data[stop - 1] == '\t')) {
                stop--;
            }
            System.arraycopy(data, start, out, n, stop - start);
            n += stop - start;
            out[n++] = '\n';
            start = end + 1;
        }
        return Arrays.copyOf(out, n);
    }

    /** The check with its findings named relative to the mirror root. */
    private static FileCheck rooted(FileCheck check, String prefix) {
        if (check.findings().isEmpty()) {
            return check;
        }
        List<Finding> findings = new ArrayList<>(check.findings().size());
        for (Finding f : check.findings()) {
            findings.add(f.target().equals(check.path())
                    ? new Finding(f.severity(), f.code(), prefix + f.target(), f.message())
                    : f);
        }
        return new FileCheck(check.path(), check.outcome(), check.size(), check.algorithms(), findings);
    }

    private static void requireReadableDirectory(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            if (Files.exists(root)) {
                throw new NotDirectoryException(root.toString());
            }
            throw new NoSuchFileException(root.toString(), null, "mirror root does not exist");
        }
        if (!Files.isReadable(root) || !Files.isExecutable(root)) {
            throw new AccessDeniedException(root.toString(), null, "mirror root cannot be read");
        }
    }
}
