package org.debindex.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private static String write(Consumer<JsonWriter> body) {
        StringWriter out = new StringWriter();
        JsonWriter json = new JsonWriter(out);
        body.accept(json);
        json.finish();
        return out.toString();
    }

    @Test
    void nestedValuesAreIndentedAndKeepTheirOrder() {
        String text = write(json -> json.beginObject()
                .member("ok", false)
                .member("size", -42)
                .member("suite", Optional.empty())
                .member("source", "dists/trixie/InRelease")
                .name("empty").beginArray().endArray()
                .name("none").beginObject().endObject()
                .name("list").beginArray().value(1).value("two").beginObject().member("x", true).endObject().endArray()
                .endObject());
        assertEquals("""
                {
                  "ok": false,
                  "size": -42,
                  "suite": null,
                  "source": "dists/trixie/InRelease",
                  "empty": [],
                  "none": {},
                  "list": [
                    1,
                    "two",
                    {
                      "x": true
                    }
                  ]
                }
                """, text);
        Map<String, Object> parsed = TestJson.object(text);
        assertEquals(List.of("ok", "size", "suite", "source", "empty", "none", "list"), List.copyOf(parsed.keySet()));
        assertEquals(-42L, parsed.get("size"));
        assertEquals(TestJson.NULL, parsed.get("suite"));
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        String nasty = "a\"b\\c\nd\re\tf\u0000g\u001bh\u007fi\u2028j/k";
        String text = write(json -> json.value(nasty));
        assertEquals("\"a\\\"b\\\\c\\u000ad\\u000de\\u0009f\\u0000g\\u001bh\\u007fi\\u2028j/k\"\n", text);
        assertEquals(nasty, TestJson.parse(text));
    }

    @Test
    void everyCharacterOfTheBasicPlaneRoundTrips() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0xd800; c++) {
            all.append(c);
        }
        for (char c = 0xe000; c != 0; c++) {
            all.append(c);
        }
        all.append("\uD83D\uDE00"); // a valid pair stays as it is
        String text = write(json -> json.beginObject().member(all.toString(), all.toString()).endObject());
        Map<String, Object> parsed = TestJson.object(text);
        assertEquals(all.toString(), parsed.get(all.toString()));
        assertTrue(text.contains("\uD83D\uDE00"), "a surrogate pair is written as the character");
    }

    @Test
    void aLoneSurrogateIsEscapedBecauseUtf8CannotEncodeIt() {
        String text = write(json -> json.value("x\uD800y\uDC00"));
        assertEquals("\"x\\ud800y\\udc00\"\n", text);
    }

    @Test
    void misuseIsABug() {
        StringWriter out = new StringWriter();
        assertThrows(IllegalStateException.class, () -> new JsonWriter(out).beginObject().value("no name"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter(out).name("outside"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter(out).beginArray().name("in array"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter(out).beginObject().name("a").name("b"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter(out).beginObject().endArray());
        assertThrows(IllegalStateException.class, () -> new JsonWriter(out).beginObject().name("a").endObject());
        assertThrows(IllegalStateException.class, () -> new JsonWriter(out).value(1).value(2));
        assertThrows(IllegalStateException.class, () -> new JsonWriter(out).beginObject().finish());
        assertThrows(IllegalStateException.class, () -> new JsonWriter(out).finish());
    }

    @Test
    void theTestParserRefusesWhatIsNotJson() {
        // the checks above are only as good as the parser: make sure it can say no
        for (String bad : List.of("{\"a\":1,}", "[1 2]", "\"a\nb\"", "{\"a\":1,\"a\":2}", "nul", "\"\\x\"", "1 2",
                "{a:1}", "01", "\"\\u12\"")) {
            assertThrows(IllegalArgumentException.class, () -> TestJson.parse(bad), bad);
        }
    }
}
