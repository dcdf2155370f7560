package org.debindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.debindex.cli.output.QueryOutput;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.PackageOrigin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code debindex versions}: every version of packages across the indexed suites, one row per
 * version, suite and component, as {@code apt-cache madison} prints them.
 *
 * <p>Not thread-safe: picocli fills one instance per run.
 */
@Command(
        name = "versions",
        sortOptions = false,
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        description = {
            "List every version of the packages in every indexed suite.",
            "",
            "Prints one line per package, version, suite and component, newest version first"
                    + " (Debian order): NAME | VERSION | CODENAME/COMPONENT | ARCHITECTURES, the"
                    + " architectures it is built for there joined by ', '. With --json one JSON"
                    + " array.",
            "",
            "Reads the index of the cache (--cache-dir), rebuilding index/packages.idx from lists/"
                    + " when it is missing, outdated or corrupt. Run 'debindex update' first.",
        },
        footerHeading = "%nExit status:%n",
        footer = {
            "  0   every package was found",
            "  1   a package is not in the index (or has no version for --suite and --arch)",
            "  2   usage error",
            "  3   no index in the cache (run 'debindex update'), or the cache cannot be read",
            "  70  internal error (a bug)",
            "",
            "Examples:",
            "  debindex --repo 'deb http://mirror.example/debian trixie main' \\",
            "      --repo 'deb http://mirror.example/debian bookworm main' update",
            "  debindex versions bash coreutils",
            "  debindex --json versions --suite trixie --arch amd64 nginx",
        })
final class VersionsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PKG", arity = "1..*", description = "Package names.")
    private List<String> packages;

    @Mixin
    private PackageFilter filter;

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, MalformedInputException, IndexFormatException {
        List<PackageSpec> specs = new ArrayList<>();
        for (String name : packages) {
            // a plain name: NAME=VERSION would select what this command is asked to list
            specs.add(new PackageSpec(name, java.util.Optional.empty(), java.util.Optional.empty()));
        }
        PrintWriter err = spec.commandLine().getErr();
        Answer<QueryOutput.VersionRow> answer = IndexSession.of(main, err).query(index -> rows(index, specs));
        PrintWriter out = spec.commandLine().getOut();
        if (main.json()) {
            QueryOutput.versionsJson(answer.found(), out);
        } else {
            QueryOutput.versionsText(answer.found(), out);
        }
        out.flush();
        return answer.finish(err);
    }

    private Answer<QueryOutput.VersionRow> rows(PackageIndex index, List<PackageSpec> specs) throws IndexFormatException {
        List<QueryOutput.VersionRow> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PackageSpec p : specs) {
            Selection selection = Selection.of(index, p, filter);
            if (selection.entries().isEmpty()) {
                problems.add(selection.problem(index));
                continue;
            }
            // entries come newest first, so the first of a (version, suite, component) places its row
            Map<List<String>, TreeSet<String>> archs = new LinkedHashMap<>();
            Map<List<String>, PackageEntry> first = new LinkedHashMap<>();
            for (PackageEntry e : selection.entries()) {
                PackageOrigin o = e.origin();
                List<String> key = List.of(e.version().toString(), o.suite(), o.codename(), o.component());
                archs.computeIfAbsent(key, k -> new TreeSet<>()).add(e.architecture());
                first.putIfAbsent(key, e);
            }
            for (Map.Entry<List<String>, PackageEntry> row : first.entrySet()) {
                PackageEntry e = row.getValue();
                PackageOrigin o = e.origin();
                found.add(new QueryOutput.VersionRow(e.name(), e.version().toString(),
                        new PackageOrigin(o.suite(), o.codename(), o.component(), ""), List.copyOf(archs.get(row.getKey()))));
            }
        }
        return new Answer<>(found, problems);
    }
}
