package org.debindex.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.debindex.cli.Golden;
import org.debindex.verify.trust.TrustReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustReportJsonTest {

    static String json(TrustReport report) {
        StringWriter out = new StringWriter();
        new TrustReportJson().write(report, out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void theContractKeysComeFirstAndTheExtrasAfter() {
        String text = json(Reports.treeFailed());
        Golden.assertMatches("verify-tree-failed.json", text);
        Map<String, Object> doc = TestJson.object(text);
        assertEquals(List.of("ok", "source", "suite", "at", "verification", "signatures", "files", "counts", "pool", "findings"),
                List.copyOf(doc.keySet()));
        assertEquals(false, doc.get("ok"));
        assertEquals("/srv/mirror/debian", doc.get("source"));
        assertEquals("trixie", doc.get("suite"));
        assertEquals("2026-11-26T00:00:00Z", doc.get("at"));
        Map<String, Object> signature = list(doc.get("signatures")).get(0);
        assertEquals(List.of("fingerprint", "status", "created", "keyId", "primaryKey", "userId", "keyAlgorithm",
                "digest", "expires", "detail", "warnings"), List.copyOf(signature.keySet()));
        assertEquals(Reports.KEY_A.hex(), signature.get("fingerprint"));
        assertEquals("GOOD", signature.get("status"));
        assertEquals("2026-11-21T10:00:07Z", signature.get("created"));
        List<Map<String, Object>> files = list(doc.get("files"));
        assertEquals(7, files.size(), "absent files too");
        assertEquals(Map.of("path", "main/source/Sources.xz", "outcome", "VERIFIED", "size", 11003564L,
                "algorithms", List.of("SHA256", "SHA512")), files.get(1));
        assertEquals(Map.of("verified", 2L, "failed", 1L, "absent", 3L, "skipped", 1L, "errors", 2L, "warnings", 1L,
                "notes", 1L), doc.get("counts"));
        assertEquals(TestJson.NULL, doc.get("pool"));
        List<Map<String, Object>> findings = list(doc.get("findings"));
        assertEquals(4, findings.size());
        assertEquals(Map.of("severity", "ERROR", "code", "PATH_UNSAFE", "target", "main/../../etc/passwd",
                "message", "path leaves the repository (\"..\")"), findings.get(1));
        assertEquals("NOTE", findings.get(3).get("severity"));
    }

    @Test
    void anUnknownKeyHasANullFingerprintAndItsKeyId() {
        Map<String, Object> doc = TestJson.object(json(Reports.detachedBad()));
        assertEquals(TestJson.NULL, doc.get("suite"));
        assertEquals(Map.of("accepted", false, "failure", "SIG_BAD",
                "message", "dists/trixie/Release.gpg: bad signature from " + Reports.KEY_A.hex()), doc.get("verification"));
        List<Map<String, Object>> signatures = list(doc.get("signatures"));
        assertEquals(List.of("BAD", "NO_KEY", "KEY_EXPIRED"), signatures.stream().map(s -> s.get("status")).toList());
        Map<String, Object> unknown = signatures.get(1);
        assertEquals(TestJson.NULL, unknown.get("fingerprint"));
        assertEquals("A1B2C3D4E5F60718", unknown.get("keyId"));
        assertEquals(TestJson.NULL, unknown.get("userId"));
        assertEquals(TestJson.NULL, unknown.get("keyAlgorithm"));
        Map<String, Object> expired = signatures.get(2);
        assertEquals(Reports.KEY_C.hex(), expired.get("fingerprint"));
        assertEquals(Reports.KEY_B.hex(), expired.get("primaryKey"));
        assertEquals("2027-01-01T00:00:00Z", expired.get("expires"));
        assertEquals(List.of("rsa2048 is accepted until 2030-02-01"), expired.get("warnings"));
        assertEquals(List.of(), doc.get("files"));
        assertEquals("dists/trixie/Release.gpg: bad signature from " + Reports.KEY_A.hex(),
                list(doc.get("findings")).get(0).get("message"), "the message as the audit wrote it");
    }

    @Test
    void nothingIsCappedInJson() {
        Map<String, Object> doc = TestJson.object(json(Reports.deepWithoutPool(25)));
        assertEquals(26, list(doc.get("findings")).size());
        assertEquals(Map.of("listed", 25L, "sampled", 25L, "verified", 0L, "missing", 25L, "mismatched", 0L, "bytes", 0L),
                doc.get("pool"));
        assertEquals(true, doc.get("ok") instanceof Boolean);
    }

    @Test
    void hostileTextRoundTripsExactly() {
        TrustReport report = Reports.hostile();
        String text = json(report);
        for (char c : text.toCharArray()) {
            assertTrue(c == '\n' || c >= 0x20, "raw control character " + (int) c);
        }
        Map<String, Object> doc = TestJson.object(text);
        assertEquals(report.source(), doc.get("source"));
        assertEquals("sid\\unstable", doc.get("suite"));
        assertEquals(report.signatures().get(0).userId().orElseThrow(), list(doc.get("signatures")).get(0).get("userId"));
        assertEquals(report.findings().get(0).message(), list(doc.get("findings")).get(0).get("message"));
        assertEquals("main/\u0085weird\tname", list(doc.get("files")).get(0).get("path"));
    }

    /** A second, independent parser: Python's json module, when python3 is installed (CI has it). */
    @Test
    void pythonReadsTheSameDocument(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(onPath("python3"), "python3 not found on PATH: the cross-check with Python's json module is skipped");
        Path file = dir.resolve("report.json");
        Files.writeString(file, json(Reports.hostile()), StandardCharsets.UTF_8);
        Process python = new ProcessBuilder("python3", "-c",
                "import json,sys; d=json.load(open(sys.argv[1], encoding='utf-8'));"
                        + " print(repr((d['ok'], d['suite'], d['findings'][0]['message'], d['signatures'][0]['userId'])))",
                file.toString()).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(python.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, python.exitValue(), out);
        assertEquals("(False, 'sid\\\\unstable', 'SHA512 differs\\nFAILED: fake line \"\\\\\" \\u2028end',"
                + " 'Evil \"Key\" \\x1b[2J<evil@mirror.example>\\r\\nOK: forged')", out);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
