package org.debindex.verify.trust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.Finding;
import org.debindex.core.MalformedInputException;
import org.debindex.core.model.Release;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.ReleaseSignatures;
import org.debindex.core.openpgp.ReleaseVerification;
import org.debindex.core.trust.ReleaseChecks;

/**
 * Audits a signed Release given as files: the signature verdict and the Release's own checks
 * (dates, hashes listed), without index files.
 *
 * <p>Findings name the files by their file name ({@code InRelease}, {@code Release},
 * {@code Release.gpg}): a refused signature or a signature warning names the signed file (for a
 * detached signature, {@code Release.gpg}); the Release checks name the file the Release text came
 * from. The report's {@code source} is the path as given; it has no suite, no index files and no
 * pool summary. A file larger than {@link ReleaseSignatures#MAX_RELEASE_SIZE} is never read
 * whole: at most one byte more is read, and the verifier refuses it
 * ({@code LIMIT_EXCEEDED}), as apt's {@code Acquire::MaxReleaseFileSize} does.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReleaseAudit {

    private ReleaseAudit() {
    }

    /**
     * Audits an {@code InRelease} file.
     *
     * @param inRelease the clearsigned file
     * @param keyring   the trusted keys
     * @param options   the verification time and policies; {@code deep} and {@code parallelism}
     *                  do not apply
     * @return the report; a refused signature is an error finding, never an exception
     * @throws IOException if the file cannot be read at all (missing, no permission, a directory);
     *     anything readable, however malformed, gives a report instead
     * @throws NullPointerException if an argument is null
     */
    public static TrustReport inRelease(Path inRelease, Keyring keyring, AuditOptions options) throws IOException {
        Objects.requireNonNull(inRelease, "inRelease");
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(options, "options");
        String target = fileName(inRelease);
        ReleaseVerification verification = ReleaseSignatures.verifyInRelease(readBounded(inRelease), target, keyring,
                options.at(), options.signaturePolicy());
        List<Finding> findings = new ArrayList<>();
        verdict(verification, target, target, options, Optional.empty(), findings);
        return new TrustReport(inRelease.toString(), Optional.empty(), options.at(), Optional.of(verification),
                List.of(), Optional.empty(), ordered(findings));
    }

    /**
     * Audits a {@code Release} file with its detached {@code Release.gpg}.
     *
     * @param release    the Release file, as signed
     * @param releaseGpg its detached signature file
     * @param keyring    the trusted keys
     * @param options    the verification time and policies; {@code deep} and {@code parallelism}
     *                   do not apply
     * @return the report, whose {@code source} is {@code release} as given
     * @throws IOException if a file cannot be read at all (missing, no permission, a directory)
     * @throws NullPointerException if an argument is null
     */
    public static TrustReport detached(Path release, Path releaseGpg, Keyring keyring, AuditOptions options)
            throws IOException {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(releaseGpg, "releaseGpg");
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(options, "options");
        byte[] text = readBounded(release);
        byte[] signature = readBounded(releaseGpg);
        String signatureTarget = fileName(releaseGpg);
        ReleaseVerification verification = ReleaseSignatures.verifyDetached(text, signature, signatureTarget, keyring,
                options.at(), options.signaturePolicy());
        List<Finding> findings = new ArrayList<>();
        verdict(verification, signatureTarget, fileName(release), options, Optional.empty(), findings);
        return new TrustReport(release.toString(), Optional.empty(), options.at(), Optional.of(verification),
                List.of(), Optional.empty(), ordered(findings));
    }

    /**
     * Turns a signature verdict into findings and, when the signature is accepted, parses and
     * checks the Release.
     *
     * @param verification    the signature verdict
     * @param signatureTarget how findings name the signed file ({@code InRelease}, {@code Release.gpg})
     * @param releaseTarget   how findings name the file the Release text is in
     * @param expectedDist    the suite asked for, if any
     * @param findings        receives the findings
     * @return the Release, when the signature is accepted and the text parses; empty otherwise
     *     (then nothing the Release lists may be read)
     */
    static Optional<Release> verdict(ReleaseVerification verification, String signatureTarget, String releaseTarget,
                                     AuditOptions options, Optional<String> expectedDist, List<Finding> findings) {
        if (!verification.isAccepted()) {
            findings.add(Finding.error(verification.failure().orElseThrow(), signatureTarget,
                    withoutSource(verification.message(), verification.source())));
            return Optional.empty();
        }
        for (ReleaseVerification.Warning warning : verification.warnings()) {
            findings.add(Finding.warning(warning.code(), signatureTarget,
                    withoutSource(warning.message(), verification.source())));
        }
        Release release;
        try {
            release = releaseTarget.equals(verification.source())
                    ? verification.release()
                    : Release.parse(verification.signedText(), releaseTarget);
        } catch (MalformedInputException e) {
            findings.add(ReleaseChecks.parseError(releaseTarget, e));
            return Optional.empty();
        }
        findings.addAll(ReleaseChecks.check(release, releaseTarget, options.at(), expectedDist,
                options.releasePolicy()));
        return Optional.of(release);
    }

    /**
     * Reads a Release-sized file: at most {@link ReleaseSignatures#MAX_RELEASE_SIZE} + 1 bytes, so
     * that a huge file costs no memory and the verifier still sees that it is too large.
     *
     * @throws IOException if the file is missing, unreadable or a directory
     */
    static byte[] readBounded(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory; expected a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(ReleaseSignatures.MAX_RELEASE_SIZE + 1);
        }
    }

    /** A verifier's message without its leading {@code "<source>: "}: the finding's target names the file. */
    static String withoutSource(String message, String source) {
        String prefix = source + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** The findings as a report lists them: errors first, then warnings, then notes, each in the order met. */
    static List<Finding> ordered(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(Comparator.comparing(Finding::severity));
        return List.copyOf(out);
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
