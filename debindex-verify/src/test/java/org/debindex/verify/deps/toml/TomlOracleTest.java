package org.debindex.verify.deps.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against Python's {@code tomllib} (python3 3.11 or later): handwritten
 * documents, generated ones and one-character mutations of them must be accepted or refused by
 * both, and when accepted give the same tree. Skipped, visibly, without python3 and tomllib.
 */
class TomlOracleTest {

    private static final String SCRIPT = """
            import sys, os, re, tomllib, datetime
            def q(s):
                out = ['"']
                for c in s:
                    if c == '"': out.append('\\\\"')
                    elif c == '\\\\': out.append('\\\\\\\\')
                    elif ord(c) < 0x20 or ord(c) == 0x7f: out.append('\\\\u%04x' % ord(c))
                    else: out.append(c)
                out.append('"')
                return ''.join(out)
            def key(k):
                return k if re.fullmatch(r'[A-Za-z0-9_-]+', k) else q(k)
            def walk(path, v, out):
                if isinstance(v, dict):
                    if not v and path: out.append(path + ' table')
                    for k, x in v.items(): walk(key(k) if not path else path + '.' + key(k), x, out)
                elif isinstance(v, list):
                    if not v: out.append(path + ' array')
                    for i, x in enumerate(v): walk('%s[%d]' % (path, i), x, out)
                elif isinstance(v, bool): out.append(path + ' bool ' + str(v).lower())
                elif isinstance(v, int): out.append(path + ' int ' + str(v))
                elif isinstance(v, float): out.append(path + ' float ' + repr(v))
                elif isinstance(v, str): out.append(path + ' str ' + q(v))
                else: out.append(path + ' datetime ' + v.isoformat())
            for name in sorted(os.listdir(sys.argv[1])):
                print('=== ' + name)
                try:
                    with open(os.path.join(sys.argv[1], name), 'rb') as f:
                        doc = tomllib.load(f)
                except Exception as e:
                    print('ERR')
                    continue
                out = []
                walk('', doc, out)
                print('OK')
                for l in out: print(l)
            """;

    private static final Pattern FLOAT_LINE = Pattern.compile("^(.*) float (.*)$");

