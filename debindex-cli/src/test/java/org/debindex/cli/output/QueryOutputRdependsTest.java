package org.debindex.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageOrigin;
import org.debindex.core.index.ReverseDependency;
import org.debindex.core.relation.Operator;
import org.debindex.core.relation.Relation;
import org.debindex.core.relation.RelationField;
import org.debindex.core.relation.VersionConstraint;
import org.debindex.core.version.DebianVersion;
import org.junit.jupiter.api.Test;

/** rdependsText writes its rows itself; they must be what {@link QueryOutput#columns} makes of them. */
class QueryOutputRdependsTest {

    private static final String[] NAMES = {
        "0ad", "libc6", "x", "é-accent", "clef-𝄞-pair", "bell\u0007name", "esc\u001b[31mred", "line\u2028sep",
        "n".repeat(300),
    };
    private static final String[] ARCHITECTURES = {"amd64", "all", "arm\u0085x", "i386"};
    private static final PackageOrigin[] ORIGINS = {
        new PackageOrigin("testing", "trixie", "main", "amd64"),
        new PackageOrigin("stable", "bookworm", "contrib", "amd64"),
        new PackageOrigin("unstable", "", "main", "amd64"),
        new PackageOrigin("local", "", "", "all"),
        new PackageOrigin("odd", "code\u009bname", "non-free", "amd64"),
    };
    private static final String[] VERSIONS = {"1.0", "2:1.2.3-4+b1", "0.27.0-2+b1", "1.0~rc1-1", "9".repeat(140)};
    private static final Relation[] RELATIONS = {
        Relation.of("libc6", Operator.LATER_OR_EQUAL, DebianVersion.of("2.36")),
        Relation.of("libc6"),
        new Relation("libc6", Optional.of("any"), Optional.of(new VersionConstraint(Operator.STRICTLY_EARLIER, DebianVersion.of("3"),
                false)), Optional.empty(), Optional.empty()),
        new Relation("mail-transport-agent", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
    };

    @Test
    void randomAnswersAreLaidOutAsColumnsLaysThemOut() {
        Random random = new Random(44755);
        for (int round = 0; round < 200; round++) {
            List<ReverseDependency> answer = new ArrayList<>();
            int rows = round == 0 ? 0 : random.nextInt(40) + 1;
            for (int i = 0; i < rows; i++) {
                // fresh strings as well as shared instances: the table's caches go by identity
                String name = NAMES[random.nextInt(NAMES.length)];
                PackageEntry entry = new PackageEntry(i, random.nextBoolean() ? name : new String(name),
                        DebianVersion.of(VERSIONS[random.nextInt(VERSIONS.length)]),
                        new String(ARCHITECTURES[random.nextInt(ARCHITECTURES.length)]),
                        ORIGINS[random.nextInt(ORIGINS.length)], "summary");
                RelationField field = RelationField.values()[random.nextInt(RelationField.values().length)];
                answer.add(new ReverseDependency(entry, field, RELATIONS[random.nextInt(RELATIONS.length)],
                        random.nextBoolean(), random.nextBoolean()));
            }
            assertEquals(throughColumns(answer), written(answer), "round " + round);
        }
    }

    @Test
    void aLineOfTheTable() {
        PackageEntry entry = new PackageEntry(0, "0ad", DebianVersion.of("0.27.0-2+b1"), "amd64", ORIGINS[0], "a game");
        PackageEntry longer = new PackageEntry(1, "0install", DebianVersion.of("2.18-2.1"), "all", ORIGINS[1], "");
        String text = written(List.of(
                new ReverseDependency(entry, RelationField.DEPENDS, RELATIONS[0], false, false),
                new ReverseDependency(longer, RelationField.SUGGESTS, RELATIONS[3], true, true)));
        assertEquals("0ad       0.27.0-2+b1  trixie/main       amd64  Depends: libc6 (>= 2.36)\n"
                + "0install  2.18-2.1     bookworm/contrib  all    Suggests: mail-transport-agent | ... (via Provides)\n",
                text);
    }

    private static String written(List<ReverseDependency> answer) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            QueryOutput.rdependsText(answer, out);
        }
        return text.toString();
    }

    /** The rows as rdependsText made them before it wrote them itself. */
    private static String throughColumns(List<ReverseDependency> answer) {
        List<String[]> rows = new ArrayList<>();
        for (ReverseDependency d : answer) {
            PackageEntry e = d.dependent();
            rows.add(new String[] {e.name(), e.version().toString(), QueryOutput.where(e.origin()), e.architecture(),
                d.field().fieldName() + ": " + d.relation() + (d.followedByAlternative() ? " | ..." : "")
                        + (d.viaProvides() ? " (via Provides)" : "")});
        }
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            QueryOutput.columns(rows, "  ", OptionalInt.empty(), out);
        }
        return text.toString();
    }
}
