package org.debindex.core.update;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.MalformedInputException;
import org.debindex.core.Severity;
import org.debindex.core.VerificationException;
import org.debindex.core.cache.AtomicFiles;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.cache.RepositoryState;
import org.debindex.core.cache.StateStore;
import org.debindex.core.compress.Compression;
import org.debindex.core.compress.DecompressionException;
import org.debindex.core.fetch.AptListsFetcher;
import org.debindex.core.fetch.FetchException;
import org.debindex.core.fetch.FetchRequest;
import org.debindex.core.fetch.FetchResult;
import org.debindex.core.fetch.Fetcher;
import org.debindex.core.fetch.Validators;
import org.debindex.core.model.HashAlgorithm;
import org.debindex.core.model.IndexFileEntry;
import org.debindex.core.model.Release;
import org.debindex.core.openpgp.ClearsignedMessage;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.ReleaseSignatures;
import org.debindex.core.openpgp.ReleaseVerification;
import org.debindex.core.source.SourceEntry;
import org.debindex.core.source.SourceList;
import org.debindex.core.source.SourceOptions;
import org.debindex.core.source.SourceType;
import org.debindex.core.trust.Digests;
import org.debindex.core.trust.FileCheck;
import org.debindex.core.trust.IndexChain;
import org.debindex.core.trust.ReleaseCheckPolicy;
import org.debindex.core.trust.ReleaseChecks;
import org.debindex.core.trust.ReleaseHistory;

/**
 * Fetches and verifies repositories into the cache, fail-closed: the first half of
 * {@code debindex update} (design.md, "Data flow of debindex update").
 *
 * <p>For each repository suite (sources entries grouped by URI and suite; {@code deb} and
 * {@code deb-src} share a Release): fetch {@code InRelease}, falling back to {@code Release} +
 * {@code Release.gpg} only when it is not found (trust-chain.md §2B.3); verify the signature
 * with the entry's keyring; check the Release's own fields ({@link ReleaseChecks}) and its
 * history ({@link ReleaseHistory}: rollback, downgrade, changed information); then fetch each
 * wanted index file in the compression {@link #COMPRESSION_PREFERENCE} prefers among those
 * listed (by-hash first when the Release says {@code Acquire-By-Hash}), bounded by its listed
 * size, verify it in {@code partial/} ({@link IndexChain#checkAs}) and only then move it into
 * {@code lists/}.
 *
 * <p>All or nothing: a suite whose Release is refused keeps its previous lists and state; a
 * target that fails keeps its previous file; other suites and targets go on. The order of the
 * writes makes a {@code kill -9} at any instant harmless (see {@link SuiteManifest} for the
 * layout): verified files are moved in under content-addressed names that nothing else uses;
 * then the {@code state} file records the new Release (so a crash after it still refuses a
 * replay of the older one); then the manifest is replaced atomically, which is the one step
 * that makes the new files current; then files no manifest names are deleted.
 *
 * <p>{@link #fromAptLists} takes the same files from the lists apt has already downloaded
 * instead, through the same checks.
 *
 * <p>Instances are immutable and may be shared, but two runs on one cache must not overlap
 * (the caller serialises them, e.g. with a lock file).
 */
public final class Acquisition {

    /**
     * The order in which compressed variants are preferred when a Release lists several. Decoding
     * speed decides, since the index builder reads every byte: measured here, gzip decodes about
     * three times faster than xz for Packages (trixie's 56 MB: xz ~0.85 s, gzip ~0.25 s), so gzip
     * comes first, then xz (what every Debian mirror has), zstd and lz4 (fast but rarely
     * published), bzip2 (slow), and the uncompressed file last (largest to download). When the
     * preferred variant is listed but absent from the mirror (a partial mirror), the next one
     * listed is tried.
     */
    public static final List<Compression> COMPRESSION_PREFERENCE = List.of(
            Compression.GZIP, Compression.XZ, Compression.ZSTD, Compression.LZ4, Compression.BZIP2, Compression.NONE);

    /**
     * The order for apt's lists: the uncompressed file first, because apt names an index after
     * its uncompressed path and may keep it recompressed in a form the Release does not list (its
     * content is then checked against the uncompressed entry); a compressed variant is used only
     * when the Release lists no uncompressed entry and apt kept exactly that file.
     */
    private static final List<Compression> APT_LISTS_PREFERENCE = List.of(
            Compression.NONE, Compression.GZIP, Compression.XZ, Compression.ZSTD, Compression.LZ4, Compression.BZIP2);

    private final Fetcher fetcher;
    private final Optional<AptListsFetcher> aptLists;
    private final CacheLayout cache;
    private final AcquisitionOptions options;
    private final AcquisitionProgress progress;

    /**
     * An acquisition.
     *
     * @param fetcher  what downloads; must be thread-safe (downloads run in parallel)
     * @param cache    the cache to update
     * @param options  verification time, architectures, what to fetch, parallelism
     * @param progress receives progress
     * @throws NullPointerException if an argument is null
     */
    public Acquisition(Fetcher fetcher, CacheLayout cache, AcquisitionOptions options, AcquisitionProgress progress) {
        this(fetcher, Optional.empty(), cache, options, progress);
    }

