package org.debindex.core.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.debindex.core.MalformedInputException;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A differential check against apt's own parser through python3-apt: for every relation field of
 * trixie's Packages and Sources, apt and this package must find the same OR-groups with the same
 * alternatives, qualifiers, operators and versions.
 *
 * <p>For Sources, apt's {@code parse_src_depends} evaluates architecture restrictions and build
 * profiles for a host architecture and a set of active profiles and drops what does not apply;
 * the Java side does the same with {@link RelationList#evaluatedFor}, so this also checks the
 * wildcard and profile evaluation on real data, for three hosts: amd64 with no profile, armhf with
 * {@code nocheck nodoc}, hurd-i386 with {@code stage1 cross}. Skipped with a reason when
 * python3-apt is missing.
 */
class RelationListAptTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** Prints one line per record: the groups apt found, or ERROR. Records are NUL-separated. */
    private static final String SCRIPT = String.join("\n",
            "import sys, apt_pkg",
            "apt_pkg.init()",
            "data = open(sys.argv[1], encoding='utf-8').read().split('\\0')",
            "arch = sys.argv[2]",
            "out = []",
            "for rec in data[:-1]:",
            "    kind, value = rec.split('\\x01', 1)",
            "    try:",
            "        if kind == 'S':",
            "            groups = apt_pkg.parse_src_depends(value, False, arch)",
            "        else:",
            "            groups = apt_pkg.parse_depends(value, False)",
            "        out.append(', '.join(' | '.join(n + (' (%s %s)' % (op, v) if op else '') for n, v, op in g)"
                    + " for g in groups))",
            "    except Exception as e:",
            "        out.append('ERROR ' + str(e))",
            "sys.stdout.write('\\n'.join(out) + '\\n')",
            "");

    @TempDir
    Path tmp;

    @Test
    void trixie_packages_agree_with_apt() throws IOException, InterruptedException {
        Values values = read(SharedTestData.dists("trixie", "main/binary-amd64/Packages.xz"));
        compare(values, "amd64", Set.of());
    }

    @Test
    void trixie_sources_agree_with_apt() throws IOException, InterruptedException {
        Values values = read(SharedTestData.dists("trixie", "main/source/Sources.xz"));
        compare(values, "amd64", Set.of());
        compare(values, "armhf", Set.of("nocheck", "nodoc"));
        compare(values, "hurd-i386", Set.of("stage1", "cross"));
    }

    /** The relation field values of one file, with their fields. */
    private record Values(String file, List<RelationField> fields, List<String> values) {
    }

    private static Values read(Path file) throws IOException {
        List<RelationField> fields = new ArrayList<>();
        List<String> values = new ArrayList<>();
        TestStanzas.readXz(file, (stanza, name, value) -> {
            Optional<RelationField> field = RelationField.forName(name);
            if (field.isPresent()) {
                fields.add(field.get());
                values.add(value);
            }
        });
        return new Values(file.getFileName().toString(), fields, values);
    }

    private void compare(Values data, String architecture, Set<String> profiles)
            throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), PYTHON + " missing: differential check against python3-apt skipped");
        assumeTrue(run(List.of(PYTHON.toString(), "-c", "import apt_pkg"), null, Set.of()).exitCode == 0,
                "python3-apt (apt_pkg) not importable: differential check against apt skipped");
        List<RelationField> fields = data.fields();
        List<String> values = data.values();
        Path input = tmp.resolve("values");
        try (Writer w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (int i = 0; i < values.size(); i++) {
                w.write(fields.get(i).isSourceField() ? 'S' : 'B');
                w.write('\u0001');
                w.write(values.get(i));
                w.write('\u0000');
            }
        }
        Path script = tmp.resolve("apt_parse.py");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        Result apt = run(List.of(PYTHON.toString(), script.toString(), input.toString(), architecture),
                tmp.resolve("out"), profiles);
        assertEquals(0, apt.exitCode, apt.output);
        List<String> aptLines = Files.readAllLines(tmp.resolve("out"), StandardCharsets.UTF_8);
        assertEquals(values.size(), aptLines.size(), "one apt answer per value");

        List<String> disagreements = new ArrayList<>();
        int groups = 0;
        int alternatives = 0;
        for (int i = 0; i < values.size(); i++) {
            RelationField field = fields.get(i);
            String ours;
            try {
                RelationList list = RelationList.parse(values.get(i), field);
                if (field.isSourceField()) {
                    list = list.evaluatedFor(architecture, profiles);
                }
                groups += list.groups().size();
                alternatives += list.allRelations().size();
                ours = aptStyle(list);
            } catch (MalformedInputException e) {
                ours = "ERROR " + e.getMessage();
            }
            if (!ours.equals(aptLines.get(i)) && disagreements.size() < 10) {
                disagreements.add(field + ": " + values.get(i) + "\n   apt:  " + aptLines.get(i)
                        + "\n   ours: " + ours);
            }
        }
        System.out.printf("%s: apt and debindex agree on %,d relation fields (%,d groups, %,d alternatives%s)%n",
                data.file(), values.size(), groups, alternatives, fields.get(0).isSourceField()
                        ? " for " + architecture + " with profiles " + new java.util.TreeSet<>(profiles) : "");
        assertEquals(List.of(), disagreements);
        assertTrue(values.size() > 40_000, "only " + values.size() + " values compared");
    }

    /** The list as the Python script prints apt's result: apt writes "<<" as "<" and ">>" as ">". */
    private static String aptStyle(RelationList list) {
        StringBuilder out = new StringBuilder();
        for (Alternatives group : list.groups()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            boolean first = true;
            for (Relation r : group.relations()) {
                if (!first) {
                    out.append(" | ");
                }
                first = false;
                out.append(r.packageName());
                r.architectureQualifier().ifPresent(q -> out.append(':').append(q));
                if (r.version().isPresent()) {
                    VersionConstraint v = r.version().get();
                    String op = v.operator() == Operator.STRICTLY_EARLIER ? "<"
                            : v.operator() == Operator.STRICTLY_LATER ? ">" : v.operator().symbol();
                    out.append(" (").append(op).append(' ').append(v.version()).append(')');
                }
            }
        }
        return out.toString();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Path stdout, Set<String> profiles)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        // apt takes the active build profiles from DEB_BUILD_PROFILES; nothing else may leak in
        pb.environment().remove("DEB_BUILD_OPTIONS");
        if (profiles.isEmpty()) {
            pb.environment().remove("DEB_BUILD_PROFILES");
        } else {
            pb.environment().put("DEB_BUILD_PROFILES", String.join(" ", profiles));
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path err = Files.createTempFile("apt-check", ".err");
        try {
            pb.redirectError(err.toFile());
            pb.redirectOutput(stdout == null
                    ? ProcessBuilder.Redirect.DISCARD
                    : ProcessBuilder.Redirect.to(stdout.toFile()));
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            return new Result(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
