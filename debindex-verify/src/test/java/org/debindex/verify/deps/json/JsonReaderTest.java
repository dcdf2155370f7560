package org.debindex.verify.deps.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.json.JsonValue.JsonArray;
import org.debindex.verify.deps.json.JsonValue.JsonNumber;
import org.debindex.verify.deps.json.JsonValue.JsonObject;
import org.debindex.verify.deps.json.JsonValue.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The strict reader: values, lines, limits and the file:line messages of malformed documents. */
class JsonReaderTest {

    @TempDir
    Path dir;

    static JsonValue parse(String text) throws MalformedInputException {
        return JsonReader.parse(text.getBytes(StandardCharsets.UTF_8), "t.json");
    }

    static String error(String text) {
        return assertThrows(MalformedInputException.class, () -> parse(text)).getMessage();
    }

    @Test
    void objectsKeepOrderAndLines() throws Exception {
        Path file = dir.resolve("package.json");
        Files.writeString(file, "{\n  \"b\": 1,\n  \"a\": [true, false,\n null],\n  \"c\": {\"d\": \"x\"}\n}\n");
        JsonObject root = (JsonObject) JsonReader.read(file);
        assertEquals(List.of("b", "a", "c"), List.copyOf(root.members().keySet()));
        assertEquals(1, root.line());
        assertEquals(2, root.members().get("b").line());
        assertEquals(3, root.members().get("a").line());
        JsonArray a = (JsonArray) root.get("a").orElseThrow();
        assertEquals(3, a.elements().size());
        assertEquals(4, a.elements().get(2).line());
        assertEquals("x", ((JsonString) ((JsonObject) root.get("c").orElseThrow()).get("d").orElseThrow()).value());
        assertEquals(5, root.members().get("c").line());
    }

    @Test
    void numbersStayText() throws Exception {
        JsonArray a = (JsonArray) parse("[0, -0, 1.0, 1e5, -12.5E-3, 123456789012345678901234567890]");
        assertEquals(List.of("0", "-0", "1.0", "1e5", "-12.5E-3", "123456789012345678901234567890"),
                a.elements().stream().map(v -> ((JsonNumber) v).text()).toList());
        assertEquals(new java.math.BigDecimal("-0.0125"), ((JsonNumber) a.elements().get(4)).toBigDecimal());
    }

    @Test
    void escapesAndUtf8() throws Exception {
        JsonString s = (JsonString) parse("\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00é€😀\"");
        assertEquals("a\"\\/\b\f\n\r\té😀é€😀", s.value());
    }

    @Test
    void linesCountCrLfAndCr() throws Exception {
        JsonObject o = (JsonObject) parse("{\r\n\"a\": 1,\r\"b\": 2\n}");
        assertEquals(2, o.members().get("a").line());
        assertEquals(3, o.members().get("b").line());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "'{\"a\": 1,}'|t.json:1: trailing comma before \"}\"; expected a member name",
        "'[1,\n2,\n]'|t.json:3: trailing comma before \"]\"; expected a JSON value",
        "'{\"a\": 1 // c\n}'|t.json:1: unexpected \"/\" in object; expected \",\" or \"}\"",
        "'{\"a\": 1,\n\"a\": 2}'|t.json:2: duplicate member name \"a\" (first on line 1); expected unique names",
        "'[01]'|t.json:1: unexpected \"1\" in array; expected \",\" or \"]\"",
        "'[1.]'|t.json:1: unexpected \"]\" in number; expected a digit after \".\"",
        "'[NaN]'|t.json:1: unexpected \"N\"; expected a JSON value",
        "'\"\\ud800\"'|t.json:1: lone high surrogate \\ud800; expected \\u followed by a low surrogate",
        "'\"\\udc00\"'|t.json:1: lone low surrogate \\udc00; expected a high surrogate before it",
        "'\"\\x\"'|t.json:1: invalid escape \\\"x\"; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
        "'\"a\nb\"'|t.json:1: control character U+000A in string; expected it escaped",
        "'{\"a\" 1}'|t.json:1: unexpected \"1\" after member name \"a\"; expected \":\"",
        "'{1: 2}'|t.json:1: unexpected \"1\"; expected a member name in double quotes",
        "'tru'|t.json:1: unexpected end of document; expected \"true\"",
        "''|t.json:1: empty document; expected a JSON value",
        "'  \n '|t.json:2: document holds only whitespace; expected a JSON value",
        "'{} {}'|t.json:1: unexpected \"{\" after the value; expected the end of the document",
        "'[\"abc'|t.json:1: unterminated string; expected a closing quote",
    })
    void malformedDocumentsNameFileLineAndExpectation(String text, String message) {
        assertEquals(message, error(text));
    }

    @Test
    void invalidUtf8IsRefusedWithItsLine() {
        byte[][] bad = {
            {'\n', '"', (byte) 0xc0, (byte) 0x80, '"'},               // overlong NUL
            {'\n', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'},  // encoded surrogate
            {'\n', '"', (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, // above U+10FFFF
            {'\n', '"', (byte) 0xe9, '"'},                            // Latin-1
        };
        for (byte[] b : bad) {
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> JsonReader.parse(b, "t.json"));
            assertEquals(2, e.line(), e.getMessage());
            assertTrue(e.getMessage().contains("expected UTF-8 text"), e.getMessage());
        }
        MalformedInputException bom = assertThrows(MalformedInputException.class,
                () -> JsonReader.parse(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '1'}, "t.json"));
        assertEquals("t.json:1: byte order mark at the start; expected a JSON value in UTF-8 without one", bom.getMessage());
    }

    @Test
    void depthHundredIsReadDeeperIsRefusedWithoutStackOverflow() throws Exception {
        assertTrue(parse("[".repeat(100) + "]".repeat(100)) instanceof JsonArray);
        assertEquals("t.json:1: arrays and objects nested deeper than the limit of 100",
                error("[".repeat(101) + "]".repeat(101)));
        // a hostile document far deeper than any stack
        assertEquals("t.json:1: arrays and objects nested deeper than the limit of 100",
                error("{\"a\":".repeat(1_000_000)));
    }

    @Test
    void documentsAboveSixteenMebibytesAreRefused() throws Exception {
        Path big = dir.resolve("big.json");
        byte[] b = new byte[JsonReader.MAX_SIZE + 1];
        java.util.Arrays.fill(b, (byte) ' ');
        b[0] = '1';
        Files.write(big, b);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> JsonReader.read(big));
        assertEquals(big + ": document is larger than the limit of 16777216 bytes", e.getMessage());
        b[b.length - 1] = 0;
        // exactly the limit is fine
        assertTrue(JsonReader.parse(java.util.Arrays.copyOf(b, JsonReader.MAX_SIZE), "t") instanceof JsonNumber);
    }
}
