package org.debindex.verify.trust;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.MalformedInputException;
import org.debindex.core.cache.RepositoryState;
import org.debindex.core.compress.Compression;
import org.debindex.core.fetch.FetchException;
import org.debindex.core.fetch.FetchRequest;
import org.debindex.core.fetch.FetchResult;
import org.debindex.core.fetch.Fetcher;
import org.debindex.core.model.HashAlgorithm;
import org.debindex.core.model.IndexFileEntry;
import org.debindex.core.model.Release;
import org.debindex.core.openpgp.ClearsignedMessage;
import org.debindex.core.openpgp.Fingerprint;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.ReleaseVerification;
import org.debindex.core.VerificationException;
import org.debindex.core.trust.FileCheck;
import org.debindex.core.trust.IndexChain;
import org.debindex.core.trust.ReleaseHistory;

/**
 * Audits one configured repository suite where it is served ({@code http:}, {@code https:} or
 * {@code file:}): the Release files and the configured index files are downloaded, bounded, into
 * a scratch directory laid out as a mirror ({@code dists/SUITE/...}) and audited there by
 * {@link TreeAudit}, which verifies the signature, the Release and every downloaded index file;
 * then what only a served mirror shows: whether each index file's {@code by-hash} copy exists and
 * matches (when the Release says {@code Acquire-By-Hash: yes}), and what changed since the Release
 * the cache last accepted ({@link ReleaseHistory}: rollback, downgrade, changed Origin/Label/
 * Codename; {@link SigningKeyChange}: another set of signing keys); and the keyring itself
 * ({@link KeyringAudit}: keys that stop signing within 90 days, keys that cannot sign).
 *
 * <p>Every index file of the configured targets is fetched in every compression the Release
 * lists, so the mirror-consistency section says of each whether the mirror's copy matches. A
 * listed variant the mirror does not serve is {@link Copy#ABSENT} (Debian lists uncompressed
 * files it does not serve); a target none of whose variants is served is {@link
 * FindingCode#INDEX_MISSING}, an error for {@code Packages} and {@code Sources}, a warning for the
 * optional ones.
 *
 * <p>Nothing is written outside the scratch directory, which the caller owns and deletes.
 *
 * <p>Stateless and thread-safe.
 */
public final class SourceAudit {

    /** Largest Release, InRelease or Release.gpg downloaded. */
    static final long MAX_RELEASE_BYTES = 64L << 20;

    private SourceAudit() {
    }

    /**
     * One configured repository suite.
     *
     * @param repository   how reports name it, {@code BASE-URI SUITE} (the cache state's key)
     * @param base         the base URI, ending in {@code /}
     * @param suite        the suite or codename ({@code dists/SUITE})
     * @param targets      the index files wanted, without compression suffix, relative to
     *                     {@code dists/SUITE/}: {@code main/binary-amd64/Packages},
     *                     {@code main/i18n/Translation-en}, {@code main/source/Sources}, ...
     * @param required     those of {@code targets} that must be served ({@code Packages},
     *                     {@code Sources})
     */
    public record Target(String repository, URI base, String suite, List<String> targets, Set<String> required) {
        /** Validates and copies. @throws NullPointerException if a component is null */
        public Target {
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(suite, "suite");
            targets = List.copyOf(targets);
            required = Set.copyOf(required);
        }
    }

    /** What the mirror serves for one listed file, as the Release lists it. */
    public enum Copy {
        /** Served, and its size and strong digests match the Release. */
        MATCHES,
        /** Served, and it does not match the Release. */
        DIFFERS,
        /** Not served (404). */
        ABSENT,
        /** The transfer failed (the findings say how). */
        FAILED,
        /** Not asked for: the Release does not offer {@code by-hash}, or the plain copy was not checked. */
        NOT_CHECKED
    }

