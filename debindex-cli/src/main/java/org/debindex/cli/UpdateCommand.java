package org.debindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.debindex.cli.output.ProgressLine;
import org.debindex.cli.output.UpdateReportOutput;
import org.debindex.core.MalformedInputException;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.cache.CacheLock;
import org.debindex.core.index.IndexBuildOptions;
import org.debindex.core.update.CachedIndex;
import org.debindex.core.update.IndexKind;
import org.debindex.core.update.SuiteManifest;
import org.debindex.core.update.VerifiedIndex;
import org.debindex.verify.deps.debian.CachedContents;
import org.debindex.verify.deps.debian.CachedMapping;
import org.debindex.core.fetch.FetchPolicy;
import org.debindex.core.fetch.Fetchers;
import org.debindex.core.source.SourceList;
import org.debindex.core.update.Acquisition;
import org.debindex.core.update.AcquisitionOptions;
import org.debindex.core.update.AcquisitionProgress;
import org.debindex.core.update.AcquisitionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code debindex update}: downloads and verifies the index files of the configured sources into
 * the cache, as {@code apt-get update} does for apt; with {@code --from-apt-lists}, takes them
 * from the lists apt has already downloaded instead, verified the same way. A thin layer over
 * {@link Acquisition}: this class chooses the sources, the cache and the options, and prints the reports.
 *
 * <p>Exit status 0 when every suite and target succeeded, 1 when one failed (the cache keeps the
 * last verified state of what failed), 2 for a usage error or when no source is configured at
 * all, 3 when a sources file or the {@code --from-apt-lists} directory cannot be read, the state file is corrupt or the cache cannot be
 * written.
 *
 * <p>Not thread-safe: picocli fills one instance per run.
 */
@Command(
        name = "update",
        sortOptions = false,
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        description = {
            "Download, verify and index the index files of the configured Debian repositories.",
            "",
            "Reads the sources of the global options --repo and --sources, else the host's apt"
                    + " configuration (/etc/apt/sources.list and /etc/apt/sources.list.d), and the"
                    + " keyrings of each source's Signed-By, else /etc/apt/trusted.gpg.d and"
                    + " /etc/apt/trusted.gpg. For each suite it fetches InRelease (or Release and"
                    + " Release.gpg), checks its signatures and dates, then fetches the Packages files"
                    + " (and with the options below Sources and Contents files) the Release lists, each"
                    + " checked against its size and SHA-256. Only verified files replace the cached"
                    + " ones: whatever fails keeps its last verified copy.",
            "",
            "With --from-apt-lists it downloads nothing: it reads the files apt has already"
                    + " downloaded (apt-get update) from apt's lists directory, by apt's file names"
                    + " (the URI without scheme or user:password, / as _, _ as %%5f, ...): InRelease"
                    + " (or Release and Release.gpg) and the index files, kept uncompressed or"
                    + " recompressed (.lz4, .gz, .xz, .zst, .bz2). They are verified exactly as"
                    + " downloads: signatures with the source's keyrings, dates, no rollback from what"
                    + " the cache holds, and each index file against the Release; a recompressed file"
                    + " by its decompressed content, within the size the Release lists for the"
                    + " uncompressed file, and kept uncompressed in the cache. A Packages file absent"
                    + " from the directory fails (naming the files looked for); an absent Translation"
                    + " file is skipped with a note.",
            "",
            "Then it builds the search index from the verified Packages, Translation and Sources files"
                    + " (rebuilt only when they changed).",
            "",
            "Writes the cache directory (--cache-dir): lists/ (the verified files), index/ (the"
                    + " index snapshot), state (what was verified when, and by whom), partial/"
                    + " (unfinished downloads), lock (held while an update runs: a second update at"
                    + " the same time stops with status 3).",
            "",
            "Opens outgoing connections (http, https) to the configured mirrors only; file: sources"
                    + " are read from disk; with --from-apt-lists no connection at all.",
            "",
            "Prints one line per suite (UPDATED, UNCHANGED or FAILED, with counts of index files"
                    + " fetched, unchanged, skipped and failed), one per finding (ERROR, WARNING,"
                    + " NOTE; with -q only the errors) and one for the index. With --json one JSON"
                    + " document.",
        },
        footerHeading = "%nExit status:%n",
        footer = {
            "  0   every suite and index file verified",
            "  1   a suite or an index file failed; its last verified copy is kept",
            "  2   usage error, or no source configured",
            "  3   a sources file or apt's lists directory cannot be read, the cache's",
            "      state file is corrupt, the cache cannot be written, or another update",
            "      holds its lock",
            "  70  internal error (a bug)",
            "",
            "Examples:",
            "  debindex update",
            "  debindex --repo 'deb http://mirror.example/debian trixie main' \\",
            "      update --arch amd64",
            "  debindex --sources my.sources --cache-dir /tmp/cache update --with-contents",
            "  debindex update --from-apt-lists",
        })
