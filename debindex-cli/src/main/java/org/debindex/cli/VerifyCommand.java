package org.debindex.cli;

import static org.debindex.core.MalformedInputException.quote;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.debindex.cli.output.ProgressLine;
import org.debindex.cli.output.SourceAuditOutput;
import org.debindex.cli.output.TrustReportJson;
import org.debindex.cli.output.TrustReportText;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.MalformedInputException;
import org.debindex.core.VerificationException;
import org.debindex.core.model.Release;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.source.SourceEntry;
import org.debindex.core.source.SourceList;
import org.debindex.verify.trust.AuditOptions;
import org.debindex.verify.trust.AuditProgress;
import org.debindex.verify.trust.ReleaseAudit;
import org.debindex.verify.trust.SourceAudit;
import org.debindex.verify.trust.TreeAudit;
import org.debindex.verify.trust.TrustReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code debindex verify}: audits the trust chain of a signed {@code InRelease}, of a
 * {@code Release} with its {@code Release.gpg}, or of one suite of a local mirror tree, and prints
 * the report (text, or with {@code --json} one JSON document).
 *
 * <p>Exit status 0 when the chain holds, 1 when it does not (an unusable keyring included: it is a
 * finding of the report, so that {@code --json} still prints the document), 2 for a wrong
 * combination of arguments, 3 when a named file cannot be read at all. The audit itself is
 * {@link ReleaseAudit} and {@link TreeAudit}; this class only chooses one and prints its result.
 *
 * <p>Not thread-safe: picocli fills one instance per run.
 */