    /**
     * One index file of the configured targets, in one compression.
     *
     * @param path   as the Release lists it, e.g. {@code main/binary-amd64/Packages.xz}
     * @param size   its listed size
     * @param plain  the copy at its path
     * @param byHash the copy at {@code by-hash/SHA256/HASH} beside it
     */
    public record MirrorFile(String path, long size, Copy plain, Copy byHash) {
        /** @throws NullPointerException if a component is null */
        public MirrorFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(plain, "plain");
            Objects.requireNonNull(byHash, "byHash");
        }
    }

    /**
     * The audit of a source.
     *
     * @param target   what was audited
     * @param trust    the chain from keyring to index files (and pool files when deep), with
     *                 every finding of this audit
     * @param mirror   each listed variant of each configured index file, in Release order
     * @param previous the Release the cache accepted last, if any
     */
    public record Report(Target target, TrustReport trust, List<MirrorFile> mirror,
                         Optional<RepositoryState> previous) {
        /** @throws NullPointerException if a component is null */
        public Report {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(trust, "trust");
            mirror = List.copyOf(mirror);
            Objects.requireNonNull(previous, "previous");
        }
    }

    /**
     * Audits a source.
     *
     * @param target   the source
     * @param keyring  the keys it is trusted with (its Signed-By, else the host's)
     * @param fetcher  downloads ({@code http:}, {@code https:}, {@code file:})
     * @param scratch  an empty directory the audit may fill; the caller deletes it
     * @param previous the cache's state of this source, for rollback and key-change checks
     * @param options  time, depth, policies
     * @param pool     where pool files are read for a deep audit
     * @param progress receives pool-check progress
     * @throws IOException if a local file cannot be written or read (the scratch directory);
     *     failed downloads are findings
     * @throws NullPointerException if an argument is null
     */
    public static Report run(Target target, Keyring keyring, Fetcher fetcher, Path scratch,
                             Optional<RepositoryState> previous, AuditOptions options,
                             PoolFiles pool, AuditProgress progress) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(fetcher, "fetcher");
        Objects.requireNonNull(previous, "previous");
        String releaseDir = "dists/" + target.suite() + "/";
        Path local = scratch.resolve("dists").resolve(target.suite());
        Files.createDirectories(local);
        List<Finding> findings = new ArrayList<>();

        // the Release files as served: TreeAudit judges which one counts, as apt would
        Optional<byte[]> listing = Optional.empty();
        for (String name : List.of("InRelease", "Release", "Release.gpg")) {
            Copy copy = fetch(fetcher, target.base().resolve(releaseDir + name), local.resolve(name),
                    MAX_RELEASE_BYTES, Optional.empty(), releaseDir + name, findings);
            if (copy == Copy.MATCHES && listing.isEmpty() && !name.equals("Release.gpg")) {
                listing = Optional.of(Files.readAllBytes(local.resolve(name)));
            }
        }

        // the configured index files in every listed compression, bounded by their listed size
        Map<String, Copy> plain = new java.util.LinkedHashMap<>();
        Optional<Release> listed = listing.flatMap(bytes -> unverifiedRelease(bytes, releaseDir));
        if (listed.isPresent()) {
            for (String wanted : target.targets()) {
                boolean any = false;
                for (String path : variants(listed.get(), wanted)) {
                    IndexFileEntry entry = listed.get().files().get(path);
                    // one byte over the listed size is enough to tell that the copy is larger
                    Copy copy = fetch(fetcher, target.base().resolve(releaseDir + path),
                            local.resolve(path), entry.size() + 1, Optional.empty(), releaseDir + path, findings);
                    plain.put(path, copy);
                    // served, whether or not it matches: a mismatch has its own finding
                    any |= copy == Copy.MATCHES || copy == Copy.DIFFERS;
                }
                if (!any && plain.keySet().stream().noneMatch(p -> base(p).equals(wanted)
                        && plain.get(p) == Copy.FAILED)) {
                    boolean required = target.required().contains(wanted);
                    String message = variants(listed.get(), wanted).isEmpty()
                            ? "is not listed in the Release in any compression"
                            : "is listed in the Release but the mirror serves it in no compression";
                    findings.add(required ? Finding.error(FindingCode.INDEX_MISSING, releaseDir + wanted, message)
                            : Finding.warning(FindingCode.INDEX_MISSING, releaseDir + wanted, message));
                }
            }
        }

        TrustReport tree = TreeAudit.run(scratch, target.suite(), keyring, options, progress, pool);
        Optional<Release> verified = Optional.empty();
        if (tree.verification().filter(ReleaseVerification::isAccepted).isPresent()) {
            try {
                verified = Optional.of(tree.verification().get().release());
            } catch (MalformedInputException e) {
                // TreeAudit reported it as RELEASE_PARSE
            }
        }

        // what each fetched copy turned out to be, and its by-hash twin
        List<MirrorFile> mirror = new ArrayList<>();
        for (Map.Entry<String, Copy> e : plain.entrySet()) {
            String path = e.getKey();
            Copy copy = e.getValue();
            if (copy == Copy.MATCHES) {
                copy = tree.files().stream().filter(f -> f.path().equals(path)).findFirst()
                        .map(f -> f.isVerified() ? Copy.MATCHES : Copy.DIFFERS).orElse(Copy.NOT_CHECKED);
            }
            Copy byHash = Copy.NOT_CHECKED;
            if (verified.isPresent() && verified.get().acquireByHash()) {
                // a file the mirror serves in neither form is no by-hash fault: it is just not served
                boolean served = copy == Copy.MATCHES || copy == Copy.DIFFERS;
                byHash = byHash(fetcher, target, verified.get(), releaseDir, path, scratch,
                        served ? findings : new ArrayList<>());
            }
            mirror.add(new MirrorFile(path, listed.map(r -> r.files().get(path).size()).orElse(0L), copy, byHash));
        }

        // the first link: keys that expire soon, or cannot sign, in the keyring this source trusts
        Set<Fingerprint> signers = tree.verification().map(v -> Set.copyOf(v.goodSigners())).orElse(Set.of());
        findings.addAll(KeyringAudit.findings(keyring, options.at(), signers, options.signaturePolicy()));
        if (verified.isPresent()) {
            ReleaseVerification verification = tree.verification().get();
            String sha256 = sha256(verification.signedText());
            findings.addAll(ReleaseHistory.check(previous, verified.get(), sha256, true, releaseDir + "InRelease"));
            findings.addAll(SigningKeyChange.findings(previous, verification, keyring, releaseDir + "InRelease"));
        }
        List<Finding> all = new ArrayList<>(tree.findings());
        all.addAll(findings);
        TrustReport trust = new TrustReport(target.repository(), Optional.of(target.suite()), tree.at(),
                tree.verification(), tree.files(), tree.pool(), ReleaseAudit.ordered(all));
        return new Report(target, trust, mirror, previous);
    }

    /** The listed paths of a target: the path itself or with a compression suffix. */
    static List<String> variants(Release release, String target) {
        List<String> out = new ArrayList<>();
        for (String path : release.files().keySet()) {
            if (base(path).equals(target)) {
                out.add(path);
            }
        }
        return out;
    }

    /** A listed path without its compression suffix. */
    private static String base(String path) {
        for (Compression c : Compression.values()) {
            if (!c.fileSuffix().isEmpty() && path.endsWith(c.fileSuffix())) {
                return path.substring(0, path.length() - c.fileSuffix().length());
            }
        }
        return path;
    }

    /**
     * The Release text as listed, before any signature check: only to learn which paths to
     * download. Nothing is trusted from it; TreeAudit verifies the same bytes afterwards.
     */
    private static Optional<Release> unverifiedRelease(byte[] bytes, String releaseDir) {
        byte[] text;
        try {
            text = ClearsignedMessage.split(bytes, releaseDir + "InRelease").text();
        } catch (VerificationException e) {
            text = bytes; // a plain Release
        }
        try {
            return Optional.of(Release.parse(text, releaseDir + "Release"));
        } catch (MalformedInputException e) {
            return Optional.empty(); // TreeAudit reports it
        }
    }

    private static Copy byHash(Fetcher fetcher, Target target, Release release, String releaseDir, String path,
                               Path scratch, List<Finding> findings) throws IOException {
        IndexFileEntry entry = release.files().get(path);
        String sha256 = entry.digests().get(HashAlgorithm.SHA256);
        if (sha256 == null) {
            return Copy.NOT_CHECKED;
        }
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash + 1);
        String byHashPath = releaseDir + dir + "by-hash/SHA256/" + sha256;
        Path file = Files.createTempFile(scratch, "by-hash", ".part");
        try {
            Copy copy = fetch(fetcher, target.base().resolve(byHashPath), file, entry.size() + 1, Optional.empty(),
                    byHashPath, findings);
            if (copy == Copy.ABSENT) {
                findings.add(Finding.warning(FindingCode.INDEX_BYHASH_MISSING, byHashPath,
                        "the Release offers Acquire-By-Hash but the mirror lacks this copy of " + path
                                + ": apt falls back to the plain path, which can change while it downloads"));
                return copy;
            }
            if (copy != Copy.MATCHES) {
                return copy;
            }
            FileCheck check = IndexChain.checkAs(file, release, path);
            if (check.isVerified()) {
                return Copy.MATCHES;
            }
            for (Finding f : check.findings()) {
                findings.add(new Finding(f.severity(), f.code(), byHashPath, f.message()));
            }
            return Copy.DIFFERS;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Downloads one file. {@link Copy#MATCHES} here only means "fetched"; a failed transfer is a
     * finding on {@code target}.
     */
    private static Copy fetch(Fetcher fetcher, URI uri, Path destination, long maxBytes, Optional<Long> size,
                              String target, List<Finding> findings) throws IOException {
        Files.createDirectories(destination.getParent());
        try {
            FetchResult result = fetcher.fetch(new FetchRequest(uri, destination, maxBytes, size, Optional.empty()));
            return result.outcome() == FetchResult.Outcome.NOT_FOUND ? Copy.ABSENT : Copy.MATCHES;
        } catch (FetchException e) {
            findings.add(Finding.error(limitExceeded(e) ? FindingCode.INDEX_SIZE_MISMATCH : FindingCode.INDEX_MISSING,
                    target, e.getMessage()));
            return limitExceeded(e) ? Copy.DIFFERS : Copy.FAILED;
        }
    }

    private static boolean limitExceeded(FetchException e) {
        return e.kind() == FetchException.Kind.TOO_LARGE;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
