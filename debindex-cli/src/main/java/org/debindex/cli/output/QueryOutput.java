package org.debindex.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.debindex.core.deb822.Field;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageOrigin;
import org.debindex.core.index.ReverseDependency;
import org.debindex.core.index.SearchHit;
import org.debindex.core.relation.Alternatives;
import org.debindex.core.relation.Relation;
import org.debindex.core.relation.RelationField;
import org.debindex.core.relation.RelationList;

/**
 * The text and JSON forms of the answers of {@code search}, {@code show}, {@code versions},
 * {@code depends} and {@code rdepends}.
 *
 * <p>Text is terminal-safe (control characters escaped, see {@link TrustReportText}), in
 * columns separated by two spaces (by {@code " | "} for {@code versions}, as apt-cache madison
 * does). Where a package's place is shown as text it is {@code CODENAME/COMPONENT}, the
 * Release's codename (else its suite) since codenames do not move between releases; JSON has
 * {@code suite} and {@code codename} apart. JSON keys are those of the design, plus a few.
 *
 * <p>Static only; stateless and thread-safe (the writers it is given are not).
 */
public final class QueryOutput {

    private QueryOutput() {
    }

    /**
     * One {@code show} stanza: the package and its fields as written, the Description already
     * completed with the long description.
     *
     * @param entry  the package
     * @param fields its fields in order
     */
    public record Stanza(PackageEntry entry, List<Field> fields) {
        /** @throws NullPointerException if a component is null */
        public Stanza {
            Objects.requireNonNull(entry, "entry");
            fields = List.copyOf(fields);
        }
    }

    /**
     * One {@code versions} row: a version of a package in one suite and component, with the
     * architectures it is built for there.
     *
     * @param name          the package
     * @param version       the version as written
     * @param origin        the suite, codename and component (its architecture is not used)
     * @param architectures the package architectures, sorted, at least one
     */
    public record VersionRow(String name, String version, PackageOrigin origin, List<String> architectures) {
        /** @throws NullPointerException if a component is null */
        public VersionRow {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(origin, "origin");
            architectures = List.copyOf(architectures);
        }
    }

