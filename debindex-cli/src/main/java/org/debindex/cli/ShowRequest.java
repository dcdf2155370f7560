package org.debindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.cli.output.QueryOutput;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.deb822.Field;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageIndex;

/**
 * The arguments of {@code debindex show} and its work; {@link ShowCommand} documents the command.
 *
 * <p>Instances are immutable and thread-safe; {@link #run} is as thread-safe as its context.
 *
 * @param packages {@code NAME}, {@code NAME=VERSION} or {@code NAME/SUITE}; at least one
 * @param filter   {@code --suite} and {@code --arch}
 */
record ShowRequest(List<String> packages, PackageFilter filter) implements QueryRequest {

    /** @throws NullPointerException if a component or package is null */
    ShowRequest {
        packages = List.copyOf(packages);
        Objects.requireNonNull(filter, "filter");
    }

    /**
     * Prints the stanzas and returns the exit status: 1 when a package is not found.
     *
     * @throws UsageException if a package argument is malformed (before anything is read or printed)
     * @throws IOException if the cache cannot be read or has no index
     * @throws MalformedInputException if a verified list is malformed
     * @throws IndexFormatException if the rebuilt snapshot is corrupt
     */
    @Override
    public int run(QueryContext context) throws IOException, MalformedInputException, IndexFormatException {
        List<PackageSpec> specs = Selection.parse(packages);
        Answer<QueryOutput.Stanza> answer = IndexSession.of(context).query(index -> stanzas(index, specs));
        PrintWriter out = context.out();
        if (context.json()) {
            QueryOutput.showJson(answer.found(), out);
        } else {
            QueryOutput.showText(answer.found(), out);
        }
        out.flush();
        return answer.finish(context.err());
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
