package org.debindex.verify.deps.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.json.JsonValue.JsonArray;
import org.debindex.verify.deps.json.JsonValue.JsonBoolean;
import org.debindex.verify.deps.json.JsonValue.JsonNull;
import org.debindex.verify.deps.json.JsonValue.JsonNumber;
import org.debindex.verify.deps.json.JsonValue.JsonObject;
import org.debindex.verify.deps.json.JsonValue.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against Python's {@code json} module over generated documents, valid and
 * mutated: both must accept or reject the same documents and read the same values. Skipped when
 * {@code python3} is absent.
 *
 * <p>Python is laxer on purpose in three ways this reader is not (duplicate names, {@code NaN}
 * and {@code Infinity}, lone escaped surrogates); the oracle script detects those and answers
 * {@code STRICT}, which this reader must reject.
 */
class JsonReaderOracleTest {

    private static final String ORACLE = """
            import json, sys
            class Num(str): pass
            class Obj:
                def __init__(self, pairs): self.pairs = pairs
            class Strict(Exception): pass
            def const(name): raise Strict(name)
            def s(t):
                t.encode('utf-8')  # lone surrogates raise here
                return json.dumps(t)
            def canon(v):
                if isinstance(v, Obj):
                    keys = [k for k, _ in v.pairs]
                    if len(set(keys)) != len(keys): raise Strict('duplicate')
                    return '{' + ','.join(s(k) + ':' + canon(x) for k, x in v.pairs) + '}'
                if isinstance(v, list): return '[' + ','.join(canon(x) for x in v) + ']'
                if isinstance(v, Num): return str.__str__(v)
                if v is True: return 'true'
                if v is False: return 'false'
                if v is None: return 'null'
                return s(v)
            for path in open(sys.argv[1], encoding='utf-8').read().split('\\n'):
                if not path: continue
                try:
                    plain = True
                    json.load(open(path, encoding='utf-8'))
                except (ValueError, RecursionError):
                    plain = False
                try:
                    v = json.load(open(path, encoding='utf-8'), object_pairs_hook=Obj, parse_int=Num,
                                  parse_float=Num, parse_constant=const)
                    print('ACCEPT ' + canon(v))
                except (Strict, UnicodeEncodeError):
                    print('STRICT' if plain else 'REJECT')
                except (ValueError, RecursionError):
                    print('REJECT')
            """;

    @TempDir
    Path dir;

