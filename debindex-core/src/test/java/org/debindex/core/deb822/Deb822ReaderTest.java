package org.debindex.core.deb822;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Deb822ReaderTest {

    private static List<Paragraph> readAll(String text) throws Exception {
        return readAll(text, Deb822Options.defaults());
    }

    private static List<Paragraph> readAll(String text, Deb822Options options) throws Exception {
        return readAll(text.getBytes(StandardCharsets.UTF_8), options);
    }

    private static List<Paragraph> readAll(byte[] bytes, Deb822Options options) throws Exception {
        try (Deb822Reader reader = Deb822Reader.of(bytes, "test", options)) {
            return drain(reader);
        }
    }

    private static List<Paragraph> drain(Deb822Reader reader) throws Exception {
        List<Paragraph> out = new ArrayList<>();
        Optional<Paragraph> p;
        while ((p = reader.next()).isPresent()) {
            out.add(p.get());
        }
        return out;
    }

    /** A stream that hands out at most {@code step} bytes per read, to cross chunk borders anywhere. */
    private static InputStream trickle(byte[] data, int step) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    private static MalformedInputException failure(String text) {
        return failure(text, Deb822Options.defaults());
    }

    private static MalformedInputException failure(String text, Deb822Options options) {
        return assertThrows(MalformedInputException.class, () -> readAll(text, options));
    }

    @Test
    void readsFieldsAndParagraphs() throws Exception {
        List<Paragraph> ps = readAll("Package: a\nVersion: 1.0\n\nPackage: b\nVersion: 2\n");
        assertEquals(2, ps.size());
        assertEquals("a", ps.get(0).get("Package").orElseThrow());
        assertEquals("1.0", ps.get(0).get("Version").orElseThrow());
        assertEquals("b", ps.get(1).get("Package").orElseThrow());
        assertEquals(1, ps.get(0).line());
        assertEquals(4, ps.get(1).line());
        assertEquals(5, ps.get(1).lineOf(1));
        assertEquals("Package: b\nVersion: 2", ps.get(1).toString());
    }

    @Test
    void fieldNamesAreCaseInsensitiveAndKeepTheirSpelling() throws Exception {
        Paragraph p = readAll("PaCkAgE: x\n").get(0);
        assertEquals(Optional.of("x"), p.get("package"));
        assertEquals(Optional.of("x"), p.get(FieldName.of("PACKAGE")));
        assertEquals("PaCkAgE", p.name(0));
        assertFalse(p.has("Packages"));
        assertFalse(p.has("Packag"));
    }

    @Test
    void valuesKeepContinuationLinesExactly() throws Exception {
        String text = "Package: x\nDescription: short\n long line one\n .\n  indented\n\tTabbed\nSize: 3\n";
        Paragraph p = readAll(text).get(0);
        assertEquals("short\n long line one\n .\n  indented\n\tTabbed", p.get("Description").orElseThrow());
        assertEquals("3", p.get("Size").orElseThrow());
    }

    @Test
    void multilineFieldWithEmptyFirstLine() throws Exception {
        Paragraph p = readAll("SHA256:\n abc 12 main/x\n def 3 main/y\nDate: now\n").get(0);
        assertEquals("\n abc 12 main/x\n def 3 main/y", p.get("SHA256").orElseThrow());
    }

    @Test
    void whitespaceAroundValuesIsDropped() throws Exception {
        Paragraph p = readAll("A:   spaced  \t\nB:value\n").get(0);
        assertEquals("spaced", p.get("A").orElseThrow());
        assertEquals("value", p.get("B").orElseThrow());
    }

    @Test
    void severalEmptyLinesAreOneSeparatorAndWhitespaceLinesBetweenParagraphsToo() throws Exception {
        List<Paragraph> ps = readAll("\n\n \nA: 1\n\n\n\t\n\nA: 2\n\n\n");
        assertEquals(2, ps.size());
        assertEquals(4, ps.get(0).line());
        assertEquals(9, ps.get(1).line());
    }

    @Test
    void crlfInputIsReadLikeLf() throws Exception {
        String lf = "Package: x\nDescription: a\n b\n .\n c\nSize: 1\n\nPackage: y\n";
        String crlf = lf.replace("\n", "\r\n");
        List<Paragraph> a = readAll(lf);
        List<Paragraph> b = readAll(crlf);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).fields(), b.get(i).fields());
        }
        assertEquals("a\n b\n .\n c", b.get(0).get("description").orElseThrow());
    }

    @Test
    void commentsAreErrorsInIndexFilesAndSkippedInControlFiles() throws Exception {
        String text = "# leading comment\nTypes: deb\n# between fields\nURIs: file:/srv/mirror\n"
                + "Components: main\n# inside a value\n contrib\n";
        MalformedInputException e = failure(text);
        assertEquals(1, e.line());
        assertTrue(e.getMessage().startsWith("test:1: comment lines are not allowed"), e.getMessage());

        Paragraph p = readAll(text, Deb822Options.controlFile()).get(0);
        assertEquals(3, p.size());
        assertEquals("main\n contrib", p.get("Components").orElseThrow());
        assertEquals(2, p.lineOf(0));
        assertEquals(4, p.lineOf(1));
        assertEquals(5, p.lineOf(2));
    }

    @Test
    void duplicateFieldIsAWarningAndTheLastWinsByDefault() throws Exception {
        List<Deb822Warning> warnings = new ArrayList<>();
        Paragraph p = readAll("A: 1\nB: x\na: 2\n", Deb822Options.defaults().withWarnings(warnings::add)).get(0);
        assertEquals("2", p.get("A").orElseThrow());
        assertEquals(3, p.fields().size());
        assertEquals(1, warnings.size());
        assertEquals("test:3: warning: duplicate field \"a\" (first on line 1); the last one is used",
                warnings.get(0).toString());
    }

    @Test
    void duplicateFieldIsAnErrorInRelease() {
        MalformedInputException e = failure("Suite: a\nCodename: b\nSUITE: c\n", Deb822Options.release());
        assertEquals("test:3: duplicate field \"SUITE\" (first on line 1)", e.getMessage());
    }

    @Test
    void manyFieldsWithCollidingBloomBitsAreNotDuplicates() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            text.append("Field-").append(i).append(": ").append(i).append('\n');
        }
        Paragraph p = readAll(text.toString(), Deb822Options.release()).get(0);
        assertEquals(500, p.size());
        assertEquals("321", p.get("field-321").orElseThrow());
    }

    @Test
    void malformedLinesNameSourceLineAndExpectation() {
        assertEquals("test:2: line \"no colon here\" has no colon; expected \"Name: value\" or a continuation line starting with a space",
                failure("A: 1\nno colon here\n").getMessage());
        assertEquals("test:1: field name \"Version \" must not end with a space",
                failure("Version : 1\n").getMessage());
        assertEquals("test:1: empty field name; expected \"Name: value\"", failure(": x\n").getMessage());
        assertEquals("test:2: field name \"-X\" must not start with \"-\"", failure("A: 1\n-X: y\n").getMessage());
        assertEquals("test:3: continuation line outside a field; expected \"Name: value\"",
                failure("A: 1\n\n continued\n").getMessage());
        assertTrue(failure("Fi\u0001eld: x\n").getMessage().startsWith("test:1: field name "));
    }

    @Test
    void errorCarriesByteOffset() {
        MalformedInputException e = failure("A: 1\n\nB: 2\nbad\n");
        assertEquals(4, e.line());
        assertEquals(11, e.offset());
    }

    @Test
    void invalidUtf8IsReportedWithLineAndColumn() {
        byte[] bytes = "A: 1\n\nMaintainer: J\u00f6rg\nB: x\u00ffy\n".getBytes(StandardCharsets.ISO_8859_1);
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> readAll(bytes, Deb822Options.defaults()));
        assertEquals(3, e.line());
        assertEquals("test:3: invalid UTF-8 byte sequence \"\\xf6\\x72\\x67\\x0a\" at column 14; expected UTF-8 text",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00c0\u0080", "\u00ed\u00a0\u0080", "\u00f4\u0090\u0080\u0080", "\u00e2\u0082", "\u0080"})
    void rejectsOverlongsSurrogatesOutOfRangeTruncatedAndStrayContinuationBytes(String latin1) {
        byte[] bytes = ("A: " + latin1 + "\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(MalformedInputException.class, () -> readAll(bytes, Deb822Options.defaults()));
    }

    @Test
    void validMultiByteUtf8IsDecoded() throws Exception {
        Paragraph p = readAll("Maintainer: J\u00f6rg \u4e2d \ud83d\ude00\n").get(0);
        assertEquals("J\u00f6rg \u4e2d \ud83d\ude00", p.get("Maintainer").orElseThrow());
    }

    @Test
    void whitespaceOnlyLineInsideAValueContinuesItWithAWarning() throws Exception {
        List<Deb822Warning> warnings = new ArrayList<>();
        Paragraph p = readAll("Description: a\n  \n b\n", Deb822Options.defaults().withWarnings(warnings::add)).get(0);
        assertEquals("a\n  \n b", p.get("Description").orElseThrow());
        assertEquals(1, warnings.size());
        assertEquals(2, warnings.get(0).line());
    }

    @Test
    void emptyValueIsAWarning() throws Exception {
        List<Deb822Warning> warnings = new ArrayList<>();
        Paragraph p = readAll("A:\nB: 1\nC:   \n", Deb822Options.defaults().withWarnings(warnings::add)).get(0);
        assertEquals("", p.get("A").orElseThrow());
        assertEquals("", p.get("C").orElseThrow());
        assertEquals(List.of(1L, 3L), warnings.stream().map(Deb822Warning::line).toList());
    }

    @Test
    void lastLineWithoutNewlineIsAcceptedWithAWarning() throws Exception {
        List<Deb822Warning> warnings = new ArrayList<>();
        List<Paragraph> ps = readAll("A: 1\n\nB: 2\n c", Deb822Options.defaults().withWarnings(warnings::add));
        assertEquals(2, ps.size());
        assertEquals("2\n c", ps.get(1).get("B").orElseThrow());
        assertEquals(1, warnings.size());
        assertEquals("no newline at end of file", warnings.get(0).message());
    }

    @Test
    void emptyAndBlankInputsHaveNoParagraphs() throws Exception {
        assertEquals(0, readAll("").size());
        assertEquals(0, readAll("\n\n\n").size());
        assertEquals(0, readAll("  \n\t\n").size());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 4096})
    void streamingGivesTheSameParagraphsWhateverTheReadSizes(int step) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("Package: pkg").append(i).append("\r\nVersion: 1.").append(i)
                    .append("\nDescription: d\u00e9j\u00e0 ").append(i).append("\n more ").append(i).append("\n\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        List<Paragraph> expected = readAll(bytes, Deb822Options.defaults());
        List<Paragraph> streamed;
        try (Deb822Reader reader = Deb822Reader.open(trickle(bytes, step), "test")) {
            streamed = drain(reader);
        }
        assertEquals(3000, streamed.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).fields(), streamed.get(i).fields());
            assertEquals(expected.get(i).offset(), streamed.get(i).offset());
            assertEquals(expected.get(i).line(), streamed.get(i).line());
        }
        assertEquals("d\u00e9j\u00e0 2999\n more 2999", streamed.get(2999).get("Description").orElseThrow());
    }

    @Test
    void valueSpansPointIntoTheSource() throws Exception {
        String text = "A: 1\n\nPackage: hello\nDescription: x\n y\n";
        Paragraph p = readAll(text).get(1);
        FieldSpan span = p.valueSpan(1);
        assertEquals("x\n y", text.substring((int) span.offset(), (int) span.offset() + span.length()));
        assertEquals(6, p.offset());
    }

    @Test
    void mappedFileAndByteBufferReadLikeAnArray(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("Package: p").append(i).append("\nSize: ").append(i).append("\n\n");
        }
        Path file = dir.resolve("Packages");
        Files.writeString(file, text);
        List<Paragraph> mapped;
        try (Deb822Reader reader = Deb822Reader.open(file, Deb822Options.defaults())) {
            mapped = drain(reader);
        }
        assertEquals(20_000, mapped.size());
        assertEquals("19999", mapped.get(19_999).get("Size").orElseThrow());
        assertEquals(file.toString(), mapped.get(0).source());
        ByteBuffer direct = ByteBuffer.allocateDirect(text.length());
        direct.put(text.toString().getBytes(StandardCharsets.US_ASCII)).flip();
        try (Deb822Reader reader = Deb822Reader.of(direct, "direct", Deb822Options.defaults())) {
            assertEquals(20_000, drain(reader).size());
        }
        assertEquals(0, direct.position());
    }

    @Test
    void compactCopyIsEqualAndIndependent() throws Exception {
        Paragraph p = readAll("A: 1\n\nB: 2\nC: 3\n d\n").get(1);
        Paragraph c = p.compact();
        assertEquals(p.fields(), c.fields());
        assertEquals(p.toString(), c.toString());
        assertEquals(p.valueSpan(1), c.valueSpan(1));
    }

    @Test
    void lenientModeSkipsBadParagraphsAndCountsThem() throws Exception {
        List<Deb822Warning> warnings = new ArrayList<>();
        Deb822Options options = Deb822Options.defaults().withLenient(2).withWarnings(warnings::add);
        String text = "A: 1\n\nbad\nB: 2\n\nC: 3\n\nworse\n\nD: 4\n";
        try (Deb822Reader reader = Deb822Reader.of(text.getBytes(StandardCharsets.UTF_8), "test", options)) {
            List<Paragraph> ps = drain(reader);
            assertEquals(List.of("A", "C", "D"), ps.stream().map(p -> p.name(0)).toList());
            assertEquals(2, reader.skippedParagraphs());
        }
        assertEquals(2, warnings.size());
        assertTrue(warnings.get(0).toString().startsWith("test:3: warning: paragraph skipped: line \"bad\""),
                warnings.get(0).toString());
        MalformedInputException third = failure(text + "\nagain\n", Deb822Options.defaults().withLenient(2));
        assertEquals(12, third.line());
    }

    @Test
    void gigantickFieldWithinTheLimitIsRead() throws Exception {
        byte[] big = new byte[20 << 20];
        java.util.Arrays.fill(big, (byte) 'x');
        byte[] text = concat("Package: big\nDescription: ".getBytes(StandardCharsets.US_ASCII), big,
                "\n\nPackage: after\n".getBytes(StandardCharsets.US_ASCII));
        try (Deb822Reader reader = Deb822Reader.open(new ByteArrayInputStream(text), "big")) {
            Paragraph p = reader.next().orElseThrow();
            assertEquals(20 << 20, p.get("Description").orElseThrow().length());
            assertEquals("after", reader.next().orElseThrow().get("Package").orElseThrow());
        }
    }

    @Test
    void paragraphOverTheLimitFailsCleanlyWithoutReadingEverything() {
        // An endless line: the reader must stop at the limit, not run out of memory or loop.
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                if (off == 0) {
                    b[0] = 'A';
                    b[1] = ':';
                }
                return len;
            }
        };
        Deb822Options options = Deb822Options.defaults().withLimits(1 << 20, 100);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> {
            try (Deb822Reader reader = Deb822Reader.open(endless, "endless", options)) {
                reader.next();
            }
        });
        assertEquals("endless:1: paragraph is longer than 1048576 bytes (limit maxParagraphBytes)", e.getMessage());
    }

    @Test
    void tooManyFieldsIsAnError() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            text.append("F").append(i).append(": x\n");
        }
        MalformedInputException e = failure(text.toString(), Deb822Options.defaults().withLimits(1 << 20, 10));
        assertEquals("test:11: more than 10 fields in one paragraph (limit maxFields)", e.getMessage());
    }

    @Test
    void millionsOfEmptyLinesAreSkippedInOnePass() throws Exception {
        byte[] lines = new byte[5_000_000];
        java.util.Arrays.fill(lines, (byte) '\n');
        byte[] text = concat(lines, "A: 1\n".getBytes(StandardCharsets.US_ASCII), lines);
        try (Deb822Reader reader = Deb822Reader.open(trickle(text, 1 << 16), "empty")) {
            Paragraph p = reader.next().orElseThrow();
            assertEquals(5_000_001, p.line());
            assertFalse(reader.next().isPresent());
            assertEquals(10_000_002, reader.line());
        }
    }

    @Test
    void paragraphParseConvenience() throws Exception {
        assertEquals("1", Paragraph.parse("x", "A: 1\n").get("A").orElseThrow());
        assertEquals("x:3: more than one paragraph; expected one",
                assertThrows(MalformedInputException.class, () -> Paragraph.parse("x", "A: 1\n\nB: 2\n")).getMessage());
    }

    @Test
    void findNewlineAgreesWithASimpleLoopAtEveryAlignment() {
        byte[] b = new byte[100];
        for (int at = 0; at < b.length; at++) {
            java.util.Arrays.fill(b, (byte) 0x8a);  // high bytes around must not confuse the word trick
            b[at] = '\n';
            for (int from = 0; from <= at; from += 3) {
                assertEquals(at, Deb822Reader.findNewline(b, from, b.length));
            }
            assertEquals(-1, Deb822Reader.findNewline(b, at + 1, b.length));
        }
    }

    @Test
    void closedReaderRefusesToRead() throws IOException {
        Deb822Reader reader = Deb822Reader.of(new byte[0], "x");
        reader.close();
        assertThrows(IllegalStateException.class, reader::next);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