@Command(
        name = "verify",
        sortOptions = false,
        customSynopsis = {
            "debindex verify [--keyring=KEYRING]... [--at=TIME] [--arch=ARCH]... [--with-sources]",
            "                [--with-contents] [--deep [--jobs=N] [--sample=N]] [--markdown=FILE]",
            "                [SOURCE...]",
            "       debindex verify [--keyring=KEYRING]... [--at=TIME] INRELEASE",
            "       debindex verify [--keyring=KEYRING]... [--at=TIME] RELEASE RELEASE.GPG",
            "       debindex verify [--keyring=KEYRING]... [--at=TIME] --tree=DIR --suite=SUITE",
            "                       [--deep [--jobs=N] [--sample=N]]",
        },
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        description = {
            "Verify the trust chain of a Debian repository, link by link.",
            "",
            "Without FILE or --tree it audits the configured sources (--repo, --sources, else apt's"
                    + " sources.list), or those named, where they are served (http:, https:, file:): the"
                    + " keyring, every signature of the Release, its Date and Valid-Until (with the time"
                    + " left), Suite and Codename, a rollback or a change of signing keys since the"
                    + " Release the cache last accepted (read from the cache's state, never written),"
                    + " and every configured index file in every compression the Release lists, with its"
                    + " by-hash copy; --deep also every pool file the verified Packages (and Sources)"
                    + " list, streamed and hashed, never the whole pool on disk (--sample N: N of them"
                    + " at random). Downloads go to a temporary directory that is deleted afterwards.",
            "",
            "Checks the OpenPGP signatures of an InRelease file (or of a Release file and its"
                    + " detached Release.gpg) against the keyrings given, then the Release itself (Date,"
                    + " Valid-Until, strong checksums). With --tree it audits one suite of a local mirror"
                    + " tree: also every index file under dists/SUITE that the Release lists, against"
                    + " its size and SHA-256/SHA-512; with --deep also every pool file the verified"
                    + " Packages and Sources list.",
            "",
            "Prints one line per signature (fingerprint, user id, key algorithm, digest, creation"
                    + " time, status), one per index file checked (absent files are counted), the"
                    + " findings (at most 20 lines per code; --json has them all) and a verdict line."
                    + " The global options go before 'verify': 'debindex --json verify ...' prints one"
                    + " JSON document, 'debindex -q verify ...' only the verdict line.",
            "",
            "For FILEs and --tree it reads only the files named and writes nothing; for sources it"
                    + " writes only the --markdown FILE and its temporary directory.",
        },
        footerHeading = "%nExit status:%n",
        footer = {
            "  0   the chain holds",
            "  1   it does not: a bad, missing or untrusted signature, an unusable",
            "      keyring, an expired Release, an index or pool file that does not match",
            "  2   usage error",
            "  3   a file or directory named cannot be read",
            "  70  internal error (a bug)",
            "",
            "Examples:",
            "  debindex verify",
            "  debindex -q verify --deep --sample 200 'http://mirror.example/debian trixie'",
            "  debindex verify --keyring /usr/share/keyrings/debian-archive-keyring.gpg \\",
            "      /srv/mirror/debian/dists/trixie/InRelease",
            "  debindex verify --keyring /usr/share/keyrings/debian-archive-keyring.gpg \\",
            "      dists/trixie/Release dists/trixie/Release.gpg",
            "  debindex --json verify --keyring /etc/apt/trusted.gpg.d \\",
            "      --tree /srv/mirror/debian --suite trixie --deep --jobs 4",
            "  debindex -q verify --keyring keyring.asc --at 2026-11-26 \\",
            "      dists/trixie/InRelease",
        })
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--keyring", paramLabel = "KEYRING",
            description = "Trusted keys: a binary keyring (.gpg), an armored one (.asc), or a directory of"
                    + " *.gpg and *.asc files (as /etc/apt/trusted.gpg.d); repeatable. Default: for a"
                    + " configured source its Signed-By, else (and for files and trees) the host's apt"
                    + " trusted keyrings.")
    private List<Path> keyrings = new ArrayList<>();

    @Option(names = "--tree", paramLabel = "DIR",
            description = "Audit a local mirror tree (the directory holding dists/ and pool/) instead of"
                    + " FILEs; needs --suite.")
    private Path tree;

    @Option(names = "--suite", paramLabel = "SUITE",
            description = "The suite or codename to audit, as in DIR/dists/SUITE (with --tree).")
    private String suite;

    @Option(names = "--deep",
            description = "Also check the size and digests of every pool file the verified Packages and"
                    + " Sources list (with --tree).")
    private boolean deep;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Pool files hashed at once with --deep (default: the processors, at most 8).")
    private Integer jobs;

    @Option(names = "--sample", paramLabel = "N",
            description = "With --deep, check a random sample of N pool files instead of all.")
    private Integer sample;

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "For configured sources: the architectures whose Packages are checked"
                    + " (repeatable; default the host's).")
    private List<String> architectures = new ArrayList<>();

    @Option(names = "--with-sources", description = "For configured sources: also the Sources of deb-src entries.")
    private boolean withSources;

    @Option(names = "--with-contents", description = "For configured sources: also the Contents files.")
    private boolean withContents;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "For configured sources: also write the audit record to FILE (Markdown).")
    private Path markdown;

    @Option(names = "--at", paramLabel = "TIME",
            description = "Verify as of TIME instead of now. TIME is an ISO-8601 instant"
                    + " (2026-11-26T00:00:00Z), a date (2026-11-26 is 00:00 UTC), or a date as"
                    + " Release files write it ('Sat, 21 Nov 2026 10:00:00 UTC').")
    private String at;

    @Parameters(paramLabel = "FILE|SOURCE", arity = "0..*",
            description = "An InRelease file; or a Release file and its detached Release.gpg; or, when no such"
                    + " file exists, configured sources to audit (a base URI, a suite, or 'URI SUITE' as"
                    + " 'debindex sources' lists them). None: every configured source.")
    private List<String> arguments = new ArrayList<>();

    private List<Path> files = new ArrayList<>();

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, VerificationException, MalformedInputException {
        TrustedKeys.skipModulusPrimalityTest();
        boolean sourceMode = tree == null && arguments.stream().allMatch(VerifyCommand::isSourceSelector);
        if (!sourceMode) {
            files = arguments.stream().map(Path::of).toList();
        }
        checkArguments(sourceMode);
        Instant time = at == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : time(at);
        AuditOptions options = AuditOptions.at(time).withDeep(deep);
        if (jobs != null) {
            options = options.withParallelism(jobs);
        }
        if (sample != null) {
            options = options.withSample(sample);
        }
        if (sourceMode) {
            return verifySources(options);
        }
        for (Path file : files) {
            requireFile(file);
        }
        if (tree != null) {
            requireDirectory(tree);
        }
        TrustReport report = audit(options);
        print(report);
        return report.ok() ? ExitStatus.OK : ExitStatus.NO;
    }

    /**
     * Whether an argument names configured sources rather than a file: it is no existing file, and
     * it is a URI ({@code http://...}, {@code file:/...}), a {@code URI SUITE} pair, or a bare word
     * that is not named like a Release file ({@code trixie}, not {@code InRelease}).
     */
    static boolean isSourceSelector(String argument) {
        if (Files.exists(Path.of(argument))) {
            return false;
        }
        if (argument.matches("[A-Za-z][A-Za-z0-9+.-]*:.*") || argument.contains(" ")) {
            return true;
        }
        return !argument.contains("/") && !argument.endsWith("Release") && !argument.endsWith(".gpg")
                && !argument.endsWith(".asc");
    }

    /** Wrong combinations are usage errors, found before any file is read. */
    private void checkArguments(boolean sourceMode) {
        if (sample != null && !deep) {
            throw usage("--sample needs --deep: it samples the pool files");
        }
        if (sample != null && sample < 1) {
            throw usage("--sample must be at least 1: " + sample);
        }
        if (!sourceMode && (markdown != null || withSources || withContents || !architectures.isEmpty())) {
            throw usage("--markdown, --with-sources, --with-contents and --arch are for configured sources,"
                    + " not for FILE arguments or --tree");
        }
        if (sourceMode) {
            if (suite != null) {
                throw usage("--suite needs --tree DIR: for configured sources, name the source instead");
            }
            if (jobs != null && !deep) {
                throw usage("--jobs needs --deep: only the pool check runs in parallel");
            }
            if (jobs != null && jobs < 1) {
                throw usage("--jobs must be at least 1: " + jobs);
            }
            return;
        }
        if (tree == null) {
            if (files.isEmpty()) {
                throw usage("nothing to verify; expected an InRelease file, a Release file and its Release.gpg,"
                        + " or --tree DIR --suite SUITE");
            }
            if (suite != null) {
                throw usage("--suite needs --tree DIR: it names a suite of a mirror tree");
            }
            if (deep) {
                throw usage("--deep needs --tree DIR --suite SUITE: only a mirror tree has a pool to check");
            }
        } else {
            if (!files.isEmpty()) {
                throw usage("--tree and FILE arguments exclude each other; got " + files.size()
                        + (files.size() == 1 ? " file" : " files") + " besides --tree");
            }
            if (suite == null) {
                throw usage("--tree needs --suite SUITE (a directory name under DIR/dists)");
            }
        }
        if (files.size() > 2) {
            throw usage("too many files: " + files.size()
                    + "; expected an InRelease file, or a Release file and its Release.gpg");
        }
        if (jobs != null && !deep) {
            throw usage("--jobs needs --deep: only the pool check runs in parallel");
        }
        if (jobs != null && jobs < 1) {
            throw usage("--jobs must be at least 1: " + jobs);
        }
    }

    /** Every configured source, or those named, audited where it is served. */
    private int verifySources(AuditOptions options) throws IOException, MalformedInputException, VerificationException {
        String hostArchitecture = architectures.isEmpty() ? Configuration.hostArchitecture() : architectures.get(0);
        SourceList sources = Configuration.sources(main, hostArchitecture, spec.commandLine());
        SourceVerification verification = new SourceVerification(sources,
                architectures.isEmpty() ? List.of(hostArchitecture) : architectures, withSources, withContents);
        if (!main.quiet()) {
            verification.printWarnings(spec.commandLine().getErr());
        }
        Map<String, List<SourceEntry>> selected;
        try {
            selected = verification.select(arguments);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (!main.quiet()) {
            verification.printSkipped(spec.commandLine().getErr());
        }
        if (selected.isEmpty()) {
            throw new NoSuchFileException("sources", null, "no source to audit; give --repo or --sources,"
                    + " or configure apt's sources.list");
        }
        Optional<Keyring> override = keyrings.isEmpty() ? Optional.empty() : Optional.of(Keyring.load(keyrings));
        boolean progress = deep && main.terminal() && !main.quiet() && !main.json();
        ProgressLine line = progress ? new ProgressLine(spec.commandLine().getErr()) : null;
        List<SourceAudit.Report> reports;
        try {
            reports = verification.audit(selected, override, Configuration.layout(main), options,
                    line == null ? AuditProgress.NONE : line);
        } finally {
            if (line != null) {
                line.clear();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (main.json()) {
            SourceAuditOutput.json(reports, out);
        } else {
            SourceAuditOutput.text(reports, main.quiet(), out);
        }
        if (markdown != null) {
            try (PrintWriter md = new PrintWriter(Files.newBufferedWriter(markdown, StandardCharsets.UTF_8))) {
                SourceAuditOutput.markdown(reports, options.at(), md);
                if (md.checkError()) {
                    throw new IOException("cannot write " + markdown);
                }
            } catch (FileSystemException e) {
                throw new IOException("cannot write " + markdown + ": " + ExitStatus.reason(e), e);
            }
        }
        return reports.stream().allMatch(r -> r.trust().ok()) ? ExitStatus.OK : ExitStatus.NO;
    }

    private List<Path> keyringsOrHost() {
        return keyrings.isEmpty() ? Configuration.trustedKeyrings() : keyrings;
    }

    private TrustReport audit(AuditOptions options) throws IOException, VerificationException {
        Keyring keyring;
        try {
            keyring = Keyring.load(keyringsOrHost());
        } catch (VerificationException e) {
            if (e.code() != FindingCode.KEYRING_UNUSABLE) {
                throw e;
            }
            return keyringUnusable(e, options.at());
        }
        return withKeyringWarnings(run(keyring, options), keyring.warnings());
    }

    private TrustReport run(Keyring keyring, AuditOptions options) throws IOException {
        if (tree == null) {
            return files.size() == 1
                    ? ReleaseAudit.inRelease(files.get(0), keyring, options)
                    : ReleaseAudit.detached(files.get(0), files.get(1), keyring, options);
        }
        boolean progress = deep && main.terminal() && !main.quiet() && !main.json();
        if (!progress) {
            return TreeAudit.run(tree, suite, keyring, options, AuditProgress.NONE);
        }
        ProgressLine line = new ProgressLine(spec.commandLine().getErr());
        try {
            return TreeAudit.run(tree, suite, keyring, options, line);
        } finally {
            line.clear();
        }
    }

    /**
     * Keyring files skipped while others gave keys (an armored key named .gpg, a keybox) are
     * KEYRING_UNUSABLE warnings, as apt warns: the audits take a loaded keyring and do not report
     * them, and a user who named the file must hear that it was not used. After the errors, as
     * the report orders its findings.
     */
    static TrustReport withKeyringWarnings(TrustReport report, List<String> warnings) {
        if (warnings.isEmpty()) {
            return report;
        }
        List<Finding> findings = new ArrayList<>();
        report.findings().stream().filter(Finding::isError).forEach(findings::add);
        for (String warning : warnings) {
            // Keyring's warnings are "FILE: what happened"
            int colon = warning.indexOf(": ");
            findings.add(colon < 0
                    ? Finding.warning(FindingCode.KEYRING_UNUSABLE, "keyring", warning)
                    : Finding.warning(FindingCode.KEYRING_UNUSABLE, warning.substring(0, colon), warning.substring(colon + 2)));
        }
        report.findings().stream().filter(f -> !f.isError()).forEach(findings::add);
        return new TrustReport(report.source(), report.suite(), report.at(), report.verification(), report.files(),
                report.pool(), findings);
    }

    /**
     * Keyring files that hold no usable key are the first link of the chain failing: a report
     * with a {@link FindingCode#KEYRING_UNUSABLE} error (exit status 1, and a JSON document with
     * {@code --json}), not an I/O error. A keyring that does not exist is an I/O error (status 3).
     */
    private TrustReport keyringUnusable(VerificationException e, Instant time) {
        String target = keyringsOrHost().stream().map(Path::toString).collect(Collectors.joining(", "));
        String message = e.getMessage();
        if (message.startsWith(target + ": ")) {
            message = message.substring(target.length() + 2);
        }
        String source = tree != null ? tree.toString() : files.get(0).toString();
        return new TrustReport(source, Optional.ofNullable(suite), time, Optional.empty(), List.of(),
                Optional.empty(), List.of(Finding.error(FindingCode.KEYRING_UNUSABLE, target, message)));
    }

    private void print(TrustReport report) {
        PrintWriter out = spec.commandLine().getOut();
        if (main.json()) {
            new TrustReportJson().write(report, out);
        } else if (main.quiet()) {
            out.println(TrustReportText.verdict(report));
        } else {
            new TrustReportText(TrustReportText.DEFAULT_FINDINGS_PER_CODE).write(report, out);
        }
        out.flush();
    }

    /**
     * The instant {@code --at} names: an ISO-8601 date-time with offset
     * ({@code 2026-11-26T00:00:00Z}), an ISO date ({@code 2026-11-26}, 00:00 UTC) or a Release
     * date ({@code Sat, 21 Nov 2026 10:00:00 UTC}).
     *
     * @throws IllegalArgumentException naming the forms, if it is none of them
     */
    static Instant parseTime(String text) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // not this form; try the next
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            // not this form; try the next
        }
        try {
            return Release.parseDate(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value for option '--at': " + quote(text)
                    + "; expected an instant (2026-11-26T00:00:00Z), a date (2026-11-26, meaning 00:00 UTC)"
                    + " or a Release date (\"Sat, 21 Nov 2026 10:00:00 UTC\")", e);
        }
    }

    private Instant time(String text) {
        try {
            return parseTime(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, text);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * A FILE must exist and not be a directory (reading a directory fails without naming it); the
     * audit reports everything else about it.
     *
     * @throws java.nio.file.NoSuchFileException if it does not exist
     * @throws java.nio.file.AccessDeniedException if a directory on its path cannot be searched
     */
    private static void requireFile(Path file) throws IOException {
        if (Files.readAttributes(file, BasicFileAttributes.class).isDirectory()) {
            throw new FileSystemException(file.toString(), null,
                    "is a directory; expected a file (for a mirror tree, use --tree DIR --suite SUITE)");
        }
    }

    private static void requireDirectory(Path dir) throws IOException {
        if (!Files.readAttributes(dir, BasicFileAttributes.class).isDirectory()) {
            throw new FileSystemException(dir.toString(), null, "not a directory; expected a mirror tree");
        }
    }
}