    @Test
    void agreesWithPythonOnGeneratedDocuments() throws Exception {
        assumeTrue(hasPython(), "python3 not available");
        Random random = new Random(20261201);
        List<byte[]> docs = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            byte[] valid = new Generator(random).document();
            docs.add(valid);
            docs.add(mutate(valid, random));
        }
        for (String s : new String[] {"[1,]", "{\"a\":1,}", "[NaN]", "[-Infinity]", "{\"a\":1,\"a\":1}",
                "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ude00\"", "[1] // c", "/* c */ 1", "01", "-", "1.",
                ".5", "1e", "+1", "\"\t\"", "\u00a01", "[\"\\u00\"]", "'a'", "[true false]", "{\"a\" 1}"}) {
            docs.add(s.getBytes(StandardCharsets.UTF_8));
        }
        docs.add(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '1'});
        docs.add(new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'});
        docs.add(new byte[] {'"', (byte) 0xc0, (byte) 0xaf, '"'});

        StringBuilder list = new StringBuilder();
        for (int i = 0; i < docs.size(); i++) {
            Path p = dir.resolve(i + ".json");
            Files.write(p, docs.get(i));
            list.append(p).append('\n');
        }
        Path listFile = Files.writeString(dir.resolve("list"), list);
        Path script = Files.writeString(dir.resolve("oracle.py"), ORACLE);
        Process python = new ProcessBuilder("python3", script.toString(), listFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> verdicts = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().toList();
        assertTrue(python.waitFor(120, TimeUnit.SECONDS));
        assertEquals(docs.size(), verdicts.size());

        int accepted = 0;
        int rejected = 0;
        int strict = 0;
        for (int i = 0; i < docs.size(); i++) {
            String verdict = verdicts.get(i);
            String ours;
            try {
                ours = "ACCEPT " + canonical(JsonReader.read(dir.resolve(i + ".json")));
            } catch (MalformedInputException e) {
                ours = "REJECT";
            }
            String doc = new String(docs.get(i), StandardCharsets.UTF_8);
            if (verdict.equals("STRICT")) {
                assertEquals("REJECT", ours, "python accepts only laxly; we must reject: " + doc);
                strict++;
            } else {
                assertEquals(verdict, ours, doc);
                if (verdict.equals("REJECT")) {
                    rejected++;
                } else {
                    accepted++;
                }
            }
        }
        System.out.printf("json oracle: %d documents, %d accepted by both, %d rejected by both,"
                + " %d accepted only by lax python%n", docs.size(), accepted, rejected, strict);
        assertTrue(accepted > 1400 && rejected > 500 && strict >= 5, accepted + "/" + rejected + "/" + strict);
    }

    private static boolean hasPython() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import json").start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The same form the oracle prints: Python's json.dumps for strings, numbers as written. */
    static String canonical(JsonValue v) {
        StringBuilder out = new StringBuilder();
        canonical(v, out);
        return out.toString();
    }

    private static void canonical(JsonValue v, StringBuilder out) {
        if (v instanceof JsonObject o) {
            out.append('{');
            boolean first = true;
            for (JsonValue.Member m : o.members().values()) {
                out.append(first ? "" : ",");
                first = false;
                string(m.name(), out);
                out.append(':');
                canonical(m.value(), out);
            }
            out.append('}');
        } else if (v instanceof JsonArray a) {
            out.append('[');
            for (int i = 0; i < a.elements().size(); i++) {
                out.append(i == 0 ? "" : ",");
                canonical(a.elements().get(i), out);
            }
            out.append(']');
        } else if (v instanceof JsonString s) {
            string(s.value(), out);
        } else if (v instanceof JsonNumber n) {
            out.append(n.text());
        } else if (v instanceof JsonBoolean b) {
            out.append(b.value());
        } else if (v instanceof JsonNull) {
            out.append("null");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
            }
        }
        out.append('"');
    }

    /** One byte deleted, inserted, replaced, or the document cut short. */
    private static byte[] mutate(byte[] doc, Random random) {
        byte[] pool = "{}[],:\"\\ -+.eE0123456789tfnuxa/\n\t\u0001".getBytes(StandardCharsets.ISO_8859_1);
        int at = doc.length == 0 ? 0 : random.nextInt(doc.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(5)) {
            case 0 -> { // delete
                out.write(doc, 0, at);
                out.write(doc, at + 1, doc.length - at - 1);
            }
            case 1 -> { // insert
                out.write(doc, 0, at);
                out.write(random.nextInt(8) == 0 ? 0x80 + random.nextInt(0x80) : pool[random.nextInt(pool.length)]);
                out.write(doc, at, doc.length - at);
            }
            case 2 -> { // replace
                out.write(doc, 0, doc.length);
                byte[] b = out.toByteArray();
                b[at] = pool[random.nextInt(pool.length)];
                return b;
            }
            case 3 -> out.write(doc, 0, at); // truncate
            default -> { // a trailing comma or duplicate-ish edit
                String s = new String(doc, StandardCharsets.UTF_8);
                s = s.replaceFirst("([\\]}])", ",$1");
                return s.getBytes(StandardCharsets.UTF_8);
            }
        }
        return out.toByteArray();
    }

    /** Random valid documents: every value kind, escapes, non-ASCII, varied whitespace. */
    private static final class Generator {
        private final Random random;
        private final StringBuilder out = new StringBuilder();

        Generator(Random random) {
            this.random = random;
        }

        byte[] document() {
            ws();
            value(0);
            ws();
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }

        private void ws() {
            String[] w = {"", "", " ", "\n", "\r\n", "\t", "  \n  "};
            out.append(w[random.nextInt(w.length)]);
        }

        private void value(int depth) {
            int kind = random.nextInt(depth > 5 ? 4 : 6);
            switch (kind) {
                case 0 -> string();
                case 1 -> number();
                case 2 -> out.append(new String[] {"true", "false", "null"}[random.nextInt(3)]);
                case 3 -> string();
                case 4 -> {
                    out.append('[');
                    int n = random.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        out.append(i == 0 ? "" : ",");
                        ws();
                        value(depth + 1);
                        ws();
                    }
                    out.append(']');
                }
                default -> {
                    out.append('{');
                    int n = random.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        out.append(i == 0 ? "" : ",");
                        ws();
                        out.append("\"k").append(i).append(random.nextBoolean() ? "é" : "").append('"');
                        ws();
                        out.append(':');
                        ws();
                        value(depth + 1);
                        ws();
                    }
                    out.append('}');
                }
            }
        }

        private void number() {
            if (random.nextBoolean()) {
                out.append('-');
            }
            out.append(random.nextInt(4) == 0 ? "0" : String.valueOf(1 + random.nextInt(100000)));
            if (random.nextBoolean()) {
                out.append('.').append(random.nextInt(1000));
            }
            if (random.nextInt(3) == 0) {
                out.append(random.nextBoolean() ? 'e' : 'E').append(new String[] {"", "+", "-"}[random.nextInt(3)])
                        .append(random.nextInt(300));
            }
        }

        private void string() {
            out.append('"');
            int n = random.nextInt(8);
            for (int i = 0; i < n; i++) {
                switch (random.nextInt(7)) {
                    case 0 -> out.append(new String[] {"\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"}
                            [random.nextInt(8)]);
                    case 1 -> {
                        char c = (char) random.nextInt(0xd800);
                        out.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
                    }
                    case 2 -> {
                        int cp = 0x10000 + random.nextInt(0x100000);
                        out.append(String.format("\\u%04x\\u%04x", (int) Character.highSurrogate(cp),
                                (int) Character.lowSurrogate(cp)));
                    }
                    case 3 -> out.appendCodePoint(new int[] {0xe9, 0x20ac, 0x1f600, 0x7f, 0x2028, 0xfeff}[random.nextInt(6)]);
                    default -> out.append((char) (0x20 + random.nextInt(0x5f)) == '"' ? "'"
                            : (char) (0x20 + random.nextInt(0x5f)) == '\\' ? "x" : safeAscii());
                }
            }
            out.append('"');
        }

        private String safeAscii() {
            char c;
            do {
                c = (char) (0x20 + random.nextInt(0x5f));
            } while (c == '"' || c == '\\');
            return String.valueOf(c);
        }
    }
}
