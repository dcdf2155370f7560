package org.debindex.verify.deps.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.json.JsonValue.JsonArray;
import org.debindex.verify.deps.json.JsonValue.JsonBoolean;
import org.debindex.verify.deps.json.JsonValue.JsonNull;
import org.debindex.verify.deps.json.JsonValue.JsonNumber;
import org.debindex.verify.deps.json.JsonValue.JsonObject;
import org.debindex.verify.deps.json.JsonValue.JsonString;
import org.debindex.verify.deps.json.JsonValue.Member;

/**
 * Reads one RFC 8259 JSON document into an immutable {@link JsonValue} tree, strictly and within
 * fixed bounds.
 *
 * <p>Strict: UTF-8 only (no byte order mark, no overlong forms, no encoded surrogates), no
 * comments, no trailing commas, no {@code NaN}/{@code Infinity}, no control characters in
 * strings, escaped surrogates only in pairs, member names unique within an object. Bounded: a
 * document may be at most {@value #MAX_SIZE} bytes and nest at most {@value #MAX_DEPTH} arrays
 * and objects, so that hostile input costs neither the stack nor unbounded memory. The first error
 * stops the reading and names the source and line.
 *
 * <p>Instances are single-use and not thread-safe; the static methods are thread-safe.
 *
 * <p>Format: RFC 8259.
 */
public final class JsonReader {

    /** Most arrays and objects a value may be nested in, the outermost counting as 1. */
    public static final int MAX_DEPTH = 100;

    /** Largest document, in bytes (16 MiB). */
    public static final int MAX_SIZE = 16 << 20;

    private final byte[] in;
    private final String source;
    private int pos;
    private int line = 1;

    private JsonReader(byte[] in, String source) {
        this.in = in;
        this.source = source;
    }

    /**
     * Reads a file.
     *
     * @throws MalformedInputException if the file is not one valid JSON document within the bounds;
     *     the message names the file as given and the line
     * @throws IOException if the file cannot be read
     * @throws NullPointerException if {@code file} is null
     */
    public static JsonValue read(Path file) throws IOException, MalformedInputException {
        String source = file.toString();
        byte[] bytes;
        try (InputStream stream = Files.newInputStream(file)) {
            // one byte past the limit tells "too big" without reading the rest
            bytes = stream.readNBytes(MAX_SIZE + 1);
        }
        return parse(bytes, source);
    }

    /**
     * Parses a document held in memory.
     *
     * @param bytes  the document, UTF-8
     * @param source the name used in messages
     * @throws MalformedInputException if it is not one valid JSON document within the bounds
     * @throws NullPointerException if an argument is null
     */
    public static JsonValue parse(byte[] bytes, String source) throws MalformedInputException {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(source, "source");
        if (bytes.length > MAX_SIZE) {
            throw new MalformedInputException(source, -1, -1,
                    "document is larger than the limit of " + MAX_SIZE + " bytes");
        }
        return new JsonReader(bytes, source).document();
    }

    private JsonValue document() throws MalformedInputException {
        if (in.length >= 3 && (in[0] & 0xff) == 0xef && (in[1] & 0xff) == 0xbb && (in[2] & 0xff) == 0xbf) {
            throw error("byte order mark at the start; expected a JSON value in UTF-8 without one");
        }
        skipWhitespace();
        if (pos == in.length) {
            throw error((in.length == 0 ? "empty document" : "document holds only whitespace")
                    + "; expected a JSON value");
        }
        JsonValue value = value(0);
        skipWhitespace();
        if (pos < in.length) {
            throw error("unexpected " + describe() + " after the value; expected the end of the document");
        }
        return value;
    }

