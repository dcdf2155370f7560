package org.debindex.verify.trust;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.MalformedInputException;
import org.debindex.core.compress.Compression;
import org.debindex.core.compress.DecompressionException;
import org.debindex.core.compress.Decompressors;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.deb822.Deb822Options;
import org.debindex.core.deb822.Deb822Reader;
import org.debindex.core.deb822.Deb822Warning;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.model.BinaryPackage;
import org.debindex.core.model.ChecksumEntry;
import org.debindex.core.model.HashAlgorithm;
import org.debindex.core.model.IndexFileEntry;
import org.debindex.core.model.Release;
import org.debindex.core.model.SourcePackage;
import org.debindex.core.trust.FileCheck;
import org.debindex.core.trust.RelativePaths;

/**
 * The deep part of a tree audit: every pool file that the suite's verified Packages and Sources
 * list, checked for size and strong digests (trust-chain.md §2H).
 *
 * <p>Per index directory one verified variant is read (the uncompressed file when it verified,
 * else the first verified compressed one in Release order), decompressed with the size the Release
 * lists as the exact limit. Per stanza only the path, size and digests are kept; a path listed by
 * several indexes (an {@code Architecture: all} package in every {@code binary-*}) is checked once,
 * and listing it with another size or digest is a {@link FindingCode#DEB_HASH_MISMATCH} about the
 * listing. Unsafe paths are reported and never opened. Files are read through a {@link PoolFiles}
 * (in place from a local tree, or downloaded one by one) and hashed by a fixed pool of worker
 * threads fed through a bounded window, so memory does not grow with the number of files. With a
 * sample ({@link AuditOptions#sample()}) only that many of the listed files, chosen uniformly at
 * random from the options' seed, are checked; every index is still read in full.
 *
 * <p>Findings: problems met while reading the indexes first (index order, line order), then the
 * pool files' findings sorted by path. Stateless and thread-safe.
 */
final class PoolAudit {

    /** Stanza problems reported per index before the rest are only counted. */
    static final int MAX_PARSE_FINDINGS = 100;

    private static final String SKIPPED = "paragraph skipped: ";

    private PoolAudit() {
    }

    /** The outcome: the summary and the findings, in report order. */
    record Result(TrustReport.PoolSummary summary, List<Finding> findings) {
        Result {
            Objects.requireNonNull(summary, "summary");
            findings = List.copyOf(findings);
        }
    }

    /** What an index says about one pool file: its size and digests, and where that was first said. */
    private record Listing(long size, Map<HashAlgorithm, String> digests, int index, long line) {
    }

    /** The kinds of index that list pool files. */
    private enum Kind { PACKAGES, SOURCES }

    /** An index file chosen to read. */
    private record Chosen(Kind kind, String path, SizeLimit limit) {
    }

    /**
     * Runs the deep check.
     *
     * @param root     the mirror root the index files are read from
     * @param pool     where the pool files are read from
     * @param prefix   {@code dists/SUITE/}, for naming index files
     * @param release  the verified Release
     * @param files    the index checks, in Release order
     * @param options  the parallelism (worker threads), and the sample and its seed
     * @param progress receives {@code ("pool", done, total)}, {@code total} being the files checked
     * @throws IOException if an index or pool file present in the tree cannot be read
     */
    static Result run(Path root, PoolFiles pool, String prefix, Release release, List<FileCheck> files,
                      AuditOptions options, AuditProgress progress) throws IOException {
        List<Finding> findings = new ArrayList<>();
        Map<String, Listing> listings = new HashMap<>();
        List<String> indexNames = new ArrayList<>();
        Path releaseDir = root.resolve(prefix);
        for (Chosen chosen : choose(release, files)) {
            String target = prefix + chosen.path();
            indexNames.add(target);
            new Collector(chosen.kind(), indexNames, listings, findings)
                    .read(releaseDir.resolve(chosen.path()), chosen.limit());
        }
        List<String> paths = new ArrayList<>(listings.keySet());
        paths.sort(null);
        int listed = paths.size();
        if (options.sample().isPresent()) {
            paths = sample(paths, options.sample().getAsInt(), options.seed());
        }
        return check(pool, paths, listed, listings, indexNames, options.parallelism(), progress, findings);
    }