    private Acquisition(Fetcher fetcher, Optional<AptListsFetcher> aptLists, CacheLayout cache,
                        AcquisitionOptions options, AcquisitionProgress progress) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.aptLists = aptLists;
        this.cache = Objects.requireNonNull(cache, "cache");
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * An acquisition that takes the files from the lists apt has already downloaded instead of
     * fetching them (issue 4): the same checks, the same cache, no network.
     *
     * <p>{@code InRelease} (or {@code Release} and {@code Release.gpg}) and the index files are
     * read from {@code directory} under apt's names ({@link AptListsFetcher}) and verified exactly
     * as downloads: the signature with the source's keyrings, the dates, the history against the
     * cache's state, and each index file against the Release, bounded by its listed size. An index
     * file apt keeps recompressed ({@code .lz4} on Ubuntu), which the Release does not list under
     * that name, is decompressed into {@code partial/} within the size the Release lists for the
     * uncompressed path and verified against that entry, then stored as that uncompressed file
     * (so the cache holds only bytes the Release vouches for, and the index builds from them as
     * from downloads); a compressed file is taken as it is only when the Release lists no
     * uncompressed entry and apt kept exactly a listed variant. A wanted file absent from the
     * directory fails its target (Packages, Sources) or skips it with a note (Translation,
     * Contents), naming the files looked for. There is no by-hash path: apt
     * names what it fetched by hash after the canonical path.
     *
     * @param directory apt's lists directory, such as {@link AptListsFetcher#DEFAULT_DIRECTORY}
     * @param cache     the cache to update
     * @param options   as for a download; its parallelism bounds the files read at once
     * @param progress  receives progress
     * @return the acquisition
     * @throws NullPointerException if an argument is null
     */
    public static Acquisition fromAptLists(Path directory, CacheLayout cache, AcquisitionOptions options,
                                           AcquisitionProgress progress) {
        AptListsFetcher lists = new AptListsFetcher(directory);
        return new Acquisition(lists, Optional.of(lists), cache, options, progress);
    }

    /** "fetching", or "reading" when the files come from apt's lists. */
    private String fetching() {
        return aptLists.isPresent() ? "reading" : "fetching";
    }

    /**
     * Updates every repository suite of {@code sources}.
     *
     * @param sources         the sources
     * @param trustedKeyrings the host's trusted keyrings, for entries without Signed-By
     * @return one report per suite, in the order the sources first name them
     * @throws MalformedInputException if the cache's {@code state} file is not valid (nothing is
     *     fetched: the history checks cannot be made without it)
     * @throws InterruptedIOException if the thread is interrupted; the cache stays consistent
     * @throws IOException if the cache cannot be written
     * @throws NullPointerException if an argument is null
     */
    public List<AcquisitionReport> run(SourceList sources, List<Path> trustedKeyrings)
            throws IOException, MalformedInputException {
        Objects.requireNonNull(sources, "sources");
        List<Path> keyrings = List.copyOf(trustedKeyrings);
        Instant at = options.at().orElseGet(Instant::now);
        Files.createDirectories(cache.lists());
        Files.createDirectories(cache.partial());
        Map<String, RepositoryState> state = new LinkedHashMap<>(StateStore.load(cache.stateFile()));
        Map<String, List<SourceEntry>> suites = new LinkedHashMap<>();
        for (SourceEntry entry : sources.entries()) {
            suites.computeIfAbsent(repositoryKey(entry.uri(), entry.suite()), k -> new ArrayList<>()).add(entry);
        }
        List<AcquisitionReport> reports = new ArrayList<>();
        for (Map.Entry<String, List<SourceEntry>> suite : suites.entrySet()) {
            reports.add(new SuiteRun(suite.getKey(), suite.getValue(), sources, keyrings, at, state).run());
        }
        return List.copyOf(reports);
    }