    /**
     * The relations of one package for {@code depends}: the fields it has, in the order of
     * {@code relations}' iteration.
     *
     * @param entry     the package
     * @param relations the parsed non-empty relation fields
     */
    public record Relations(PackageEntry entry, Map<RelationField, RelationList> relations) {
        /** @throws NullPointerException if a component is null */
        public Relations {
            Objects.requireNonNull(entry, "entry");
            // LinkedHashMap order is the order to print; Map.copyOf would lose it
            relations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(relations));
        }
    }

    // ---- search

    /**
     * One row per hit, {@code NAME  VERSION  CODENAME/COMPONENT  ARCH  SUMMARY}, columns aligned;
     * each line cut at {@code width} characters when a width is given (a terminal).
     */
    public static void searchText(List<SearchHit> hits, OptionalInt width, PrintWriter out) {
        List<String[]> rows = new ArrayList<>(hits.size());
        for (SearchHit hit : hits) {
            PackageEntry e = hit.entry();
            rows.add(new String[] {e.name(), e.version().toString(), where(e.origin()), e.architecture(), e.summary()});
        }
        columns(rows, "  ", width, out);
    }

    /** An array of {@code {package, version, architecture, suite, codename, component, summary, match}}. */
    public static void searchJson(List<SearchHit> hits, PrintWriter out) {
        JsonWriter json = new JsonWriter(out).beginArray();
        for (SearchHit hit : hits) {
            json.beginObject();
            entryMembers(json, hit.entry());
            json.member("summary", hit.entry().summary()).member("match", hit.match().name()).endObject();
        }
        json.endArray().finish();
    }

    // ---- show

    /** Each stanza as {@code Field: value} lines, stanzas separated by a blank line. */
    public static void showText(List<Stanza> stanzas, PrintWriter out) {
        boolean first = true;
        for (Stanza stanza : stanzas) {
            if (!first) {
                out.write('\n');
            }
            first = false;
            for (Field field : stanza.fields()) {
                String value = field.value();
                // a value that starts on the next line (Description:\n text) keeps no space after the colon
                String head = value.isEmpty() || value.startsWith("\n") ? ":" : ": ";
                line(out, TrustReportText.safe(field.name()) + head + safeLines(value));
            }
        }
    }

    /** An array of {@code {package, version, architecture, suite, codename, component, fields}}. */
    public static void showJson(List<Stanza> stanzas, PrintWriter out) {
        JsonWriter json = new JsonWriter(out).beginArray();
        for (Stanza stanza : stanzas) {
            json.beginObject();
            entryMembers(json, stanza.entry());
            json.name("fields").beginObject();
            for (Field field : stanza.fields()) {
                json.member(field.name(), field.value());
            }
            json.endObject().endObject();
        }
        json.endArray().finish();
    }

    // ---- versions

    /** Madison style: {@code NAME | VERSION | CODENAME/COMPONENT | ARCH, ARCH}, columns aligned. */
    public static void versionsText(List<VersionRow> rows, PrintWriter out) {
        List<String[]> cells = new ArrayList<>(rows.size());
        for (VersionRow row : rows) {
            cells.add(new String[] {row.name(), row.version(), where(row.origin()), String.join(", ", row.architectures())});
        }
        columns(cells, " | ", OptionalInt.empty(), out);
    }

    /** An array of {@code {package, version, suite, codename, component, architectures}}. */
    public static void versionsJson(List<VersionRow> rows, PrintWriter out) {
        JsonWriter json = new JsonWriter(out).beginArray();
        for (VersionRow row : rows) {
            json.beginObject().member("package", row.name()).member("version", row.version())
                    .member("suite", row.origin().suite()).member("codename", row.origin().codename())
                    .member("component", row.origin().component()).name("architectures").beginArray();
            for (String arch : row.architectures()) {
                json.value(arch);
            }
            json.endArray().endObject();
        }
        json.endArray().finish();
    }

    // ---- depends

    /**
     * Per package a heading {@code NAME VERSION ARCH CODENAME/COMPONENT}, then per field one
     * indented line per group of alternatives, {@code Depends: a (>= 1) | b}; packages
     * separated by a blank line.
     */
    public static void dependsText(List<Relations> packages, PrintWriter out) {
        boolean first = true;
        for (Relations p : packages) {
            if (!first) {
                out.write('\n');
            }
            first = false;
            PackageEntry e = p.entry();
            line(out, TrustReportText.safe(e.name() + " " + e.version() + " " + e.architecture() + " " + where(e.origin())));
            for (Map.Entry<RelationField, RelationList> field : p.relations().entrySet()) {
                for (Alternatives group : field.getValue().groups()) {
                    line(out, "  " + field.getKey().fieldName() + ": " + TrustReportText.safe(group.toString()));
                }
            }
        }
    }

    /**
     * An array of {@code {package, version, architecture, suite, codename, component, relations}}
     * where {@code relations} maps each field name to its groups, each group an array of
     * alternatives {@code {package, architectureQualifier, operator, version}} (null when absent).
     */
    public static void dependsJson(List<Relations> packages, PrintWriter out) {
        JsonWriter json = new JsonWriter(out).beginArray();
        for (Relations p : packages) {
            json.beginObject();
            entryMembers(json, p.entry());
            json.name("relations").beginObject();
            for (Map.Entry<RelationField, RelationList> field : p.relations().entrySet()) {
                json.name(field.getKey().fieldName()).beginArray();
                for (Alternatives group : field.getValue().groups()) {
                    json.beginArray();
                    for (Relation relation : group.relations()) {
                        relation(json, relation);
                    }
                    json.endArray();
                }
                json.endArray();
            }
            json.endObject().endObject();
        }
        json.endArray().finish();
    }

    // ---- rdepends

    /**
     * One line per reverse dependency, {@code NAME  VERSION  CODENAME/COMPONENT  ARCH  Field:
     * relation}, the relation followed by {@code | ...} when it has further alternatives and by
     * {@code (via Provides)} when it names a virtual package that the package asked about
     * provides.
     */
    public static void rdependsText(List<ReverseDependency> dependencies, PrintWriter out) {
        RdependsTable table = new RdependsTable(dependencies.size());
        int row = 0;
        for (ReverseDependency d : dependencies) {
            table.measure(row++, d);
        }
        row = 0;
        for (ReverseDependency d : dependencies) {
            table.write(row++, d, out);
        }
    }

    /**
     * The rows of {@link #rdependsText} as {@link #columns} lays them out, written straight from
     * the answer in two passes, widths then rows, without a string per cell or line: an answer can
     * have 45,000 rows. The work per row is a method of its own, which the JVM compiles after a few
     * hundred calls (a loop only after tens of thousands of turns). The cells that rows share come
     * from small caches: the name of the row before (a package in two suites), the place of each
     * origin, each architecture, and the relation cell, of which an answer has a few dozen.
     *
     * <p>Not thread-safe; one per answer.
     */
    private static final class RdependsTable {
        private static final String SEPARATOR = "  ";
        /** Padding and separator come from here: a column is seldom wider. */
        private static final String SPACES = " ".repeat(128);
        /** How many origins and architectures {@link #shared} keeps. */
        private static final int SHARED_CELLS = 16;

        private final int[] widths = new int[4];
        /** The version cells, kept from the first pass. */
        private final String[] versions;
        /** Origins and architecture names, each followed by its cell. */
        private final List<Object> places = new ArrayList<>(2 * SHARED_CELLS);
        private final Map<Relation, String[]> relationCells = new IdentityHashMap<>();
        private String name;
        private String safeName;
        private int nameLength;

        RdependsTable(int rows) {
            versions = new String[rows];
        }

        void measure(int row, ReverseDependency d) {
            PackageEntry e = d.dependent();
            String version = TrustReportText.safe(e.version().toString());
            versions[row] = version;
            widths[0] = Math.max(widths[0], nameLength(e.name()));
            widths[1] = Math.max(widths[1], length(version));
            widths[2] = Math.max(widths[2], length(shared(e.origin())));
            widths[3] = Math.max(widths[3], length(shared(e.architecture())));
        }

        void write(int row, ReverseDependency d, PrintWriter out) {
            PackageEntry e = d.dependent();
            nameLength(e.name());
            cell(out, safeName, nameLength, widths[0]);
            String version = versions[row];
            cell(out, version, length(version), widths[1]);
            String place = shared(e.origin());
            cell(out, place, length(place), widths[2]);
            String architecture = shared(e.architecture());
            cell(out, architecture, length(architecture), widths[3]);
            out.write(relationCell(d));
            out.write('\n');
        }

        /** A cell and the spaces that pad it to {@code width}, then the separator. */
        private static void cell(PrintWriter out, String text, int length, int width) {
            out.write(text);
            for (int pad = width - length + SEPARATOR.length(); pad > 0; pad -= SPACES.length()) {
                out.write(SPACES, 0, Math.min(pad, SPACES.length()));
            }
        }

        /** The length of the name made safe, which is kept as {@link #safeName}. */
        private int nameLength(String text) {
            if (text != name) { // the same instance for the rows of one package name
                name = text;
                safeName = TrustReportText.safe(text);
                nameLength = length(safeName);
            }
            return nameLength;
        }

        /**
         * The cell of an origin ({@code CODENAME/COMPONENT}) or of an architecture name: an answer
         * has a few of each, every one a single instance, found here by identity.
         */
        private String shared(Object value) {
            for (int i = 0; i < places.size(); i += 2) {
                if (places.get(i) == value) {
                    return (String) places.get(i + 1);
                }
            }
            String cell = TrustReportText.safe(value instanceof PackageOrigin origin ? where(origin) : (String) value);
            if (places.size() < 2 * SHARED_CELLS) { // answers not from an index may have an instance per row
                places.add(value);
                places.add(cell);
            }
            return cell;
        }

        /** {@code Field: relation}, with {@code  | ...} and {@code  (via Provides)} as they apply. */
        private String relationCell(ReverseDependency d) {
            String[] cells = relationCells.get(d.relation());
            if (cells == null) {
                cells = new String[RelationField.values().length * 4];
                relationCells.put(d.relation(), cells);
            }
            int slot = d.field().ordinal() * 4 + (d.followedByAlternative() ? 2 : 0) + (d.viaProvides() ? 1 : 0);
            String cell = cells[slot];
            if (cell == null) {
                cell = TrustReportText.safe(d.field().fieldName() + ": " + d.relation()
                        + (d.followedByAlternative() ? " | ..." : "") + (d.viaProvides() ? " (via Provides)" : ""));
                // as columns() leaves a line: without trailing spaces (the field name keeps it non-empty)
                int end = cell.length();
                while (end > 0 && cell.charAt(end - 1) == ' ') {
                    end--;
                }
                cell = cell.substring(0, end);
                cells[slot] = cell;
            }
            return cell;
        }
    }

    /**
     * An array of {@code {package, version, architecture, suite, codename, component, field,
     * relation, alternativeFollows, viaProvides}}, {@code relation} as in {@link #dependsJson}.
     */
    public static void rdependsJson(List<ReverseDependency> dependencies, PrintWriter out) {
        JsonWriter json = new JsonWriter(out).beginArray();
        for (ReverseDependency d : dependencies) {
            rdependsObject(json, d);
        }
        json.endArray().finish();
    }

    /** One element of {@link #rdependsJson}: a method, which the JVM compiles long before the loop. */
    private static void rdependsObject(JsonWriter json, ReverseDependency d) {
        json.beginObject();
        entryMembers(json, d.dependent());
        json.member("field", d.field().fieldName()).name("relation");
        relation(json, d.relation());
        json.member("alternativeFollows", d.followedByAlternative()).member("viaProvides", d.viaProvides())
                .endObject();
    }

    // ---- parts

    /**
     * The text with control characters escaped, for a message on stderr that names packages
     * from the index or arguments from the command line.
     */
    public static String safe(String text) {
        return TrustReportText.safe(text);
    }

    /** {@code CODENAME/COMPONENT}; the suite when the Release names no codename, no slash without a component. */
    public static String where(PackageOrigin origin) {
        String suite = origin.codename().isEmpty() ? origin.suite() : origin.codename();
        return origin.component().isEmpty() ? suite : suite + "/" + origin.component();
    }

    private static void entryMembers(JsonWriter json, PackageEntry e) {
        json.member("package", e.name()).member("version", e.version().toString())
                .member("architecture", e.architecture()).member("suite", e.origin().suite())
                .member("codename", e.origin().codename()).member("component", e.origin().component());
    }

    private static void relation(JsonWriter json, Relation relation) {
        json.beginObject().member("package", relation.packageName())
                .member("architectureQualifier", relation.architectureQualifier())
                .member("operator", relation.version().map(v -> v.operator().symbol()))
                .member("version", relation.version().map(v -> v.version().toString()))
                .endObject();
    }

    /**
     * Rows in aligned columns (the last one not padded), each line cut at {@code width}
     * characters when given.
     */
    static void columns(List<String[]> rows, String separator, OptionalInt width, PrintWriter out) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.get(0).length;
        int[] widths = new int[n];
        List<String[]> safe = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            String[] cells = new String[n];
            for (int i = 0; i < n; i++) {
                cells[i] = TrustReportText.safe(row[i]);
                widths[i] = Math.max(widths[i], length(cells[i]));
            }
            safe.add(cells);
        }
        StringBuilder b = new StringBuilder();
        for (String[] cells : safe) {
            b.setLength(0);
            for (int i = 0; i < n; i++) {
                b.append(cells[i]);
                if (i < n - 1) {
                    b.append(" ".repeat(widths[i] - length(cells[i]))).append(separator);
                }
            }
            int end = b.length();
            while (end > 0 && b.charAt(end - 1) == ' ') {
                end--; // an empty last cell (no summary) leaves no trailing spaces
            }
            b.setLength(end);
            line(out, width.isPresent() ? cut(b.toString(), width.getAsInt()) : b.toString());
        }
    }

    /** Characters as a terminal counts them, roughly: code points. */
    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static String cut(String s, int width) {
        if (length(s) <= width) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, Math.max(0, width)));
    }

    /** A multi-line value with every line made safe and the line breaks kept. */
    private static String safeLines(String value) {
        if (value.indexOf('\n') < 0) {
            return TrustReportText.safe(value);
        }
        StringBuilder b = new StringBuilder(value.length());
        int from = 0;
        while (true) {
            int nl = value.indexOf('\n', from);
            b.append(TrustReportText.safe(nl < 0 ? value.substring(from) : value.substring(from, nl)));
            if (nl < 0) {
                return b.toString();
            }
            b.append('\n');
            from = nl + 1;
        }
    }

    private static void line(PrintWriter out, String line) {
        out.write(line);
        out.write('\n');
    }
}
