package org.debindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.debindex.cli.output.QueryOutput;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.deb822.Field;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code debindex show}: the stanzas of packages as their Packages files have them, with the
 * long description from the Translation files merged in as {@code apt-cache show} does.
 *
 * <p>Not thread-safe: picocli fills one instance per run.
 */
@Command(
        name = "show",
        sortOptions = false,
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        description = {
            "Print the full stanza of each version of the packages.",
            "",
            "PKG is a package name, NAME=VERSION for one version, or NAME/SUITE for the versions"
                    + " of one suite or codename. Prints every matching stanza as its Packages file"
                    + " has it, stanzas separated by a blank line; when the Packages file carries only"
                    + " the synopsis, the long description from the Translation file is added to"
                    + " Description, as apt-cache show does. A package listed by several Packages files"
                    + " of one suite and component (an 'all' package for amd64 and i386) is printed"
                    + " once. With --json one JSON array, each stanza's fields in order.",
            "",
            "Reads the index of the cache (--cache-dir), rebuilding index/packages.idx from lists/"
                    + " when it is missing, outdated or corrupt. Run 'debindex update' first.",
        },
        footerHeading = "%nExit status:%n",
        footer = {
            "  0   every package was found",
            "  1   a package (or the version or suite asked for) is not in the index",
            "  2   usage error",
            "  3   no index in the cache (run 'debindex update'), or the cache cannot be read",
            "  70  internal error (a bug)",
            "",
            "Examples:",
            "  debindex --repo 'deb http://mirror.example/debian trixie main' update",
            "  debindex show bash",
            "  debindex show bash/trixie coreutils=9.7-3",
            "  debindex --json show --arch amd64 bash",
        })
final class ShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PKG", arity = "1..*", description = "NAME, NAME=VERSION or NAME/SUITE.")
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
        List<PackageSpec> specs = Selection.parse(packages, spec.commandLine());
        PrintWriter err = spec.commandLine().getErr();
        Answer<QueryOutput.Stanza> answer = IndexSession.of(main, err).query(index -> stanzas(index, specs));
        PrintWriter out = spec.commandLine().getOut();
        if (main.json()) {
            QueryOutput.showJson(answer.found(), out);
        } else {
            QueryOutput.showText(answer.found(), out);
        }
        out.flush();
        return answer.finish(err);
    }

    private Answer<QueryOutput.Stanza> stanzas(PackageIndex index, List<PackageSpec> specs) throws IndexFormatException {
        List<QueryOutput.Stanza> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PackageSpec p : specs) {
            Selection selection = Selection.of(index, p, filter);
            if (selection.entries().isEmpty()) {
                problems.add(selection.problem(index));
                continue;
            }
            for (PackageEntry entry : selection.entries()) {
                found.add(new QueryOutput.Stanza(entry, fields(index, entry)));
            }
        }
        return new Answer<>(found, problems);
    }

    /**
     * The stanza's fields, with the long description appended to a Description that has only
     * its synopsis: continuation lines indented by one space, an empty line as {@code .}
     * (Policy §5.6.13).
     */
    static List<Field> fields(PackageIndex index, PackageEntry entry) throws IndexFormatException {
        Paragraph paragraph = index.binaryPackage(entry).paragraph();
        List<Field> fields = new ArrayList<>(paragraph.fields());
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            if (!field.name().equalsIgnoreCase("Description") || field.value().indexOf('\n') >= 0) {
                continue;
            }
            Optional<String> longText = index.longDescription(entry);
            if (longText.isPresent() && !longText.get().isEmpty()) {
                StringBuilder value = new StringBuilder(field.value());
                for (String line : longText.get().split("\n", -1)) {
                    value.append("\n ").append(line.isEmpty() ? "." : line);
                }
                fields.set(i, new Field(field.name(), value.toString(), field.line()));
            }
            break;
        }
        return fields;
    }
}