    /**
     * The state file's key of a repository suite: {@code BASE-URI SUITE}.
     *
     * @throws NullPointerException if an argument is null
     */
    public static String repositoryKey(URI base, String suite) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(suite, "suite");
        return base + " " + suite;
    }

    /**
     * The directory holding a suite's Release, relative to the base URI, ending in {@code /} (or
     * empty): {@code dists/SUITE/}, or the suite itself for a flat repository.
     */
    static String releaseDirectory(String suite) {
        if (suite.endsWith("/")) {
            return suite.equals("./") ? "" : suite;
        }
        return "dists/" + suite + "/";
    }

    /** A verified download waiting to move into lists/. */
    private record Verified(IndexTarget target, String listedPath, Path partial, long size, String sha256,
                            Optional<Long> uncompressedSize) {
    }

    /** One download attempt of a target: a URI and the listed path it stands for. */
    private record Attempt(String listedPath, URI uri) {
    }

    /** The update of one repository suite. */
    private final class SuiteRun {
        private final String repository;
        private final List<SourceEntry> entries;
        private final SourceList sources;
        private final List<Path> trustedKeyrings;
        private final Instant at;
        private final Map<String, RepositoryState> state;
        private final SourceEntry first;
        private final URI base;
        private final String suite;
        private final String releaseDir;
        private final boolean trusted;
        private final List<Finding> findings = new ArrayList<>();
        private final List<Path> partials = new ArrayList<>();
        private Optional<ReleaseVerification> verification = Optional.empty();
        private Optional<SuiteManifest> previous = Optional.empty();

        SuiteRun(String repository, List<SourceEntry> entries, SourceList sources, List<Path> trustedKeyrings,
                 Instant at, Map<String, RepositoryState> state) {
            this.repository = repository;
            this.entries = entries;
            this.sources = sources;
            this.trustedKeyrings = trustedKeyrings;
            this.at = at;
            this.state = state;
            this.first = entries.get(0);
            this.base = first.uri();
            this.suite = first.suite();
            this.releaseDir = releaseDirectory(suite);
            this.trusted = entries.stream().anyMatch(e -> e.options().trusted().orElse(false));
        }

        AcquisitionReport run() throws IOException {
            try {
                return update();
            } finally {
                for (Path p : partials) {
                    Files.deleteIfExists(p);
                }
            }
        }

        private AcquisitionReport update() throws IOException {
            Path manifestFile = cache.lists().resolve(SuiteManifest.fileName(base, suite));
            try {
                previous = SuiteManifest.read(manifestFile);
            } catch (MalformedInputException e) {
                findings.add(Finding.warning(FindingCode.INDEX_PARSE, manifestFile.getFileName().toString(),
                        "the cache's manifest is not valid and is ignored: " + e.getMessage()));
            }
            Optional<Keyring> keyring = keyring();
            if (keyring.isEmpty() && !trusted) {
                return failed();
            }
            progress.step(repository, fetching() + " " + releaseDir + "InRelease");
            Optional<ReleaseFiles> files = fetchRelease();
            if (files.isEmpty()) {
                return failed();
            }
            Optional<Accepted> accepted = accept(files.get(), keyring);
            if (accepted.isEmpty()) {
                return failed();
            }
            return acquireTargets(files.get(), accepted.get(), manifestFile);
        }

        private Optional<Keyring> keyring() throws IOException {
            try {
                return Optional.of(sources.keyring(first, trustedKeyrings));
            } catch (VerificationException e) {
                findings.add(new Finding(trusted ? Severity.WARNING : Severity.ERROR, e.code(), first.origin(),
                        e.getMessage()));
                return Optional.empty();
            }
        }

        /** The Release as fetched (or as held, when the server said it is unchanged). */
        private record ReleaseFiles(boolean inRelease, byte[] main, Optional<byte[]> signature, boolean notModified,
                                    Validators validators) {
        }

        /** A Release that passed every check. */
        private record Accepted(Release release, byte[] text, boolean signed, List<org.debindex.core.openpgp.Fingerprint> signers) {
        }

        private Optional<ReleaseFiles> fetchRelease() throws IOException {
            String inReleasePath = releaseDir + "InRelease";
            FetchRequest request = FetchRequest.of(uri(inReleasePath), partial(inReleasePath),
                    ReleaseSignatures.MAX_RELEASE_SIZE);
            Optional<byte[]> held = previous.filter(m -> m.signatureFile().isEmpty())
                    .flatMap(m -> readListed(m.releaseFile()));
            if (held.isPresent() && !previous.get().validators().isEmpty()) {
                request = request.withPrevious(previous.get().validators());
            }
            partials.add(request.destination());
            FetchResult result;
            try {
                result = fetcher.fetch(request);
            } catch (FetchException e) {
                findings.add(releaseFetchFailure(inReleasePath, e));
                return Optional.empty();
            }
            switch (result.outcome()) {
                case FETCHED:
                    return Optional.of(new ReleaseFiles(true, Files.readAllBytes(request.destination()), Optional.empty(),
                            false, result.validators()));
                case NOT_MODIFIED:
                    if (held.isEmpty()) {
                        findings.add(Finding.error(FindingCode.RELEASE_MISSING, inReleasePath,
                                "the server said it is not modified, but no copy is held"));
                        return Optional.empty();
                    }
                    return Optional.of(new ReleaseFiles(true, held.get(), Optional.empty(), true, result.validators()));
                default:
                    return fetchDetached();
            }
        }

        private Optional<ReleaseFiles> fetchDetached() throws IOException {
            String releasePath = releaseDir + "Release";
            String gpgPath = releaseDir + "Release.gpg";
            progress.step(repository, fetching() + " " + releasePath + " and Release.gpg (no InRelease)");
            Optional<byte[]> release = fetchWhole(releasePath);
            if (release == null) {
                return Optional.empty();
            }
            if (release.isEmpty()) {
                findings.add(Finding.error(FindingCode.RELEASE_MISSING, releaseDir + "InRelease",
                        "neither InRelease nor Release is " + where(List.of(uri(releaseDir + "InRelease"),
                                uri(releasePath)))));
                return Optional.empty();
            }
            Optional<byte[]> signature = fetchWhole(gpgPath);
            if (signature == null) {
                return Optional.empty();
            }
            return Optional.of(new ReleaseFiles(false, release.get(), signature, false, Validators.none()));
        }

        /** The file's bytes; empty when not found; null when the fetch failed (with a finding). */
        private Optional<byte[]> fetchWhole(String path) throws IOException {
            FetchRequest request = FetchRequest.of(uri(path), partial(path), ReleaseSignatures.MAX_RELEASE_SIZE);
            partials.add(request.destination());
            try {
                FetchResult result = fetcher.fetch(request);
                return result.isFetched() ? Optional.of(Files.readAllBytes(request.destination())) : Optional.empty();
            } catch (FetchException e) {
                findings.add(releaseFetchFailure(path, e));
                return null;
            }
        }

        private Finding releaseFetchFailure(String path, FetchException e) {
            FindingCode code = e.kind() == FetchException.Kind.TOO_LARGE ? FindingCode.LIMIT_EXCEEDED
                    : FindingCode.RELEASE_MISSING;
            return Finding.error(code, path, "could not be fetched (no fallback, as apt): " + e.getMessage());
        }

        private Optional<Accepted> accept(ReleaseFiles files, Optional<Keyring> keyring) {
            String target = releaseDir + (files.inRelease() ? "InRelease" : "Release.gpg");
            byte[] text;
            boolean signed;
            if (files.signature().isEmpty() && !files.inRelease()) {
                if (!trusted) {
                    findings.add(Finding.error(previouslySigned() ? FindingCode.RELEASE_DOWNGRADE
                            : FindingCode.RELEASE_UNSIGNED, releaseDir + "Release", "has no Release.gpg"
                            + (previouslySigned() ? " but the repository was signed when last accepted" : "")));
                    return Optional.empty();
                }
                text = files.main();
                signed = false;
            } else {
                Optional<ReleaseVerification> v = keyring.map(k -> files.inRelease()
                        ? ReleaseSignatures.verifyInRelease(files.main(), target, k, at)
                        : ReleaseSignatures.verifyDetached(files.main(), files.signature().get(), target, k, at));
                verification = v;
                v.ifPresent(ver -> ver.warnings().forEach(w ->
                        findings.add(Finding.warning(w.code(), target, w.message()))));
                if (v.isPresent() && v.get().isAccepted()) {
                    text = v.get().signedText();
                    signed = true;
                } else if (trusted) {
                    v.ifPresent(ver -> findings.add(Finding.warning(ver.failure().get(), target,
                            ver.message() + "; used anyway: the source says trusted=yes")));
                    text = files.inRelease() ? unsignedText(files.main(), target) : files.main();
                    signed = false;
                } else {
                    ReleaseVerification ver = v.get();
                    findings.add(Finding.error(ver.failure().get(), target, ver.message()));
                    return Optional.empty();
                }
            }
            Release release;
            try {
                release = Release.parse(text, target);
            } catch (MalformedInputException e) {
                findings.add(ReleaseChecks.parseError(target, e));
                return Optional.empty();
            }
            SourceOptions opts = first.options();
            ReleaseCheckPolicy policy = new ReleaseCheckPolicy(
                    opts.dateMaxFuture().orElse(ReleaseCheckPolicy.standard().maxFutureDate()),
                    opts.checkDate().orElse(true), false);
            boolean checkValidUntil = opts.checkValidUntil().orElse(true);
            List<Finding> checks = new ArrayList<>();
            for (Finding f : ReleaseChecks.check(release, target, at, Optional.of(suite), policy)) {
                checks.add(!checkValidUntil && f.code() == FindingCode.RELEASE_EXPIRED
                        ? Finding.note(f.code(), f.target(), f.message() + "; ignored: check-valid-until=no") : f);
            }
            String textSha256 = sha256(text);
            for (Finding f : ReleaseHistory.check(Optional.ofNullable(state.get(repository)), release, textSha256,
                    signed, target)) {
                if (f.code() == FindingCode.RELEASE_UNSIGNED && trusted) {
                    checks.add(Finding.warning(f.code(), f.target(), f.message() + "; used anyway: trusted=yes"));
                } else if (f.code() == FindingCode.RELEASE_INFO_CHANGED && options.acceptReleaseInfoChange()) {
                    checks.add(Finding.warning(f.code(), f.target(), f.message() + "; accepted as asked"));
                } else {
                    checks.add(f);
                }
            }
            findings.addAll(checks);
            if (checks.stream().anyMatch(Finding::isError)) {
                return Optional.empty();
            }
            List<org.debindex.core.openpgp.Fingerprint> signers = verification.filter(x -> signed)
                    .map(ReleaseVerification::goodSigners).orElse(List.of());
            return Optional.of(new Accepted(release, text, signed, signers));
        }

        private boolean previouslySigned() {
            return Optional.ofNullable(state.get(repository)).filter(RepositoryState::signed).isPresent();
        }

        /** The text of an InRelease used without a good signature (trusted=yes). */
        private byte[] unsignedText(byte[] file, String target) {
            try {
                return ClearsignedMessage.split(file, target).text();
            } catch (VerificationException e) {
                return file; // not clearsigned at all: a plain Release served as InRelease
            }
        }

        private AcquisitionReport acquireTargets(ReleaseFiles files, Accepted accepted, Path manifestFile)
                throws IOException {
            Release release = accepted.release();
            List<TargetReport> reports = new ArrayList<>();
            Map<IndexTarget, SuiteManifest.Entry> same = new LinkedHashMap<>();
            Map<IndexTarget, SuiteManifest.Entry> kept = new LinkedHashMap<>();
            Map<IndexTarget, SuiteManifest.Entry> held = new HashMap<>();
            previous.ifPresent(m -> m.entries().forEach(e -> held.put(e.target(), e)));
            List<IndexTarget> toFetch = new ArrayList<>();
            Map<IndexTarget, List<Attempt>> attempts = new LinkedHashMap<>();
            List<IndexTarget> wanted = targets(release, reports);
            // the same Release as last time: what the mirror lacked then, it lacks now
            List<String> absentBefore = previous.filter(m -> m.releaseFile().equals(releaseName(files)))
                    .map(SuiteManifest::absent).orElse(List.of());
            for (IndexTarget target : wanted) {
                List<String> variants = variants(release, target.path());
                if (variants.isEmpty()) {
                    reports.add(notListed(target, release));
                    continue;
                }
                if (!target.required() && absentBefore.contains(target.path())) {
                    Finding note = Finding.note(FindingCode.INDEX_MISSING, releaseDir + target.path(),
                            "was not on the server when this Release was fetched; optional, not asked for again"
                                    + " until the Release changes");
                    findings.add(note);
                    reports.add(new TargetReport(target, TargetReport.Outcome.SKIPPED, Optional.empty(), List.of(note)));
                    continue;
                }
                Optional<SuiteManifest.Entry> unchanged = unchanged(held.get(target), release, variants);
                if (unchanged.isPresent()) {
                    same.put(target, unchanged.get());
                    reports.add(new TargetReport(target, TargetReport.Outcome.UNCHANGED,
                            Optional.of(unchanged.get().listedPath()), List.of()));
                    continue;
                }
                toFetch.add(target);
                attempts.put(target, attempts(release, variants));
            }
            long listedBytes = 0;
            for (IndexTarget t : toFetch) {
                listedBytes += release.file(attempts.get(t).get(0).listedPath()).map(IndexFileEntry::size).orElse(0L);
            }
            progress.step(repository, fetching() + " " + toFetch.size() + " index files, "
                    + String.format(java.util.Locale.ROOT, "%.1f MB", listedBytes / 1e6));
            Map<IndexTarget, Verified> verified = new LinkedHashMap<>();
            Map<IndexTarget, TargetReport> fetchedReports = fetchTargets(release, attempts, verified);
            for (IndexTarget target : toFetch) {
                TargetReport report = fetchedReports.get(target);
                reports.add(report);
                findings.addAll(report.findings());
                if (report.outcome() == TargetReport.Outcome.FAILED && held.containsKey(target)) {
                    kept.put(target, held.get(target)); // the previous verified copy stays usable
                }
            }
            reports.sort(java.util.Comparator.comparingInt(r -> wanted.indexOf(r.target())));
            return commit(files, accepted, reports, same, kept, verified, manifestFile);
        }

        private AcquisitionReport commit(ReleaseFiles files, Accepted accepted, List<TargetReport> reports,
                                         Map<IndexTarget, SuiteManifest.Entry> same,
                                         Map<IndexTarget, SuiteManifest.Entry> kept,
                                         Map<IndexTarget, Verified> verified, Path manifestFile) throws IOException {
            Release release = accepted.release();
            String mainName = releaseName(files);
            Optional<String> sigName = files.signature().map(s -> listName(releaseDir + "Release.gpg", sha256(s)));
            // 1. content-addressed files: new names only, never a file a manifest already names
            writeListed(mainName, files.main());
            if (sigName.isPresent()) {
                writeListed(sigName.get(), files.signature().get());
            }
            List<SuiteManifest.Entry> entries = new ArrayList<>();
            for (Map.Entry<IndexTarget, Verified> e : verified.entrySet()) {
                Verified v = e.getValue();
                String name = listName(releaseDir + v.listedPath(), v.sha256());
                Path target = cache.lists().resolve(name);
                if (!Files.exists(target)) {
                    AtomicFiles.moveIntoPlace(v.partial(), target);
                }
                entries.add(new SuiteManifest.Entry(v.target(), v.listedPath(), name, v.size(), v.sha256(),
                        v.uncompressedSize(), mainName, sigName, release.suite(), release.codename(), release.date()));
            }
            for (SuiteManifest.Entry e : same.values()) {
                // the new Release lists the same size and digest: it now vouches for the held file
                entries.add(new SuiteManifest.Entry(e.target(), e.listedPath(), e.file(), e.size(), e.sha256(),
                        release.file(uncompressedPath(e.listedPath())).map(IndexFileEntry::size), mainName, sigName,
                        release.suite(), release.codename(), release.date()));
            }
            // a failed target keeps its previous file, still paired with the Release that vouched for it
            entries.addAll(kept.values());
            // 2. the state: once it names the new Release, a replay of the older one is refused
            //    even if we die before the manifest below makes the new files current
            RepositoryState before = state.get(repository);
            String textSha256 = sha256(accepted.text());
            if (before == null || !before.releaseSha256().equals(textSha256)) {
                state.put(repository, ReleaseHistory.accepted(repository, release, textSha256, accepted.signers(), at));
                StateStore.save(cache.stateFile(), state.values());
            }
            // 3. the manifest: the one atomic step that makes the new files current
            List<String> absent = reports.stream().filter(r -> r.outcome() == TargetReport.Outcome.SKIPPED
                            && !r.target().required()
                            && r.findings().stream().anyMatch(f -> f.code() == FindingCode.INDEX_MISSING))
                    .map(r -> r.target().path()).toList();
            SuiteManifest manifest = new SuiteManifest(repository, base, suite, mainName, sigName, release.codename(),
                    files.validators(), order(entries, reports), absent);
            AtomicFiles.write(manifestFile, manifest.toBytes());
            // 4. what no manifest names any more
            removeStale();
            boolean changed = !files.notModified()
                    || reports.stream().anyMatch(r -> r.outcome() == TargetReport.Outcome.FETCHED);
            List<VerifiedIndex> listed;
            try {
                listed = manifest.verified(cache.lists(), manifestFile);
            } catch (MalformedInputException e) {
                throw new IOException("the manifest just written does not match lists/: " + e.getMessage(), e);
            }
            return new AcquisitionReport(repository, base, suite, changed ? AcquisitionReport.Outcome.UPDATED
                    : AcquisitionReport.Outcome.UNCHANGED, verification, reports, findings, listed);
        }

        /** The content-addressed lists/ name of the fetched InRelease or Release. */
        private String releaseName(ReleaseFiles files) {
            return listName(releaseDir + (files.inRelease() ? "InRelease" : "Release"), sha256(files.main()));
        }

        /** Manifest entries in the order the targets were reported, so manifests are stable. */
        private List<SuiteManifest.Entry> order(List<SuiteManifest.Entry> entries, List<TargetReport> reports) {
            List<SuiteManifest.Entry> out = new ArrayList<>();
            for (TargetReport r : reports) {
                entries.stream().filter(e -> e.target().equals(r.target())).findFirst().ifPresent(out::add);
            }
            return out;
        }

        private AcquisitionReport failed() {
            List<VerifiedIndex> listed = List.of();
            if (previous.isPresent()) {
                try {
                    listed = previous.get().verified(cache.lists(),
                            cache.lists().resolve(SuiteManifest.fileName(base, suite)));
                } catch (IOException | MalformedInputException e) {
                    findings.add(Finding.warning(FindingCode.INDEX_PARSE, SuiteManifest.fileName(base, suite),
                            "the previous verified files are not usable: " + e.getMessage()));
                }
            }
            return new AcquisitionReport(repository, base, suite, AcquisitionReport.Outcome.FAILED, verification,
                    List.of(), findings, listed);
        }

        /** The wanted index files, in a stable order, without duplicates; skipped ones reported. */
        private List<IndexTarget> targets(Release release, List<TargetReport> reports) {
            Set<IndexTarget> out = new LinkedHashSet<>();
            List<String> declaredArchs = release.architectures();
            List<String> declaredComponents = release.components();
            for (SourceEntry entry : entries) {
                boolean deb = entry.type() == SourceType.DEB;
                if (!deb && !options.withSources()) {
                    continue;
                }
                if (entry.isFlat()) {
                    out.add(deb ? new IndexTarget(IndexKind.PACKAGES, "", Optional.empty(), "Packages", true)
                            : new IndexTarget(IndexKind.SOURCES, "", Optional.empty(), "Sources", true));
                    continue;
                }
                for (String component : entry.components()) {
                    if (!declaredComponents.isEmpty() && !declaredComponents.contains(component)) {
                        Finding f = Finding.warning(FindingCode.INDEX_NOT_LISTED, releaseDir + component,
                                "component \"" + component + "\" is not declared by the Release; skipped");
                        findings.add(f);
                        continue;
                    }
                    if (!deb) {
                        out.add(new IndexTarget(IndexKind.SOURCES, component, Optional.empty(),
                                component + "/source/Sources", true));
                        continue;
                    }
                    for (String arch : entry.architectures(options.hostArchitectures())) {
                        if (!declaredArchs.isEmpty() && !declaredArchs.contains(arch)) {
                            findings.add(Finding.warning(FindingCode.INDEX_NOT_LISTED, releaseDir + component
                                    + "/binary-" + arch, "architecture \"" + arch
                                    + "\" is not declared by the Release; skipped"));
                            continue;
                        }
                        out.add(new IndexTarget(IndexKind.PACKAGES, component, Optional.of(arch),
                                component + "/binary-" + arch + "/Packages", true));
                    }
                    out.add(new IndexTarget(IndexKind.TRANSLATION, component, Optional.empty(),
                            component + "/i18n/Translation-en", false));
                    if (options.withContents()) {
                        for (String arch : entry.architectures(options.hostArchitectures())) {
                            if (declaredArchs.isEmpty() || declaredArchs.contains(arch)) {
                                out.add(new IndexTarget(IndexKind.CONTENTS, component, Optional.of(arch),
                                        component + "/Contents-" + arch, false));
                            }
                        }
                        // Contents-ARCH leaves out the files of Architecture: all packages (every
                        // Java, Python, npm library): they are in Contents-all
                        out.add(new IndexTarget(IndexKind.CONTENTS, component, Optional.of("all"),
                                component + "/Contents-all", false));
                    }
                }
            }
            return List.copyOf(out);
        }

        private TargetReport notListed(IndexTarget target, Release release) {
            // Packages of a declared architecture must be listed: a Release that leaves it out hides it
            Finding f = target.kind() == IndexKind.PACKAGES
                    ? Finding.error(FindingCode.INDEX_NOT_LISTED, releaseDir + target.path(),
                            "is not listed in the Release (in any compression) although the architecture is declared")
                    : Finding.warning(FindingCode.INDEX_NOT_LISTED, releaseDir + target.path(),
                            "is not listed in the Release (in any compression); skipped");
            findings.add(f);
            return new TargetReport(target, f.isError() ? TargetReport.Outcome.FAILED : TargetReport.Outcome.SKIPPED,
                    Optional.empty(), List.of(f));
        }

        /**
         * The listed variants of a target, in the order of {@link #COMPRESSION_PREFERENCE}
         * ({@link #APT_LISTS_PREFERENCE} from apt's lists).
         */
        private List<String> variants(Release release, String path) {
            List<String> out = new ArrayList<>();
            for (Compression c : aptLists.isPresent() ? APT_LISTS_PREFERENCE : COMPRESSION_PREFERENCE) {
                String variant = path + c.fileSuffix();
                if (release.file(variant).isPresent()) {
                    out.add(variant);
                }
            }
            return out;
        }

        /** The held entry, when the Release lists exactly that file and it is still in lists/. */
        private Optional<SuiteManifest.Entry> unchanged(SuiteManifest.Entry held, Release release, List<String> variants) {
            if (held == null || !variants.contains(held.listedPath())) {
                return Optional.empty();
            }
            IndexFileEntry listed = release.file(held.listedPath()).get();
            if (listed.size() != held.size() || !listed.digest(HashAlgorithm.SHA256).map(held.sha256()::equals)
                    .orElse(false)) {
                return Optional.empty();
            }
            try {
                if (Files.size(cache.lists().resolve(held.file())) != held.size()) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
            return Optional.of(held);
        }

        private List<Attempt> attempts(Release release, List<String> variants) {
            List<Attempt> out = new ArrayList<>();
            for (String variant : variants) {
                IndexFileEntry entry = release.file(variant).get();
                Optional<String> sha = entry.digest(HashAlgorithm.SHA256);
                if (release.acquireByHash() && sha.isPresent() && aptLists.isEmpty()) {
                    int slash = variant.lastIndexOf('/');
                    String dir = slash < 0 ? "" : variant.substring(0, slash + 1);
                    out.add(new Attempt(variant, base.resolve(releaseDir + dir + "by-hash/SHA256/" + sha.get())));
                }
                out.add(new Attempt(variant, uri(releaseDir + variant)));
            }
            return out;
        }

        /** What one target's fetch came to: its report, and the verified file when there is one. */
        private record Fetched(TargetReport report, Optional<Verified> verified) {
        }

        /**
         * Fetches and verifies every target, each on a thread of a bounded pool: a target tries its
         * attempts in order, and its file is verified (which decompresses it) as soon as it has
         * arrived, while other targets are still downloading or being verified. The reports and
         * verified files are collected in target order.
         */
        private Map<IndexTarget, TargetReport> fetchTargets(Release release, Map<IndexTarget, List<Attempt>> attempts,
                                                           Map<IndexTarget, Verified> verified) throws IOException {
            Map<IndexTarget, TargetReport> reports = new LinkedHashMap<>();
            if (attempts.isEmpty()) {
                return reports;
            }
            List<Path> destinations = new ArrayList<>();
            for (List<Attempt> tried : attempts.values()) {
                for (Attempt a : tried) {
                    Path destination = partial(releaseDir + a.listedPath());
                    if (!destinations.contains(destination)) {
                        destinations.add(destination);
                    }
                }
            }
            // every partial file is removed at the end, whichever task wrote it
            partials.addAll(destinations);
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallelism(), attempts.size()),
                    targetThreads());
            try {
                Map<IndexTarget, Future<Fetched>> running = new LinkedHashMap<>();
                for (Map.Entry<IndexTarget, List<Attempt>> e : attempts.entrySet()) {
                    running.put(e.getKey(), pool.submit(() -> fetchTarget(release, e.getKey(), e.getValue())));
                }
                for (Map.Entry<IndexTarget, Future<Fetched>> e : running.entrySet()) {
                    Fetched fetched = await(e.getValue());
                    reports.put(e.getKey(), fetched.report());
                    fetched.verified().ifPresent(v -> verified.put(e.getKey(), v));
                }
            } finally {
                pool.shutdownNow();
            }
            return reports;
        }

        /** One target: its attempts in order until one is fetched, then the verification of that file. */
        private Fetched fetchTarget(Release release, IndexTarget t, List<Attempt> tried) throws IOException {
            for (Attempt a : tried) {
                long size = release.file(a.listedPath()).get().size();
                FetchRequest request = FetchRequest.ofSize(a.uri(), partial(releaseDir + a.listedPath()), size);
                FetchResult result;
                try {
                    result = fetcher.fetch(request);
                } catch (IOException e) {
                    return new Fetched(fetchFailed(t, a, e), Optional.empty());
                }
                if (result.outcome() == FetchResult.Outcome.FETCHED) {
                    return verify(t, a, release, request.destination(), result.finalUri());
                }
            }
            return new Fetched(absent(t, tried), Optional.empty());
        }

        private static ThreadFactory targetThreads() {
            AtomicInteger count = new AtomicInteger();
            return task -> {
                Thread thread = new Thread(task, "debindex-target-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }

        private static Fetched await(Future<Fetched> future) throws IOException {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException("downloads interrupted");
                interrupted.initCause(e);
                throw interrupted;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException("unexpected failure while fetching", cause);
            }
        }

        private Fetched verify(IndexTarget t, Attempt a, Release release, Path file, URI from) throws IOException {
            FileCheck check = IndexChain.checkAs(file, release, a.listedPath());
            // from apt's lists, say which file was read: its name is not the listed one
            String read = aptLists.isPresent() ? "; read from " + Path.of(from) : "";
            List<Finding> targeted = check.findings().stream()
                    .map(f -> new Finding(f.severity(), f.code(), releaseDir + f.target(), f.message() + read)).toList();
            if (!check.isVerified()) {
                return new Fetched(new TargetReport(t, TargetReport.Outcome.FAILED, Optional.of(a.listedPath()), targeted),
                        Optional.empty());
            }
            IndexFileEntry entry = release.file(a.listedPath()).get();
            String sha = entry.digest(HashAlgorithm.SHA256).isPresent() ? entry.digest(HashAlgorithm.SHA256).get()
                    : Digests.of(file, EnumSet.of(HashAlgorithm.SHA256)).digests().get(HashAlgorithm.SHA256);
            Verified v = new Verified(t, a.listedPath(), file, entry.size(), sha,
                    release.file(uncompressedPath(a.listedPath())).map(IndexFileEntry::size));
            return new Fetched(new TargetReport(t, TargetReport.Outcome.FETCHED, Optional.of(a.listedPath()), targeted),
                    Optional.of(v));
        }

        private TargetReport fetchFailed(IndexTarget t, Attempt a, IOException e) throws IOException {
            if (e instanceof InterruptedIOException interrupted) {
                throw interrupted;
            }
            FindingCode code = FindingCode.INDEX_MISSING;
            if (e instanceof FetchException fe && (fe.kind() == FetchException.Kind.TOO_LARGE
                    || fe.kind() == FetchException.Kind.TRUNCATED)) {
                code = FindingCode.INDEX_SIZE_MISMATCH;
            } else if (e instanceof DecompressionException de) {
                // a recompressed file of apt's lists, decompressed within the listed size
                code = IndexChain.decompressionCode(de);
            }
            Finding f = Finding.error(code, releaseDir + a.listedPath(), "could not be "
                    + (aptLists.isPresent() ? "read" : "fetched") + ": " + e.getMessage());
            return new TargetReport(t, TargetReport.Outcome.FAILED, Optional.of(a.listedPath()), List.of(f));
        }

        private TargetReport absent(IndexTarget t, List<Attempt> tried) {
            if (aptLists.isPresent()) {
                return absentFromAptLists(t, tried);
            }
            String what = "is listed in the Release but not on the server (tried "
                    + String.join(", ", tried.stream().map(x -> x.uri().getPath()).map(p -> p.substring(p.lastIndexOf('/') + 1))
                            .toList()) + ")";
            if (t.required()) {
                return new TargetReport(t, TargetReport.Outcome.FAILED, Optional.empty(),
                        List.of(Finding.error(FindingCode.INDEX_MISSING, releaseDir + t.path(), what)));
            }
            return new TargetReport(t, TargetReport.Outcome.SKIPPED, Optional.empty(), List.of(Finding.note(
                    FindingCode.INDEX_MISSING, releaseDir + t.path(), what + "; optional, skipped as in a partial mirror")));
        }

        /**
         * A target none of whose listed variants is in apt's lists. A recompressed file there
         * that could not be asked for is one the Release lists no uncompressed entry for: it
         * cannot be verified, and is not used.
         */
        private TargetReport absentFromAptLists(IndexTarget t, List<Attempt> tried) {
            URI uncompressed = uri(releaseDir + t.path());
            Optional<Path> unverifiable = aptLists.get().stored(uncompressed);
            String what;
            FindingCode code;
            if (unverifiable.isPresent()) {
                code = FindingCode.INDEX_NOT_LISTED;
                what = "cannot be verified from " + unverifiable.get() + ": the Release lists neither that"
                        + " compression nor the uncompressed file to check its content against";
            } else {
                code = FindingCode.INDEX_MISSING;
                what = "is listed in the Release but not " + where(tried.stream().map(Attempt::uri).toList());
            }
            if (t.required()) {
                return new TargetReport(t, TargetReport.Outcome.FAILED, Optional.empty(),
                        List.of(Finding.error(code, releaseDir + t.path(), what)));
            }
            return new TargetReport(t, TargetReport.Outcome.SKIPPED, Optional.empty(), List.of(Finding.note(
                    code, releaseDir + t.path(), what + "; optional, skipped")));
        }

        /** "on the server", or which files of apt's lists were looked for. */
        private String where(List<URI> tried) {
            if (aptLists.isEmpty()) {
                return "on the server";
            }
            List<String> parts = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (URI uri : tried) {
                List<Path> candidates = aptLists.get().candidates(uri);
                String name = candidates.get(0).getFileName().toString();
                if (!seen.add(name)) {
                    continue;
                }
                candidates.forEach(p -> seen.add(p.getFileName().toString()));
                parts.add(candidates.size() == 1 ? name : name + " as it is or with "
                        + String.join(", ", AptListsFetcher.STORED_SUFFIXES));
            }
            return "in apt's lists " + aptLists.get().directory() + " (looked for " + String.join("; ", parts) + ")";
        }

        /**
         * The URI of a file of the repository. From apt's lists, a flat repository's {@code ./}
         * is kept, as apt keeps it in the URI it names the file after ({@code
         * mirror.example_flat_._InRelease}).
         */
        private URI uri(String relative) {
            if (aptLists.isPresent() && suite.equals("./")) {
                String text = base.toString();
                return URI.create(text + (text.endsWith("/") ? "" : "/") + "./" + relative);
            }
            return base.resolve(relative);
        }

        private Path partial(String relative) {
            return cache.partial().resolve(CacheLayout.listFileName(base, relative));
        }

        private String listName(String relative, String sha256) {
            return CacheLayout.listFileName(base, relative) + "@" + sha256;
        }

        private Optional<byte[]> readListed(String name) {
            try {
                return Optional.of(Files.readAllBytes(cache.lists().resolve(name)));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        private void writeListed(String name, byte[] data) throws IOException {
            Path target = cache.lists().resolve(name);
            if (!Files.exists(target)) {
                AtomicFiles.write(target, data);
            }
        }
    }

    /** The path a compressed index decompresses to. */
    static String uncompressedPath(String listed) {
        for (Compression c : COMPRESSION_PREFERENCE) {
            if (c != Compression.NONE && listed.endsWith(c.fileSuffix())) {
                return listed.substring(0, listed.length() - c.fileSuffix().length());
            }
        }
        return listed;
    }

    /** Deletes content-addressed files in lists/ that no manifest names (left by older runs or crashes). */
    private void removeStale() throws IOException {
        Set<String> named = new LinkedHashSet<>();
        for (Path m : SuiteManifest.manifests(cache.lists())) {
            try {
                SuiteManifest.read(m).ifPresent(x -> named.addAll(x.referencedFiles()));
            } catch (MalformedInputException e) {
                return; // cannot tell what it names: delete nothing
            }
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(cache.lists())) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                if (name.indexOf('@') > 0 && !name.endsWith(SuiteManifest.SUFFIX) && !named.contains(name)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