    @Test
    void agreesWithTomllib(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(hasTomllib(), "python3 with tomllib (3.11+) not available: oracle skipped");
        Map<String, String> docs = new LinkedHashMap<>();
        int n = 0;
        for (String d : HANDWRITTEN) {
            docs.put(String.format("h%03d.toml", n++), d);
        }
        Random random = new Random(20261201L);
        for (int i = 0; i < 150; i++) {
            String doc = new Generator(random).document();
            docs.put(String.format("g%03d.toml", i), doc);
            for (int m = 0; m < 3; m++) {
                docs.put(String.format("g%03dm%d.toml", i, m), mutate(doc, random));
            }
        }
        Path in = Files.createDirectory(dir.resolve("in"));
        for (Map.Entry<String, String> e : docs.entrySet()) {
            // getBytes replaces a surrogate half a mutation left behind, the same for both parsers
            Files.write(in.resolve(e.getKey()), e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> python = runPython(dir, in);
        assertEquals(docs.size(), python.size(), "python answered for every document");
        int accepted = 0;
        int refused = 0;
        int deviations = 0;
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, String> e : docs.entrySet()) {
            String mine;
            try {
                mine = "OK\n" + normaliseJava(new TomlReader().parse(e.getKey(),
                        e.getValue().getBytes(StandardCharsets.UTF_8)));
                accepted++;
            } catch (MalformedInputException ex) {
                mine = "ERR\n";
                refused++;
                if (ex.problem().contains("out of the 64-bit range") || ex.problem().contains("is out of range")) {
                    // a documented refusal: tomllib has unbounded integers and overflows floats to inf
                    deviations++;
                    continue;
                }
            }
            String theirs = python.get(e.getKey());
            if (!mine.equals(theirs)) {
                disagreements.add(e.getKey() + "\n--- document\n" + e.getValue() + "\n--- debindex\n" + mine
                        + "--- tomllib\n" + theirs);
            }
        }
        System.out.printf("TomlOracleTest: %d documents, %d accepted, %d refused (%d of them numbers out of"
                + " range, a documented deviation), %d disagreements%n",
                docs.size(), accepted, refused, deviations, disagreements.size());
        assertTrue(disagreements.isEmpty(), () -> disagreements.size() + " disagreements, first: "
                + String.join("\n=====\n", disagreements));
        assertTrue(accepted > 150 && refused > 100, "both outcomes exercised: " + accepted + "/" + refused);
    }

    static boolean hasTomllib() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import tomllib").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Map<String, String> runPython(Path dir, Path in) throws IOException, InterruptedException {
        Path script = dir.resolve("oracle.py");
        Files.writeString(script, SCRIPT);
        Path out = dir.resolve("out.txt");
        ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), in.toString());
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        Process p = pb.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python3 finished");
        assertEquals(0, p.exitValue(), "python3 exit status");
        Map<String, String> result = new LinkedHashMap<>();
        String name = null;
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.startsWith("=== ")) {
                if (name != null) {
                    result.put(name, normalisePython(lines));
                }
                name = line.substring(4);
                lines.clear();
            } else {
                lines.add(line);
            }
        }
        if (name != null) {
            result.put(name, normalisePython(lines));
        }
        return result;
    }

    /** Floats in Java's spelling; sorted by Java's order. */
    static String normalisePython(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).equals("OK")) {
            return "ERR\n";
        }
        List<String> body = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            Matcher m = FLOAT_LINE.matcher(l);
            if (m.matches() && !l.contains(" str ")) {
                String v = m.group(2);
                double d = switch (v) {
                    case "inf" -> Double.POSITIVE_INFINITY;
                    case "-inf" -> Double.NEGATIVE_INFINITY;
                    case "nan" -> Double.NaN;
                    default -> Double.parseDouble(v);
                };
                l = m.group(1) + " float " + d;
            }
            body.add(l);
        }
        body.sort(null);
        return "OK\n" + String.join("", body.stream().map(s -> s + "\n").toList());
    }

    /** Dates in Python's isoformat, which is what tomllib's objects print as. */
    static String normaliseJava(TomlValue.Table t) {
        String dump = TomlDump.dump(t);
        StringBuilder b = new StringBuilder();
        for (String l : dump.split("\n", -1)) {
            if (l.isEmpty()) {
                continue;
            }
            int at = l.lastIndexOf(" datetime ");
            if (at >= 0 && !l.contains(" str ")) {
                l = l.substring(0, at) + " datetime " + iso(l.substring(at + 10));
            }
            b.append(l).append('\n');
        }
        List<String> sorted = new ArrayList<>(Arrays.asList(b.toString().split("\n")));
        sorted.removeIf(String::isEmpty);
        sorted.sort(null);
        return String.join("", sorted.stream().map(s -> s + "\n").toList());
    }

    static String iso(String text) {
        String date = null;
        String rest = text;
        if (text.length() >= 10 && text.charAt(4) == '-') {
            date = text.substring(0, 10);
            rest = text.length() > 10 ? text.substring(11) : "";
        }
        if (rest.isEmpty()) {
            return date;
        }
        String time = rest.substring(0, 8);
        String tail = rest.substring(8);
        String frac = "";
        if (tail.startsWith(".")) {
            int e = 1;
            while (e < tail.length() && Character.isDigit(tail.charAt(e))) {
                e++;
            }
            String digits = (tail.substring(1, e) + "000000").substring(0, 6);
            frac = digits.equals("000000") ? "" : "." + digits;
            tail = tail.substring(e);
        }
        String offset = tail.isEmpty() ? "" : tail.equalsIgnoreCase("z") || tail.equals("-00:00") ? "+00:00" : tail;
        return (date == null ? "" : date + "T") + time + frac + offset;
    }

    static String mutate(String doc, Random random) {
        if (doc.isEmpty()) {
            return "=";
        }
        String alphabet = "=[]{}\"'.,#\\ \n\t-_+:0123456789abcdefinzxT";
        int at = random.nextInt(doc.length());
        StringBuilder b = new StringBuilder(doc);
        switch (random.nextInt(3)) {
            case 0 -> b.deleteCharAt(at);
            case 1 -> b.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            default -> b.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** Random valid documents in varied spellings. */
    static final class Generator {
        private final Random r;
        private final StringBuilder out = new StringBuilder();
        private int keys;

        Generator(Random r) {
            this.r = r;
        }

        String document() {
            kvs(r.nextInt(4));
            int sections = r.nextInt(4);
            for (int i = 0; i < sections; i++) {
                if (r.nextBoolean()) {
                    out.append('[').append(newKey()).append(r.nextBoolean() ? "" : "." + newKey()).append("]\n");
                } else {
                    String k = newKey();
                    int n = 1 + r.nextInt(2);
                    for (int j = 0; j < n; j++) {
                        out.append("[[ ").append(k).append(" ]]").append(r.nextBoolean() ? " # c\n" : "\n");
                        kvs(r.nextInt(3));
                    }
                    continue;
                }
                kvs(r.nextInt(4));
            }
            return out.toString();
        }

        void kvs(int n) {
            for (int i = 0; i < n; i++) {
                String k = r.nextInt(4) == 0 ? newKey() + "." + newKey() : newKey();
                out.append(k).append(r.nextBoolean() ? " = " : "=").append(value(0))
                        .append(r.nextInt(4) == 0 ? " # comment \u00e9\n" : "\n");
                if (r.nextInt(5) == 0) {
                    out.append('\n');
                }
            }
        }

        String newKey() {
            int id = keys++;
            return switch (r.nextInt(5)) {
                case 0 -> "\"k " + id + "\\t\"";
                case 1 -> "'k." + id + "'";
                case 2 -> "k_" + id;
                case 3 -> id + "-x";
                default -> "K" + id;
            };
        }

        String value(int depth) {
            int kind = r.nextInt(depth > 2 ? 8 : 10);
            return switch (kind) {
                case 0 -> integer();
                case 1 -> floating();
                case 2 -> r.nextBoolean() ? "true" : "false";
                case 3 -> basic();
                case 4 -> literal();
                case 5 -> multiLine();
                case 6 -> date();
                case 7 -> basic();
                case 8 -> array(depth);
                default -> inline(depth);
            };
        }

        String integer() {
            long v = r.nextInt(5) == 0 ? r.nextLong() : r.nextInt(100000);
            return switch (r.nextInt(6)) {
                case 0 -> "0x" + Long.toHexString(Math.abs(v % 100000));
                case 1 -> "0o" + Long.toOctalString(Math.abs(v % 100000));
                case 2 -> "0b" + Long.toBinaryString(Math.abs(v % 1000));
                case 3 -> v >= 1000 ? (v / 1000) + "_" + String.format("%03d", v % 1000) : Long.toString(v);
                case 4 -> (v >= 0 ? "+" : "") + v;
                default -> Long.toString(v);
            };
        }

        String floating() {
            return switch (r.nextInt(7)) {
                case 0 -> r.nextInt(1000) + "." + r.nextInt(1000);
                case 1 -> "-" + r.nextInt(10) + "e" + (r.nextInt(40) - 20);
                case 2 -> r.nextInt(10) + "." + r.nextInt(100) + "E+" + r.nextInt(30);
                case 3 -> new String[] {"inf", "+inf", "-inf", "nan", "-nan"}[r.nextInt(5)];
                case 4 -> "1_000.000_1";
                case 5 -> "0.0";
                default -> "-0.5e-3";
            };
        }

        String text() {
            String pool = "ab c\u00e9\u4e2d\ud83d\ude00'#=[]{},.";
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(8);
            for (int i = 0; i < n; i++) {
                int at = r.nextInt(pool.length());
                if (Character.isHighSurrogate(pool.charAt(at))) {
                    b.append(pool, at, at + 2);
                } else if (!Character.isLowSurrogate(pool.charAt(at))) {
                    b.append(pool.charAt(at));
                }
            }
            return b.toString();
        }

        String basic() {
            String[] escapes = {"\\n", "\\t", "\\\"", "\\\\", "\\u00e9", "\\U0001F600", "\\b", "\\f", "\\r"};
            return "\"" + text() + (r.nextBoolean() ? escapes[r.nextInt(escapes.length)] : "") + text() + "\"";
        }

        String literal() {
            return "'" + text().replace("'", "") + "\\x'";
        }

        String multiLine() {
            return switch (r.nextInt(4)) {
                case 0 -> "\"\"\"\n" + text() + "\n  \\\n   " + text() + "\"\"\"";
                case 1 -> "\"\"\"" + text() + "\"\n\"\"" + text() + "\"\"\"\"\"";
                case 2 -> "'''\n" + text() + "\n'" + text() + "'''";
                default -> "'''" + text() + "''''";
            };
        }

        String date() {
            String d = String.format("%04d-%02d-%02d", 1900 + r.nextInt(200), 1 + r.nextInt(12), 1 + r.nextInt(28));
            String t = String.format("%02d:%02d:%02d", r.nextInt(24), r.nextInt(60), r.nextInt(60))
                    + (r.nextBoolean() ? "." + r.nextInt(10000000) : "");
            return switch (r.nextInt(5)) {
                case 0 -> d;
                case 1 -> t;
                case 2 -> d + "T" + t;
                case 3 -> d + " " + t + "Z";
                default -> d + "t" + t + String.format("%+03d:%02d", r.nextInt(24) - 12, r.nextInt(60));
            };
        }

        String array(int depth) {
            int n = r.nextInt(4);
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < n; i++) {
                b.append(r.nextBoolean() ? "\n  " : " ").append(value(depth + 1));
                if (i < n - 1 || r.nextBoolean()) {
                    b.append(',');
                }
                if (r.nextInt(4) == 0) {
                    b.append(" # in array\n");
                }
            }
            return b.append(r.nextBoolean() ? "\n]" : "]").toString();
        }

        String inline(int depth) {
            int n = r.nextInt(3);
            StringBuilder b = new StringBuilder("{");
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? " " : ", ").append(r.nextInt(3) == 0 ? newKey() + "." + newKey() : newKey())
                        .append(" = ").append(value(depth + 1).replace("\n", " ").replace("#", "x"));
            }
            return b.append(" }").toString();
        }
    }

    private static final List<String> HANDWRITTEN = List.of(
            "",
            "# only a comment",
            "a = 1\n[b]\nc = 2\n[[d]]\n[[d]]\ne = 3\n",
            "[a.b.c]\n[a]\nb.d = 1\n",
            "[a]\nb.c = 1\n[a.b.x]\ny = 2\n",
            "[a]\nb.c = 1\n[a.b]\n",
            "a.b = 1\n[a]\n",
            "a.b = 1\n[a.c]\n",
            "[x]\na.b = 1\n[y]\n[x.a.c]\n",
            "[[a]]\n[a.b]\nc = 1\n[[a]]\n[a.b]\nc = 2\n",
            "[[a]]\n[[a.b]]\n[a.b.c]\n[[a.b]]\n",
            "a = [{b = 1}, {c = [1, {d = 2}]}]\n",
            "a = {b.c = 1, b.d = 2}\n",
            "a = {b.c = 1, b = {}}\n",
            "a = {}\n[a.b]\n",
            "[a]\n[a.b]\n[a]\n",
            "a = [\n]\n",
            "a = [ # c\n 1, # c\n # c\n 2 # c\n , # c\n]\n",
            "a = \"\\u0000\"\n",
            "a = \"\\e\"\n",
            "a = 1979-05-27 07:32:00\n",
            "a = 1979-05-27T07:32\n",
            "a = 1979-05-27T07:32:00.1234567\n",
            "a = 07:32:00.5\n",
            "a = 2000-02-29\nb = 1900-02-29\n",
            "a = 1987-07-05T17:45:00-00:00\n",
            "a = 0.1e1_0\n",
            "a = 1e1_000\n",
            "a = -0x1\n",
            "a = +0o7\n",
            "a = 0b\n",
            "a = 1_\n",
            "a = _1\n",
            "a = 3.\n",
            "a = .3\n",
            "a = 1e\n",
            "a = -0.0\n",
            "a = +0\n",
            "a = inf_\n",
            "a = true\nb = false\nc = True\n",
            "\"\" = 1\n'' = 2\n",
            "a = 1\r\nb = 2\r\n",
            "a = 'x\ty'\n",
            "a = 'x\u0001'\n",
            "a = \"\"\"\\\n\n  \"\"\"\n",
            "a = \"\"\"a\\ \n b\"\"\"\n",
            "a = \"\"\"a\\ b\"\"\"\n",
            "[ a . b ]\n[ 'c' . \"d\" ]\n",
            "[a]]\n",
            "[[a]\n",
            "a = 1 # \u00e9 ok\n",
            "a = [1 2]\n",
            "a = [1,,2]\n",
            "a = {a = 1 b = 2}\n",
            "a = {a = 1,, b = 2}\n",
            "key = # no value\n",
            "= 1\n",
            "a b = 1\n",
            "a.b.c = 1\na.b.d = 2\na.e = 3\n",
            "a = 1\na.b = 2\n",
            "[tbl]\na.b = 1\n[tbl.a.c]\n",
            "\u00e9 = 1\n",
            "a = '''''''\n",
            "a = \"\"\"\"\"\"\"\n");

    @Test
    void isoConversion() {
        assertEquals("1979-05-27T07:32:00+00:00", iso("1979-05-27 07:32:00Z"));
        assertEquals("07:32:00.123456", iso("07:32:00.1234567"));
        assertEquals("1979-05-27", iso("1979-05-27"));
    }
}
