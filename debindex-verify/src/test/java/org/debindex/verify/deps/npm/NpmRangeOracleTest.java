package org.debindex.verify.deps.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against node-semver itself (strict mode) over generated ranges and versions:
 * the same ranges are refused and the same versions satisfy the rest. Skipped unless {@code node}
 * and a node-semver copy are installed (npm bundles one; {@code -Ddebindex.nodeSemver=DIR} names
 * another).
 *
 * <p>Versions are generated without node-semver's loose {@code =} prefix, which this reader accepts
 * and strict node-semver does not.
 */
// Agrees with the upstream tool it runs, not with Debian 12's older copy (python3-packaging 23.0
// admits pre-releases differently; node-semver 7.3.5 differs too): excluded from the default run,
// see DEVELOPERS.md for how to run it.
@org.junit.jupiter.api.Tag("upstream-oracle")
class NpmRangeOracleTest {

    private static final String ORACLE = """
            const semver = require(process.argv[2]);
            const lines = require('fs').readFileSync(process.argv[3], 'utf8').split('\\n');
            const out = [];
            for (const line of lines) {
              if (!line) continue;
              const [range, version] = line.split('\\t');
              let r;
              try { r = new semver.Range(range); } catch (e) { out.push('INVALID'); continue; }
              out.push(String(r.test(version)));
            }
            console.log(out.join('\\n'));
            """;

    @TempDir
    Path dir;

    @Test
    void agreesWithNodeSemver() throws Exception {
        Optional<Path> semver = nodeSemver();
        assumeTrue(semver.isPresent(), "node or node-semver not available");
        Random random = new Random(6);
        List<String[]> cases = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            cases.add(new String[] {range(random), version(random)});
        }
        StringBuilder input = new StringBuilder();
        for (String[] c : cases) {
            input.append(c[0]).append('\t').append(c[1]).append('\n');
        }
        Path in = Files.writeString(dir.resolve("cases.tsv"), input);
        Path script = Files.writeString(dir.resolve("oracle.js"), ORACLE);
        Process node = new ProcessBuilder("node", script.toString(), semver.get().toString(), in.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> answers = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(node.waitFor(120, TimeUnit.SECONDS));
        assertEquals(cases.size(), answers.size());
        int invalid = 0;
        int yes = 0;
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String[] c = cases.get(i);
            String ours;
            try {
                ours = String.valueOf(NpmRange.parse(c[0]).isSatisfiedBy(c[1]));
            } catch (MalformedInputException e) {
                ours = "INVALID";
            }
            if (!answers.get(i).equals(ours)) {
                mismatches.add("range \"" + c[0] + "\" version \"" + c[1] + "\": node " + answers.get(i) + ", ours " + ours);
            }
            invalid += ours.equals("INVALID") ? 1 : 0;
            yes += ours.equals("true") ? 1 : 0;
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(40, mismatches.size())), mismatches.size() + " mismatches");
        System.out.printf("npm oracle: %d cases, %d satisfied, %d not, %d invalid ranges%n", cases.size(), yes,
                cases.size() - yes - invalid, invalid);
        assertTrue(yes > 400 && invalid > 50, yes + "/" + invalid);
    }

    private static Optional<Path> nodeSemver() {
        try {
            Process p = new ProcessBuilder("node", "--version").start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
        String configured = System.getProperty("debindex.nodeSemver");
        return Stream.of(configured, "/usr/lib/node_modules/npm/node_modules/semver", "/usr/share/nodejs/semver")
                .filter(s -> s != null && Files.isRegularFile(Path.of(s, "package.json")))
                .map(Path::of).findFirst();
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String version(Random random) {
        StringBuilder v = new StringBuilder(random.nextInt(10) == 0 ? "v" : "");
        v.append(pick(random, "0", "1", "2", "3", "10")).append('.').append(pick(random, "0", "1", "2", "3", "10"))
                .append('.').append(pick(random, "0", "1", "2", "3", "10"));
        if (random.nextInt(10) < 3) {
            v.append('-').append(pick(random, "alpha", "alpha.1", "beta", "0", "rc.1", "1", "beta.2"));
        }
        if (random.nextInt(10) == 0) {
            v.append("+b").append(random.nextInt(3));
        }
        if (random.nextInt(50) == 0) {
            return pick(random, "1.2", "01.2.3", "1.2.3.4", "1.2.3-01", "x", "");
        }
        return v.toString();
    }

    private static String partial(Random random) {
        int parts = 1 + random.nextInt(3);
        StringBuilder p = new StringBuilder(random.nextInt(15) == 0 ? "v" : "");
        boolean numeric = true;
        for (int i = 0; i < parts; i++) {
            String part = random.nextInt(7) == 0 ? pick(random, "x", "X", "*") : pick(random, "0", "1", "2", "3");
            numeric &= Character.isDigit(part.charAt(0));
            p.append(i == 0 ? "" : ".").append(part);
        }
        if (parts == 3 && numeric && random.nextInt(5) == 0) {
            p.append('-').append(pick(random, "alpha", "beta.1", "0", "rc.1"));
        }
        if (random.nextInt(40) == 0) {
            return pick(random, "latest", "1.2.3.4", "01.2", "1.2-beta", "1.x-beta", "");
        }
        return p.toString();
    }

    private static String range(Random random) {
        int sets = random.nextInt(6) == 0 ? 2 : 1;
        StringBuilder r = new StringBuilder();
        for (int s = 0; s < sets; s++) {
            r.append(s == 0 ? "" : " || ");
            if (random.nextInt(7) == 0) {
                r.append(partial(random)).append(" - ").append(partial(random));
                continue;
            }
            int comparators = 1 + random.nextInt(2);
            for (int c = 0; c < comparators; c++) {
                r.append(c == 0 ? "" : " ");
                r.append(pick(random, "", "", "=", "<", "<=", ">", ">=", "~", "~>", "^", "^", "^"));
                r.append(random.nextInt(10) == 0 ? " " : "");
                r.append(random.nextInt(60) == 0 ? pick(random, "=>", "<<") : "");
                r.append(partial(random));
            }
        }
        return r.toString();
    }
}
