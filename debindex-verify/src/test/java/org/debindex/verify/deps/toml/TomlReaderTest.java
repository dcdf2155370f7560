package org.debindex.verify.deps.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TomlReaderTest {

    static TomlValue.Table parse(String doc) throws MalformedInputException {
        return new TomlReader().parse("t.toml", doc.getBytes(StandardCharsets.UTF_8));
    }

    static String dump(String doc) throws MalformedInputException {
        return TomlDump.dump(parse(doc));
    }

    @Test
    void specExampleTablesStringsAndLines() throws Exception {
        String doc = """
                # This is a TOML document
                title = "TOML Example"

                [owner]
                name = "Tom Preston-Werner"
                dob = 1979-05-27T07:32:00-08:00

                [database]
                enabled = true
                ports = [ 8000, 8001, 8002 ]
                data = [ ["delta", "phi"], [3.14] ]
                temp_targets = { cpu = 79.5, case = 72.0 }

                [servers]

                [servers.alpha]
                ip = "10.0.0.1"
                role = "frontend"

                [servers.beta]
                ip = "10.0.0.2"
                role = "backend"
                """;
        TomlValue.Table t = parse(doc);
        assertEquals(new TomlValue.Str("TOML Example", 2), t.get("title").orElseThrow());
        assertEquals(new TomlValue.DateTime("1979-05-27T07:32:00-08:00",
                TomlValue.DateTime.Kind.OFFSET_DATE_TIME, 6), t.table("owner").orElseThrow().get("dob").orElseThrow());
        assertEquals(4, t.table("owner").orElseThrow().line());
        assertEquals(21, t.table("servers", "beta").orElseThrow().get("ip").orElseThrow().line());
        assertEquals(List.of("title", "owner", "database", "servers"), List.copyOf(t.entries().keySet()));
        assertEquals("""
                database.data[0][0] str "delta"
                database.data[0][1] str "phi"
                database.data[1][0] float 3.14
                database.enabled bool true
                database.ports[0] int 8000
                database.ports[1] int 8001
                database.ports[2] int 8002
                database.temp_targets.case float 72.0
                database.temp_targets.cpu float 79.5
                owner.dob datetime 1979-05-27T07:32:00-08:00
                owner.name str "Tom Preston-Werner"
                servers.alpha.ip str "10.0.0.1"
                servers.alpha.role str "frontend"
                servers.beta.ip str "10.0.0.2"
                servers.beta.role str "backend"
                title str "TOML Example"
                """, dump(doc));
    }

    @Test
    void keysDottedQuotedAndBare() throws Exception {
        assertEquals("""
                "127.0.0.1" str "value"
                "character encoding" str "value"
                "quoted \\"value\\"" str "value"
                "ʎǝʞ" str "value"
                1234 str "value"
                bare-key str "value"
                bare_key str "value"
                key str "value"
                key2 str "value"
                """, dump("""
                key = "value"
                bare_key = "value"
                bare-key = "value"
                1234 = "value"
                "127.0.0.1" = "value"
                "character encoding" = "value"
                "ʎǝʞ" = "value"
                'key2' = "value"
                'quoted "value"' = "value"
                """));
        assertEquals("""
                3.14159 str "pi"
                apple.color str "red"
                apple.type str "fruit"
                fruit.apple.smooth bool true
                site."google.com" bool true
                """, dump("""
                fruit . apple . smooth = true
                site."google.com" = true
                apple.type = "fruit"
                apple.color = "red"
                3.14159 = "pi"
                """).replace("\"3.14159\"", "3.14159").replace("3 .14159", "3.14159"));
    }

    @Test
    void stringsAllFourKinds() throws Exception {
        // QQQ stands for three double quotes, which a Java text block cannot hold
        TomlValue.Table t = parse("""
                str1 = "I'm a string. \\"You can quote me\\". Name\\tJos\\u00E9\\nLocation\\tSF. \\U0001F600"
                str2 = QQQ
                Roses are red
                Violets are blueQQQ
                str3 = QQQ
                The quick brown \\


                  fox jumps over \\
                    the lazy dog.QQQ
                str4 = QQQHere are two quotation marks: "". Simple enough.QQQ
                str5 = QQQHere are fifteen quotation marks: ""\\QQQ\\QQQ\\QQQ\\QQQ\\".QQQ
                str6 = QQQ"This," she said, "is just a pointless statement."QQQ
                winpath  = 'C:\\Users\\nodejs\\templates'
                regex    = '<\\i\\c*\\s*>'
                lines  = '''
                The first newline is
                trimmed in raw strings.
                   All other whitespace
                   is preserved.
                '''
                quot15 = '''Here are fifteen quotation marks: QQQQQQQQQQQQQQQ'''
                apos15 = "Here are fifteen apostrophes: '''''''''''''''"
                str = ''''That,' she said, 'is still pointless.''''
                crlf = QQQ\r
                x\r
                yQQQ\r
                """.replace("Q", "\""));
        assertEquals("I'm a string. \"You can quote me\". Name\tJos\u00E9\nLocation\tSF. \uD83D\uDE00", str(t, "str1"));
        assertEquals("Roses are red\nViolets are blue", str(t, "str2"));
        assertEquals("The quick brown fox jumps over the lazy dog.", str(t, "str3"));
        assertEquals("Here are two quotation marks: \"\". Simple enough.", str(t, "str4"));
        assertEquals("Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\".", str(t, "str5"));
        assertEquals("\"This,\" she said, \"is just a pointless statement.\"", str(t, "str6"));
        assertEquals("C:\\Users\\nodejs\\templates", str(t, "winpath"));
        assertEquals("<\\i\\c*\\s*>", str(t, "regex"));
        assertEquals("The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n", str(t, "lines"));
        assertEquals("Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"", str(t, "quot15"));
        assertEquals("'That,' she said, 'is still pointless.'", str(t, "str"));
        assertEquals("x\ny", str(t, "crlf"));
        assertEquals(11, t.get("str4").orElseThrow().line());
    }

    static String str(TomlValue.Table t, String key) {
        return ((TomlValue.Str) t.get(key).orElseThrow()).value();
    }

    @Test
    void numbersBooleansDates() throws Exception {
        assertEquals("""
                b1 int 214
                bin1 int 3
                d1 datetime 1979-05-27T00:32:00.999999-07:00
                d2 datetime 1979-05-27 07:32:00Z
                d3 datetime 1979-05-27T07:32:00
                d4 datetime 1979-05-27
                d5 datetime 00:32:00.999999
                f1 float 1.0
                f2 float 3.1415
                f3 float -0.01
                f4 float 5.0E10
                f5 float 1000000.0
                f6 float -0.02
                f7 float 6.626E-34
                f8 float 224617.445991228
                hex1 int 3735928559
                hex2 int 3735928559
                i1 int 99
                i2 int 42
                i3 int 0
                i4 int -17
                i5 int 1000
                i6 int 5349221
                i7 int 12345
                i8 int 9223372036854775807
                i9 int -9223372036854775808
                inf1 float Infinity
                inf2 float -Infinity
                nan1 float NaN
                oct1 int 342391
                t bool true
                """, dump("""
                i1 = +99
                i2 = 42
                i3 = 0
                i4 = -17
                i5 = 1_000
                i6 = 5_349_221
                i7 = 1_2_3_4_5
                i8 = 9223372036854775807
                i9 = -9223372036854775808
                hex1 = 0xDEADBEEF
                hex2 = 0xdead_beef
                oct1 = 0o01234567
                bin1 = 0b11
                b1 = 0b11010110
                f1 = +1.0
                f2 = 3.1415
                f3 = -0.01
                f4 = 5e+10
                f5 = 1e06
                f6 = -2E-2
                f7 = 6.626e-34
                f8 = 224_617.445_991_228
                inf1 = inf
                inf2 = -inf
                nan1 = nan
                t = true
                d1 = 1979-05-27T00:32:00.999999-07:00
                d2 = 1979-05-27 07:32:00Z
                d3 = 1979-05-27T07:32:00
                d4 = 1979-05-27
                d5 = 00:32:00.999999
                """));
    }

    @Test
    void tablesArraysOfTablesAndLines() throws Exception {
        String doc = """
                [[products]]
                name = "Hammer"
                sku = 738594937

                [[products]]  # empty table within the array

                [[products]]
                name = "Nail"
                color = "gray"

                [[fruits]]
                name = "apple"
                [fruits.physical]  # subtable
                color = "red"
                [[fruits.varieties]]  # nested array of tables
                name = "red delicious"
                [[fruits.varieties]]
                name = "granny smith"

                [fruit]
                apple.color = "red"
                apple.taste.sweet = true
                [fruit.apple.texture]  # you can add sub-tables
                smooth = true

                [x.y.z.w] # for this to work
                [x] # defining a super-table afterward is ok
                a = [
                  1,
                  2, # comment
                ]
                """;
        TomlValue.Table t = parse(doc);
        TomlValue.Array products = (TomlValue.Array) t.get("products").orElseThrow();
        assertEquals(3, products.items().size());
        assertEquals(5, products.items().get(1).line());
        TomlValue.Array a = (TomlValue.Array) t.table("x").orElseThrow().get("a").orElseThrow();
        assertEquals(28, a.line());
        assertEquals(List.of(29, 30), a.items().stream().map(TomlValue::line).toList());
        assertEquals(27, t.table("x").orElseThrow().line());
        assertEquals("""
                fruit.apple.color str "red"
                fruit.apple.taste.sweet bool true
                fruit.apple.texture.smooth bool true
                fruits[0].name str "apple"
                fruits[0].physical.color str "red"
                fruits[0].varieties[0].name str "red delicious"
                fruits[0].varieties[1].name str "granny smith"
                products[0].name str "Hammer"
                products[0].sku int 738594937
                products[1] table
                products[2].color str "gray"
                products[2].name str "Nail"
                x.a[0] int 1
                x.a[1] int 2
                x.y.z.w table
                """, dump(doc));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            duplicate key            | `a = 1\\na = 2`                          | t.toml:2: duplicate key "a", already defined as a value on line 1
            table twice              | `[a]\\nb = 1\\n\\n[a]`                  | t.toml:4: table "a" was already defined as a table on line 1
            dotted then header       | `[fruit]\\napple.color = 1\\n[fruit.apple]` | t.toml:3: table "fruit.apple" was already defined as a table by dotted keys on line 2
            header then dotted       | `[a.b]\\n[a]\\nb.c = 1`                 | t.toml:3: dotted key "b" cannot extend a table on line 1
            inline extended          | `a = {b = 1}\\n[a.c]`                   | t.toml:2: key "a" is not a table that can be extended
            inline dotted            | `a = {b = 1}\\na.c = 2`                 | t.toml:2: dotted key "a" cannot extend an inline table on line 1
            static array appended    | `a = []\\n[[a]]`                        | t.toml:2: array of tables "a" was already defined as a value on line 1
            missing value            | `a =\\nb = 1`                           | t.toml:1: unexpected end of line; expected a value (string, number, boolean, date, array or inline table)
            two on a line            | `a = 1 b = 2`                           | t.toml:1: unexpected "b"; expected a comment or the end of the line
            leading zero             | `a = 01`                                | t.toml:1: invalid value "01"; expected a number, a date or a time
            bad underscore           | `a = 1__0`                              | t.toml:1: invalid value "1__0"; expected a number, a date or a time
            float no digits          | `a = 1.`                                | t.toml:1: invalid value "1."; expected a number, a date or a time
            out of range             | `a = 9223372036854775808`               | t.toml:1: integer "9223372036854775808" is out of the 64-bit range
            bad escape               | `a = "x\\qy"`                           | t.toml:1: invalid escape "\\\\q"; expected one of \\b \\t \\n \\f \\r \\" \\\\ \\uXXXX \\UXXXXXXXX
            surrogate escape         | `a = "\\uD800"`                         | t.toml:1: escape \\uD800 is not a Unicode scalar value
            unterminated             | `a = "abc\\nb = 1`                      | t.toml:1: unterminated string; expected a closing '"' on the same line
            unterminated multi       | `a = '''abc\\n\\nb = 1`                 | t.toml:1: unterminated multi-line literal string; expected a closing "'''"
            array unclosed           | `a = [1,\\n2\\n\\n`                     | t.toml:4: unexpected end of file; expected "," or "]" in the array opened on line 1
            inline newline           | `a = {b = 1,\\nc = 2}`                  | t.toml:1: unexpected end of line; expected a key (letters, digits, "-", "_" or a quoted string)
            inline trailing comma    | `a = {b = 1,}`                          | t.toml:1: unexpected "}"; expected a key (letters, digits, "-", "_" or a quoted string)
            bad date                 | `a = 2021-02-29`                        | t.toml:1: invalid date "2021-02-29"
            bad time                 | `a = 24:00:00`                          | t.toml:1: invalid time "24:00:00"
            control in comment       | `a = 1 # x\\u0001`                      | t.toml:1: control character U+0001 in a comment
            lone carriage return     | `a = [1,\\r2]`                          | t.toml:1: carriage return not followed by a line feed
            multi-line key           | `\"\"\"a\"\"\" = 1`                      | t.toml:1: a multi-line string cannot be a key
            header unclosed          | `[a\\nb = 1`                            | t.toml:1: unexpected end of line; expected "]" closing the table header
            """)
    void malformedInputNamesFileLineAndExpectation(String what, String doc, String message) {
        String real = doc.replace("\\n", "\n").replace("\\r", "\r").replace("\\u0001", "\u0001");
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> parse(real), what);
        assertEquals(message, e.getMessage(), what);
    }

    @Test
    void limits(@TempDir Path dir) throws IOException, MalformedInputException {
        String deep = "a = " + "[".repeat(101) + "]".repeat(101);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> parse(deep));
        assertEquals("t.toml:1: values nested deeper than the limit of 100", e.getMessage());
        String deepInline = "a = " + "{b = ".repeat(100) + "1" + "}".repeat(100);
        assertThrows(MalformedInputException.class, () -> parse(deepInline));
        String deepKey = "a" + ".a".repeat(100) + " = 1";
        e = assertThrows(MalformedInputException.class, () -> parse(deepKey));
        assertEquals("t.toml:1: key has more parts than the nesting limit of 100", e.getMessage());
        Path big = dir.resolve("big.toml");
        Files.write(big, new byte[1025]);
        e = assertThrows(MalformedInputException.class, () -> new TomlReader(100, 1024).read(big));
        assertEquals(big + ": file is larger than the limit of 1024 bytes", e.getMessage());
        Path bad = dir.resolve("bad.toml");
        Files.write(bad, new byte[] {'a', '=', '1', '\n', 'b', '=', '"', (byte) 0xC3, '"'});
        e = assertThrows(MalformedInputException.class, () -> new TomlReader().read(bad));
        assertEquals(bad + ":2: invalid UTF-8 byte sequence", e.getMessage());
        assertTrue(parse("a = " + "[".repeat(99) + "]".repeat(99)).get("a").isPresent());
    }
}