    private JsonValue value(int depth) throws MalformedInputException {
        if (pos == in.length) {
            throw error("unexpected end of document; expected a JSON value");
        }
        return switch (in[pos]) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> new JsonString(string(), line);
            case 't' -> new JsonBoolean(literal("true", true), line);
            case 'f' -> new JsonBoolean(literal("false", false), line);
            case 'n' -> {
                literal("null", false);
                yield new JsonNull(line);
            }
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number();
            default -> throw error("unexpected " + describe() + "; expected a JSON value");
        };
    }

    private JsonObject object(int depth) throws MalformedInputException {
        checkDepth(depth);
        int start = line;
        pos++;
        Map<String, Member> members = new LinkedHashMap<>();
        skipWhitespace();
        if (pos < in.length && in[pos] == '}') {
            pos++;
            return new JsonObject(members, start);
        }
        while (true) {
            skipWhitespace();
            if (pos == in.length || in[pos] != '"') {
                throw error(pos < in.length && in[pos] == '}' && !members.isEmpty()
                        ? "trailing comma before \"}\"; expected a member name"
                        : "unexpected " + describe() + "; expected a member name in double quotes");
            }
            int nameLine = line;
            String name = string();
            skipWhitespace();
            if (pos == in.length || in[pos] != ':') {
                throw error("unexpected " + describe() + " after member name " + MalformedInputException.quote(name)
                        + "; expected \":\"");
            }
            pos++;
            skipWhitespace();
            JsonValue value = value(depth);
            Member previous = members.putIfAbsent(name, new Member(name, nameLine, value));
            if (previous != null) {
                throw new MalformedInputException(source, nameLine, -1, "duplicate member name "
                        + MalformedInputException.quote(name) + " (first on line " + previous.line()
                        + "); expected unique names");
            }
            skipWhitespace();
            if (pos < in.length && in[pos] == ',') {
                pos++;
            } else if (pos < in.length && in[pos] == '}') {
                pos++;
                return new JsonObject(members, start);
            } else {
                throw error("unexpected " + describe() + " in object; expected \",\" or \"}\"");
            }
        }
    }

    private JsonArray array(int depth) throws MalformedInputException {
        checkDepth(depth);
        int start = line;
        pos++;
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (pos < in.length && in[pos] == ']') {
            pos++;
            return new JsonArray(elements, start);
        }
        while (true) {
            skipWhitespace();
            if (pos < in.length && in[pos] == ']' && !elements.isEmpty()) {
                throw error("trailing comma before \"]\"; expected a JSON value");
            }
            elements.add(value(depth));
            skipWhitespace();
            if (pos < in.length && in[pos] == ',') {
                pos++;
            } else if (pos < in.length && in[pos] == ']') {
                pos++;
                return new JsonArray(elements, start);
            } else {
                throw error("unexpected " + describe() + " in array; expected \",\" or \"]\"");
            }
        }
    }

    private void checkDepth(int depth) throws MalformedInputException {
        if (depth > MAX_DEPTH) {
            throw error("arrays and objects nested deeper than the limit of " + MAX_DEPTH);
        }
    }

    private boolean literal(String word, boolean value) throws MalformedInputException {
        for (int i = 0; i < word.length(); i++) {
            if (pos + i >= in.length || in[pos + i] != word.charAt(i)) {
                pos += i;
                throw error("unexpected " + describe() + "; expected \"" + word + "\"");
            }
        }
        pos += word.length();
        return value;
    }

    /** RFC 8259 section 6; kept as text, so "1.0" and "1" stay distinct and nothing is rounded. */
    private JsonNumber number() throws MalformedInputException {
        int start = pos;
        if (in[pos] == '-') {
            pos++;
        }
        if (pos < in.length && in[pos] == '0') {
            pos++;
        } else if (!digits()) {
            throw error("unexpected " + describe() + " in number; expected a digit");
        }
        if (pos < in.length && in[pos] == '.') {
            pos++;
            if (!digits()) {
                throw error("unexpected " + describe() + " in number; expected a digit after \".\"");
            }
        }
        if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
            pos++;
            if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
                pos++;
            }
            if (!digits()) {
                throw error("unexpected " + describe() + " in number; expected a digit in the exponent");
            }
        }
        return new JsonNumber(new String(in, start, pos - start, java.nio.charset.StandardCharsets.US_ASCII), line);
    }

    private boolean digits() {
        int start = pos;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        return pos > start;
    }

    /** RFC 8259 section 7 and RFC 3629 (well-formed UTF-8, table 3-7 of Unicode). */
    private String string() throws MalformedInputException {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos == in.length) {
                throw error("unterminated string; expected a closing quote");
            }
            int b = in[pos] & 0xff;
            if (b == '"') {
                pos++;
                return out.toString();
            } else if (b == '\\') {
                escape(out);
            } else if (b < 0x20) {
                throw error(String.format("control character U+%04X in string; expected it escaped", b));
            } else if (b < 0x80) {
                out.append((char) b);
                pos++;
            } else {
                out.appendCodePoint(utf8(b));
            }
        }
    }

    private int utf8(int b) throws MalformedInputException {
        int count;
        int lo = 0x80;
        int hi = 0xbf;
        int cp;
        if (b >= 0xc2 && b <= 0xdf) {
            count = 1;
            cp = b & 0x1f;
        } else if (b >= 0xe0 && b <= 0xef) {
            count = 2;
            cp = b & 0x0f;
            if (b == 0xe0) {
                lo = 0xa0; // no overlong forms
            } else if (b == 0xed) {
                hi = 0x9f; // no encoded surrogates
            }
        } else if (b >= 0xf0 && b <= 0xf4) {
            count = 3;
            cp = b & 0x07;
            if (b == 0xf0) {
                lo = 0x90;
            } else if (b == 0xf4) {
                hi = 0x8f; // nothing above U+10FFFF
            }
        } else {
            throw error(String.format("invalid UTF-8 byte 0x%02x; expected UTF-8 text", b));
        }
        for (int i = 1; i <= count; i++) {
            int c = pos + i < in.length ? in[pos + i] & 0xff : -1;
            if (c < lo || c > hi) {
                throw error(String.format("invalid UTF-8 sequence starting with byte 0x%02x; expected UTF-8 text", b));
            }
            cp = (cp << 6) | (c & 0x3f);
            lo = 0x80;
            hi = 0xbf;
        }
        pos += count + 1;
        return cp;
    }

    private void escape(StringBuilder out) throws MalformedInputException {
        if (pos + 1 >= in.length) {
            throw error("unterminated string; expected an escape after \"\\\"");
        }
        byte e = in[pos + 1];
        switch (e) {
            case '"', '\\', '/' -> out.append((char) e);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                pos += 2;
                char c = hex4();
                if (Character.isLowSurrogate(c)) {
                    throw error(String.format("lone low surrogate \\u%04x; expected a high surrogate before it", (int) c));
                }
                if (Character.isHighSurrogate(c)) {
                    if (pos + 1 >= in.length || in[pos] != '\\' || in[pos + 1] != 'u') {
                        throw error(String.format("lone high surrogate \\u%04x; expected \\u followed by a low surrogate", (int) c));
                    }
                    pos += 2;
                    char low = hex4();
                    if (!Character.isLowSurrogate(low)) {
                        throw error(String.format("high surrogate \\u%04x followed by \\u%04x; expected a low surrogate",
                                (int) c, (int) low));
                    }
                    out.append(c).append(low);
                } else {
                    out.append(c);
                }
                return;
            }
            default -> {
                pos++;
                throw error("invalid escape \\" + describe() + "; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
            }
        }
        pos += 2;
    }

    private char hex4() throws MalformedInputException {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = pos < in.length ? Character.digit(in[pos] & 0x7f, 16) : -1;
            if (d < 0 || (pos < in.length && in[pos] < 0)) {
                throw error("unexpected " + describe() + " in \\u escape; expected four hex digits");
            }
            v = v << 4 | d;
            pos++;
        }
        return (char) v;
    }

    private void skipWhitespace() {
        while (pos < in.length) {
            byte b = in[pos];
            if (b == '\n') {
                line++;
            } else if (b == '\r') {
                if (pos + 1 >= in.length || in[pos + 1] != '\n') {
                    line++;
                }
            } else if (b != ' ' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    /** The byte at the current position, for a message. */
    private String describe() {
        if (pos >= in.length) {
            return "end of document";
        }
        int b = in[pos] & 0xff;
        if (b >= 0x20 && b < 0x7f) {
            return MalformedInputException.quote(String.valueOf((char) b));
        }
        return String.format("byte 0x%02x", b);
    }

    private MalformedInputException error(String problem) {
        return new MalformedInputException(source, line, pos, problem);
    }
}