final class UpdateCommand implements Callable<Integer> {

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "Architecture to fetch index files for; repeatable (default: the host's, as"
                    + " dpkg --print-architecture prints it).")
    private List<String> architectures = new ArrayList<>();

    @Option(names = "--with-sources", description = "Also fetch the Sources files of deb-src entries.")
    private boolean withSources;

    @Option(names = "--with-contents", description = "Also fetch the Contents files.")
    private boolean withContents;

    @Option(names = "--from-apt-lists", arity = "0..1", paramLabel = "DIR",
            fallbackValue = "/var/lib/apt/lists",
            description = "Read InRelease and the index files from apt's lists directory DIR (default:"
                    + " /var/lib/apt/lists) instead of downloading them; verified as downloads.")
    private Path fromAptLists;

    @Option(names = "--at", paramLabel = "TIME",
            description = "Verify as of TIME instead of now; the forms of 'verify --at'.")
    private String at;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Index files downloaded at once (default: " + AcquisitionOptions.DEFAULT_PARALLELISM + ").")
    private Integer jobs;

    @Option(names = "--accept-release-info-change",
            description = "Accept a Release whose Origin, Label, Suite or Codename changed since the last"
                    + " update (apt's --allow-releaseinfo-change).")
    private boolean acceptReleaseInfoChange;

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, MalformedInputException {
        TrustedKeys.skipModulusPrimalityTest();
        if (jobs != null && jobs < 1) {
            throw usage("--jobs must be at least 1: " + jobs);
        }
        Optional<Instant> time = at == null ? Optional.empty() : Optional.of(time(at));
        // $(ARCH) in sources means the host's architecture; with --arch, the first one given
        String hostArchitecture = architectures.isEmpty() ? Configuration.hostArchitecture() : architectures.get(0);
        AcquisitionOptions options = options(architectures.isEmpty() ? List.of(hostArchitecture) : architectures, time);
        SourceList sources = Configuration.sources(main, hostArchitecture, spec.commandLine());
        if (sources.entries().isEmpty()) {
            throw usage("no sources configured; give --repo LINE or --sources FILE (before 'update'),"
                    + " or configure apt's sources.list");
        }
        // stderr, so also with --json: the document has no place for them
        if (!main.quiet()) {
            Configuration.printWarnings(sources, spec.commandLine().getErr());
        }
        if (fromAptLists != null && !Files.isDirectory(fromAptLists)) {
            throw new NoSuchFileException(fromAptLists.toString(), null, "not a directory; expected apt's lists");
        }
        CacheLayout layout = Configuration.layout(main);
        List<AcquisitionReport> reports;
        UpdateReportOutput.IndexSummary index;
        try (CacheLock lock = CacheLock.acquire(layout)) {
            lock.removeLeftovers(layout);
            reports = acquire(layout, options, sources);
            index = buildIndex(layout);
        }
        print(reports, index);
        return UpdateReportOutput.ok(reports) ? ExitStatus.OK : ExitStatus.NO;
    }

    private AcquisitionOptions options(List<String> archs, Optional<Instant> time) {
        AcquisitionOptions options;
        try {
            options = AcquisitionOptions.defaults(archs);
        } catch (IllegalArgumentException e) {
            throw usage("invalid value for option '--arch': " + e.getMessage());
        }
        options = options.withSources(withSources).withContents(withContents)
                .acceptingReleaseInfoChange(acceptReleaseInfoChange);
        if (time.isPresent()) {
            options = options.at(time.get());
        }
        if (jobs != null) {
            options = options.withParallelism(jobs);
        }
        return options;
    }

    private List<AcquisitionReport> acquire(CacheLayout layout, AcquisitionOptions options, SourceList sources)
            throws IOException, MalformedInputException {
        List<Path> trusted = Configuration.trustedKeyrings();
        if (!main.terminal() || main.quiet() || main.json()) {
            return acquisition(layout, options, AcquisitionProgress.none()).run(sources, trusted);
        }
        ProgressLine line = new ProgressLine(spec.commandLine().getErr());
        // the step says how many files and bytes are due; the bytes received so far are what
        // partial/ holds, redrawn four times a second while the downloads run
        AtomicReference<String> current = new AtomicReference<>("");
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "update-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> {
            String step = current.get();
            if (step.contains(" index files, ")) {
                line.show(step + String.format(Locale.ROOT, ", %.1f MB received", bytesIn(layout.partial()) / 1e6));
            }
        }, 250, 250, TimeUnit.MILLISECONDS);
        try {
            return acquisition(layout, options, (repository, step) -> {
                current.set(repository + ": " + step);
                line.showNow(current.get());
            }).run(sources, trusted);
        } finally {
            ticker.shutdownNow();
            line.clear();
        }
    }

    /** The bytes in a directory's files (the downloads in progress); 0 when it cannot be read. */
    private static long bytesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private Acquisition acquisition(CacheLayout layout, AcquisitionOptions options, AcquisitionProgress progress) {
        if (fromAptLists != null) {
            return Acquisition.fromAptLists(fromAptLists, layout, options, progress);
        }
        return new Acquisition(Fetchers.standard(FetchPolicy.defaults()), layout, options, progress);
    }

    /**
     * Brings the index snapshot up to date with the verified lists, failed suites included (they
     * keep their last verified files): rebuilt only when the lists changed.
     */
    private UpdateReportOutput.IndexSummary buildIndex(CacheLayout layout) throws IOException, MalformedInputException {
        boolean progress = main.terminal() && !main.quiet() && !main.json();
        ProgressLine line = progress ? new ProgressLine(spec.commandLine().getErr()) : null;
        if (line != null) {
            line.show("indexing the verified lists");
        }
        try {
            CachedIndex.Opened opened = CachedIndex.open(layout, IndexBuildOptions.defaults());
            // check's mapping of each suite that has Contents, kept beside the index
            List<VerifiedIndex> verified = SuiteManifest.verifiedIndexes(layout);
            for (String suite : verified.stream().filter(v -> v.kind() == IndexKind.CONTENTS)
                    .map(VerifiedIndex::suite).distinct().toList()) {
                try {
                    CachedMapping.open(layout, suite, CachedContents.mappingInputs(verified, suite));
                } catch (MalformedInputException e) {
                    mappingWarning(suite, e.getMessage());
                } catch (IOException e) {
                    mappingWarning(suite, ExitStatus.describe(e));
                }
            }
            return new UpdateReportOutput.IndexSummary(opened.index().size(), opened.index().sourcesSize(),
                    opened.index().inputs().size(),
                    opened.rebuiltBecause());
        } finally {
            if (line != null) {
                line.clear();
            }
        }
    }

    /** The update itself holds: check builds the mapping again and reports the fault. */
    private void mappingWarning(String suite, String why) {
        spec.commandLine().getErr().println("debindex: warning: cannot build check's mapping of " + suite + ": " + why);
    }

    private void print(List<AcquisitionReport> reports, UpdateReportOutput.IndexSummary index) {
        PrintWriter out = spec.commandLine().getOut();
        if (main.json()) {
            UpdateReportOutput.json(reports, index, out);
        } else {
            UpdateReportOutput.text(reports, index, main.quiet(), out);
        }
        out.flush();
    }

    private Instant time(String text) {
        try {
            return VerifyCommand.parseTime(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, text);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
