package org.debindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.debindex.cli.output.CheckOutput;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.update.SuiteManifest;
import org.debindex.core.update.VerifiedIndex;
import org.debindex.verify.deps.CheckResult;
import org.debindex.verify.deps.DeclaredDependency;
import org.debindex.verify.deps.DependencyCheck;
import org.debindex.verify.deps.Manifests;
import org.debindex.verify.deps.debian.CachedContents;
import org.debindex.verify.deps.debian.CachedMapping;
import org.debindex.verify.deps.debian.ContentsMapping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code debindex check}: the dependencies of a project's manifests against one Debian suite of
 * the cache, as {@link DependencyCheck} decides them.
 *
 * <p>Not thread-safe: picocli fills one instance per run.
 */
@Command(
        name = "check",
        sortOptions = false,
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        description = {
            "Check the dependencies of project manifests against a Debian suite.",
            "",
            "Reads pom.xml, requirements*.txt, pyproject.toml, package.json, go.mod, Cargo.toml,"
                    + " Gemfile (or Gemfile.lock), cpanfile and composer.json files, named or found in"
                    + " directories (not below target, build, node_modules, vendor, .git, dist,"
                    + " __pycache__, .venv, venv). Each runtime dependency is mapped to the package of"
                    + " the suite that ships it, by the verified Contents and Sources files of the"
                    + " cache (--cache-dir; 'debindex update --with-contents' fetches them), and its"
                    + " upstream version is compared with the requested range by the ecosystem's"
                    + " rules: AVAILABLE, TOO_OLD, MISSING or UNKNOWN. Test, dev and optional"
                    + " dependencies are left out unless --include-dev.",
            "",
            "Prints a table ECOSYSTEM NAME REQUESTED STATUS PACKAGE VERSION REASON, or with --json"
                    + " one JSON object. Writes nothing but the --markdown file.",
        },
        footerHeading = "%nExit status:%n",
        footer = {
            "  0   every listed runtime dependency is available",
            "  1   a runtime dependency is missing, too old or unknown",
            "  2   usage error",
            "  3   a manifest cannot be read or parsed (the others are still checked),",
            "      or the cache has no verified Contents or index for the suite",
            "  70  internal error (a bug)",
            "",
            "Examples:",
            "  debindex --repo 'deb http://mirror.example/debian trixie main' \\",
            "      update --with-contents",
            "  debindex check .",
            "  debindex --json check --suite trixie pom.xml requirements.txt",
            "  debindex check --markdown DEBIAN-DEPENDENCIES.md .",
        })
final class CheckCommand implements Callable<Integer> {

    /** The cache holds no verified Contents for the suite: status 3, as for any missing input. */
    static final class NoContentsException extends IOException {
        private static final long serialVersionUID = 1L;

        NoContentsException(Optional<String> suite, CacheLayout layout) {
            super("no verified Contents files" + suite.map(s -> " for suite " + s).orElse("") + " in "
                    + layout.root() + ": run 'debindex update --with-contents' first");
        }
    }

    @Parameters(paramLabel = "MANIFEST|DIR", arity = "1..*", description = "Manifest files, or directories to search.")
    private List<Path> paths;

    @Option(names = "--suite", paramLabel = "SUITE",
            description = "The suite or codename to check against (default: the suite of the first"
                    + " verified Contents file in the cache).")
    private String suite;

    @Option(names = "--include-dev", description = "Also list test, dev and optional dependencies.")
    private boolean includeDev;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "Also write the record of what comes from Debian and what must be packaged to FILE.")
    private Path markdown;

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, MalformedInputException, IndexFormatException {
        PrintWriter err = spec.commandLine().getErr();
        CacheLayout layout = Configuration.layout(main);
        List<VerifiedIndex> verified = SuiteManifest.verifiedIndexes(layout);
        Optional<String> chosen = Optional.ofNullable(suite).or(() -> CachedContents.defaultSuite(verified));
        List<VerifiedIndex> contents = chosen.map(s -> CachedContents.forSuite(verified, s)).orElse(List.of());
        if (contents.isEmpty()) {
            throw new NoContentsException(chosen, layout);
        }
        String checked = chosen.get();
        ContentsMapping mapping = CachedMapping.open(layout, checked, CachedContents.mappingInputs(verified, checked))
                .mapping();

        boolean unreadable = false;
        List<Manifests.Content> manifests = new ArrayList<>();
        for (Path file : Manifests.find(paths)) {
            try {
                manifests.add(Manifests.read(file));
            } catch (MalformedInputException e) {
                unreadable = true;
                err.println("debindex: " + e.getMessage());
            } catch (IOException e) {
                unreadable = true;
                err.println("debindex: " + ExitStatus.describe(e));
            }
        }
        err.flush();

        List<CheckResult> results = IndexSession.of(main, err).query(index -> {
            DependencyCheck check = new DependencyCheck(mapping, index, checked);
            List<CheckResult> out = new ArrayList<>();
            for (Manifests.Content m : manifests) {
                for (DeclaredDependency d : m.dependencies()) {
                    if (Manifests.isOwnModule(d, manifests)) {
                        continue; // built with the project, not Debian's to ship
                    }
                    if (includeDev || DependencyCheck.isRequiredAtRuntime(d)) {
                        out.add(check.check(d, Optional.ofNullable(m.unresolved().get(d))));
                    }
                }
            }
            return out;
        });
        int own = (int) manifests.stream().flatMap(m -> m.dependencies().stream())
                .filter(d -> Manifests.isOwnModule(d, manifests)).count();
        int all = manifests.stream().mapToInt(m -> m.dependencies().size()).sum() - own;
        boolean ok = results.stream().allMatch(r -> r.status() == CheckResult.Status.AVAILABLE
                || !DependencyCheck.isRequiredAtRuntime(r.dependency()));
        CheckOutput.Report report = new CheckOutput.Report(checked, suite == null, results, all - results.size(), own, ok);

        PrintWriter out = spec.commandLine().getOut();
        if (main.json()) {
            CheckOutput.json(report, out);
        } else {
            CheckOutput.text(report, out);
        }
        out.flush();
        if (markdown != null) {
            try (Writer w = Files.newBufferedWriter(markdown, StandardCharsets.UTF_8);
                    PrintWriter md = new PrintWriter(w)) {
                // the date of the data, not of the run: the record then says what it rests on,
                // and the same data gives the same record
                Optional<Instant> released = contents.stream().map(VerifiedIndex::releaseDate)
                        .flatMap(Optional::stream).max(Comparator.naturalOrder());
                CheckOutput.markdown(report, released, md);
                if (md.checkError()) {
                    throw new IOException("cannot write " + markdown);
                }
            } catch (java.nio.file.FileSystemException e) {
                // ExitStatus words file errors as reads, since the other commands only read
                throw new IOException("cannot write " + markdown + ": " + ExitStatus.reason(e), e);
            }
        }
        return unreadable ? ExitStatus.DATA : ok ? ExitStatus.OK : ExitStatus.NO;
    }
}