    /**
     * A uniformly random choice of {@code n} of the sorted paths (all when there are no more), in
     * sorted order: a partial Fisher-Yates shuffle, so the same seed and listing give the same sample.
     */
    static List<String> sample(List<String> sorted, int n, long seed) {
        if (n >= sorted.size()) {
            return sorted;
        }
        int[] order = new int[sorted.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chosen = Arrays.copyOf(order, n);
        Arrays.sort(chosen);
        List<String> out = new ArrayList<>(n);
        for (int i : chosen) {
            out.add(sorted.get(i));
        }
        return out;
    }

    /** Per directory and kind, the variant to read: uncompressed if verified, else the first verified compressed one. */
    private static List<Chosen> choose(Release release, List<FileCheck> files) {
        Map<String, Chosen> chosen = new LinkedHashMap<>();
        for (FileCheck check : files) {
            if (!check.isVerified()) {
                continue;
            }
            String path = check.path();
            int slash = path.lastIndexOf('/');
            String name = path.substring(slash + 1);
            String base = name;
            for (Compression c : Compression.values()) {
                if (!c.fileSuffix().isEmpty() && name.endsWith(c.fileSuffix())) {
                    base = name.substring(0, name.length() - c.fileSuffix().length());
                    break;
                }
            }
            Kind kind = base.equals("Packages") ? Kind.PACKAGES : base.equals("Sources") ? Kind.SOURCES : null;
            if (kind == null) {
                continue;
            }
            String plain = path.substring(0, slash + 1) + base;
            boolean uncompressed = base.equals(name);
            Chosen before = chosen.get(plain);
            if (before == null || (uncompressed && !before.path().equals(plain))) {
                SizeLimit limit = release.file(plain).map(e -> SizeLimit.exactly(e.size()))
                        .orElse(SizeLimit.defaultLimit());
                chosen.put(plain, new Chosen(kind, path, limit));
            }
        }
        return List.copyOf(chosen.values());
    }

    /** Reads one index's stanzas into the listings. Not thread-safe; one per index. */
    private static final class Collector {
        private final Kind kind;
        private final String target;
        private final int index;
        private final List<String> indexNames;
        private final Map<String, Listing> listings;
        private final List<Finding> findings;
        private int problems;

        Collector(Kind kind, List<String> indexNames, Map<String, Listing> listings, List<Finding> findings) {
            this.kind = kind;
            this.indexNames = indexNames;
            this.target = indexNames.get(indexNames.size() - 1);
            this.index = indexNames.size() - 1;
            this.listings = listings;
            this.findings = findings;
        }

        void read(Path file, SizeLimit limit) throws IOException {
            Deb822Options options = Deb822Options.defaults().withLenient(MAX_PARSE_FINDINGS)
                    .withWarnings(this::warning);
            try (Deb822Reader reader = Deb822Reader.open(Decompressors.open(file, limit), target, options)) {
                for (Optional<Paragraph> next; (next = reader.next()).isPresent(); ) {
                    if (kind == Kind.PACKAGES) {
                        binary(next.get());
                    } else {
                        source(next.get());
                    }
                }
            } catch (MalformedInputException e) {
                problem(e.line(), e.problem() + "; reading stopped after " + MAX_PARSE_FINDINGS
                        + " skipped stanzas, the pool files listed after it are not checked");
            } catch (DecompressionException e) {
                FindingCode code = switch (e.reason()) {
                    case LIMIT_EXCEEDED -> FindingCode.LIMIT_EXCEEDED;
                    case SIZE_MISMATCH -> FindingCode.INDEX_SIZE_MISMATCH;
                    default -> FindingCode.INDEX_DECOMPRESS;
                };
                findings.add(Finding.error(code, target, "cannot be read although it verified: " + e.problem()
                        + "; the pool files it lists after that point are not checked"));
            }
            if (problems > MAX_PARSE_FINDINGS) {
                findings.add(Finding.error(FindingCode.INDEX_PARSE, target, (problems - MAX_PARSE_FINDINGS)
                        + " more stanza problems not listed (" + problems + " in all)"));
            }
        }

        /** A paragraph the lenient reader skipped is a stanza problem; other reader warnings are not. */
        private void warning(Deb822Warning warning) {
            if (warning.message().startsWith(SKIPPED)) {
                problem(warning.line(), "stanza skipped: " + warning.message().substring(SKIPPED.length()));
            }
        }

        private void problem(long line, String message) {
            problems++;
            if (problems <= MAX_PARSE_FINDINGS) {
                findings.add(Finding.error(FindingCode.INDEX_PARSE, target, at(line) + message));
            }
        }

        private void binary(Paragraph p) {
            BinaryPackage pkg;
            try {
                pkg = BinaryPackage.of(p);
            } catch (MalformedInputException e) {
                problem(e.line(), e.problem() + "; stanza skipped");
                return;
            }
            Optional<String> filename = pkg.filename();
            if (filename.isEmpty() || filename.get().isEmpty()) {
                problem(p.line(), "stanza of " + pkg.name() + " " + pkg.version() + " has no \"Filename\" field;"
                        + " stanza skipped");
                return;
            }
            OptionalLong size = pkg.size();
            if (size.isEmpty()) {
                problem(p.line(), "stanza of " + pkg.name() + " " + pkg.version() + " has no \"Size\" field;"
                        + " stanza skipped");
                return;
            }
            Map<HashAlgorithm, String> digests = new EnumMap<>(HashAlgorithm.class);
            for (HashAlgorithm a : HashAlgorithm.values()) {
                int i = p.indexOf(a.releaseField());
                if (i < 0) {
                    continue;
                }
                String digest = p.value(i).strip().toLowerCase(Locale.ROOT);
                if (digest.length() != a.hexLength() || !isHex(digest)) {
                    problem(p.lineOf(i), "field \"" + p.name(i) + "\" has value " + MalformedInputException.quote(
                            p.value(i)) + "; expected " + a.hexLength() + " hex digits; stanza skipped");
                    return;
                }
                digests.put(a, digest);
            }
            add(filename.get(), size.getAsLong(), digests, p.line(), "Filename");
        }

        private void source(Paragraph p) {
            SourcePackage src;
            Map<String, Long> sizes = new LinkedHashMap<>();
            Map<String, Map<HashAlgorithm, String>> digests = new LinkedHashMap<>();
            try {
                src = SourcePackage.of(p);
                for (HashAlgorithm a : new HashAlgorithm[] {HashAlgorithm.SHA256, HashAlgorithm.SHA512,
                        HashAlgorithm.SHA1, HashAlgorithm.MD5}) {
                    for (ChecksumEntry e : src.checksums(a)) {
                        if (!a.isStrong() && digests.containsKey(e.path())
                                && digests.get(e.path()).keySet().stream().anyMatch(HashAlgorithm::isStrong)) {
                            continue; // weak digests matter only for a file no strong list names
                        }
                        Long before = sizes.putIfAbsent(e.path(), e.size());
                        if (before != null && before != e.size()) {
                            problem(p.line(), "source package " + src.name() + " " + src.version() + " lists "
                                    + MalformedInputException.quote(e.path()) + " with size " + before + " and "
                                    + e.size() + "; stanza skipped");
                            return;
                        }
                        digests.computeIfAbsent(e.path(), k -> new EnumMap<>(HashAlgorithm.class)).put(a, e.digest());
                    }
                }
            } catch (MalformedInputException e) {
                problem(e.line(), e.problem() + "; stanza skipped");
                return;
            }
            Optional<String> directory = src.directory();
            if (directory.isEmpty() || directory.get().isEmpty()) {
                problem(p.line(), "stanza of source package " + src.name() + " " + src.version()
                        + " has no \"Directory\" field; stanza skipped");
                return;
            }
            if (digests.isEmpty()) {
                problem(p.line(), "stanza of source package " + src.name() + " " + src.version()
                        + " lists no files (no \"Checksums-Sha256\" or \"Files\" field); stanza skipped");
                return;
            }
            String dir = directory.get();
            Optional<String> unsafeDir = RelativePaths.problem(dir);
            if (unsafeDir.isPresent()) {
                unsafe(p.line(), "Directory", dir, unsafeDir.get());
                return;
            }
            String base = dir.endsWith("/") ? dir : dir + "/";
            for (Map.Entry<String, Map<HashAlgorithm, String>> e : digests.entrySet()) {
                String name = e.getKey();
                if (name.indexOf('/') >= 0) {
                    unsafe(p.line(), "file name", name, "contains a slash");
                    continue;
                }
                add(base + name, sizes.get(name), e.getValue(), p.line(), "file");
            }
        }

        private void unsafe(long line, String what, String path, String problem) {
            findings.add(Finding.error(FindingCode.PATH_UNSAFE, target, at(line) + what + " "
                    + MalformedInputException.quote(path) + " " + problem + "; not opened"));
        }

        /** Records a pool file, or reports why not. */
        private void add(String path, long size, Map<HashAlgorithm, String> digests, long line, String what) {
            Optional<String> unsafe = RelativePaths.problem(path);
            if (unsafe.isPresent()) {
                unsafe(line, what, path, unsafe.get());
                return;
            }
            if (digests.isEmpty()) {
                findings.add(Finding.error(FindingCode.DEB_HASH_INSUFFICIENT, path, "listed in " + target + where(line)
                        + " without any checksum; SHA-256 or SHA-512 is needed to trust it"));
                return;
            }
            Listing listing = new Listing(size, strongOrAll(digests), index, line);
            Listing before = listings.putIfAbsent(path, listing);
            if (before == null) {
                return;
            }
            Optional<String[]> conflict = conflict(before, listing);
            if (conflict.isPresent()) {
                findings.add(Finding.error(FindingCode.DEB_HASH_MISMATCH, path, "listed in " + target + where(line)
                        + " with " + conflict.get()[1] + ", but in " + indexNames.get(before.index())
                        + where(before.line()) + " with " + conflict.get()[0] + "; checked against the first listing"));
                return;
            }
            if (!before.digests().keySet().containsAll(listing.digests().keySet())) {
                Map<HashAlgorithm, String> merged = new EnumMap<>(before.digests());
                merged.putAll(listing.digests());
                listings.put(path, new Listing(before.size(), strongOrAll(merged), before.index(), before.line()));
            }
        }

        /** {@code "line N: "}, the start of a message about a line of the index. */
        private static String at(long line) {
            return line > 0 ? "line " + line + ": " : "";
        }

        /** {@code " at line N"}, for a message that names the index. */
        private static String where(long line) {
            return line > 0 ? " at line " + line : "";
        }
    }

    /**
     * How two listings of a path disagree, if they do: the size, or a digest both give.
     *
     * @return what the first and the second listing say, in that order
     */
    private static Optional<String[]> conflict(Listing first, Listing second) {
        if (first.size() != second.size()) {
            return Optional.of(new String[] {"size " + first.size(), "size " + second.size()});
        }
        for (Map.Entry<HashAlgorithm, String> e : second.digests().entrySet()) {
            String other = first.digests().get(e.getKey());
            if (other != null && !other.equals(e.getValue())) {
                String name = e.getKey().javaName() + " ";
                return Optional.of(new String[] {name + other, name + e.getValue()});
            }
        }
        return Optional.empty();
    }

    /** The strong digests when there are any (weak ones are never compared then), else all. */
    private static Map<HashAlgorithm, String> strongOrAll(Map<HashAlgorithm, String> digests) {
        Map<HashAlgorithm, String> strong = new EnumMap<>(HashAlgorithm.class);
        digests.forEach((a, d) -> {
            if (a.isStrong()) {
                strong.put(a, d);
            }
        });
        return strong.isEmpty() ? new EnumMap<>(digests) : strong;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** Checks the chosen pool files in parallel, in a bounded window; findings sorted by path. */
    private static Result check(PoolFiles pool, List<String> paths, int listed, Map<String, Listing> listings,
                                List<String> indexNames, int parallelism, AuditProgress progress,
                                List<Finding> findings) throws IOException {
        int total = paths.size();
        FileCheck[] results = new FileCheck[total];
        AtomicLong verified = new AtomicLong();
        AtomicLong missing = new AtomicLong();
        AtomicLong mismatched = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Object progressLock = new Object();
        long[] done = {0};
        progress.update("pool", 0, total);
        Semaphore window = new Semaphore(parallelism * 4);
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, new Workers());
        try {
            for (int i = 0; i < total && failure.get() == null; i++) {
                window.acquire();
                int k = i;
                String path = paths.get(k);
                Listing listing = listings.get(path);
                workers.execute(() -> {
                    try {
                        if (failure.get() != null) {
                            return;
                        }
                        FileCheck c = pool.check(path, new IndexFileEntry(path, listing.size(), listing.digests()));
                        if (!c.algorithms().isEmpty()) {
                            bytes.addAndGet(c.size());
                        }
                        switch (c.outcome()) {
                            case VERIFIED -> verified.incrementAndGet();
                            case ABSENT -> missing.incrementAndGet();
                            default -> {
                                if (c.findings().stream().anyMatch(f -> f.code() == FindingCode.DEB_HASH_MISMATCH)) {
                                    mismatched.incrementAndGet();
                                }
                            }
                        }
                        if (!c.isVerified()) {
                            results[k] = c;
                        }
                    } catch (IOException | RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        window.release();
                        synchronized (progressLock) {
                            progress.update("pool", ++done[0], total);
                        }
                    }
                });
            }
            workers.shutdown();
            while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                // keep waiting: every task ends once its file is read
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("pool check interrupted");
        } finally {
            workers.shutdownNow();
        }
        Throwable failed = failure.get();
        if (failed instanceof IOException io) {
            throw io;
        }
        if (failed instanceof RuntimeException re) {
            throw re;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        List<Finding> out = new ArrayList<>(findings);
        for (int k = 0; k < total; k++) {
            FileCheck c = results[k];
            if (c == null) {
                continue;
            }
            if (c.outcome() == FileCheck.Outcome.ABSENT) {
                out.add(Finding.error(FindingCode.DEB_MISSING, c.path(), "listed in "
                        + indexNames.get(listings.get(c.path()).index()) + " but absent from " + pool.origin()));
            } else {
                out.addAll(c.findings());
            }
        }
        TrustReport.PoolSummary summary = new TrustReport.PoolSummary(listed, verified.get(), missing.get(),
                mismatched.get(), bytes.get(), total);
        return new Result(summary, out);
    }

    /** Daemon worker threads with a name that says what they do. */
    private static final class Workers implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "debindex-pool-check-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
