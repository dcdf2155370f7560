package org.debindex.verify.deps.toml;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debindex.core.MalformedInputException;

/**
 * Reads a TOML 1.0 document (the TOML v1.0.0 specification) into an
 * immutable {@link TomlValue.Table}: strict, stopping at the first error with its line.
 *
 * <p>Deviations, all refusals: integers must fit a Java {@code long} (the specification allows
 * that limit) and a float must not overflow to infinity; a byte-order mark is
 * refused; nesting (tables, arrays, inline tables together) deeper than {@link #maxDepth()} and
 * files larger than {@link #maxBytes()} are refused. CRLF is read as LF, also inside strings, as
 * the specification allows.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TomlReader {

    /** Default deepest nesting of tables and arrays. */
    public static final int DEFAULT_MAX_DEPTH = 100;
    /** Default largest file, 16 MiB: manifests are small, so more is a mistake or an attack. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;

    private final int maxDepth;
    private final long maxBytes;

    /** A reader with the default limits. */
    public TomlReader() {
        this(DEFAULT_MAX_DEPTH, DEFAULT_MAX_BYTES);
    }

    /**
     * A reader with the given limits.
     *
     * @throws IllegalArgumentException if a limit is not positive
     */
    public TomlReader(int maxDepth, long maxBytes) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be positive: " + maxDepth);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxDepth = maxDepth;
        this.maxBytes = maxBytes;
    }

    /** The deepest nesting accepted. */
    public int maxDepth() {
        return maxDepth;
    }

    /** The largest input accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads a file; errors name it as {@code file.toString()}.
     *
     * @throws MalformedInputException if the file is not valid TOML 1.0 or exceeds a limit
     * @throws IOException if it cannot be read
     * @throws NullPointerException if {@code file} is null
     */
    public TomlValue.Table read(Path file) throws IOException, MalformedInputException {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // read one byte past the limit to know it was exceeded without trusting the size
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        return parse(file.toString(), bytes);
    }

    /**
     * Parses a document held in memory.
     *
     * @param source the name errors give for it
     * @throws MalformedInputException if it is not valid UTF-8 and TOML 1.0, or exceeds a limit
     * @throws NullPointerException if an argument is null
     */
    public TomlValue.Table parse(String source, byte[] bytes) throws MalformedInputException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > maxBytes) {
            throw new MalformedInputException(source, -1, -1,
                    "file is larger than the limit of " + maxBytes + " bytes");
        }
        return new Parser(source, decode(source, bytes), maxDepth).document();
    }

    private static String decode(String source, byte[] bytes) throws MalformedInputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new MalformedInputException(source, line, in.position(), "invalid UTF-8 byte sequence");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** How a table came to be, which decides what may still be added to it (TOML 1.0 "Table"). */
    private enum Kind { IMPLICIT, HEADER, DOTTED, INLINE }

    private static final class MTable {
        final Map<String, Object> map = new LinkedHashMap<>();
        Kind kind;
        int line;
        int section;
        final int depth;

        MTable(Kind kind, int line, int section, int depth) {
            this.kind = kind;
            this.line = line;
            this.section = section;
            this.depth = depth;
        }
    }

    /** An array of tables, still open for {@code [[x]]} appends. */
    private static final class MArray {
        final List<MTable> tables = new ArrayList<>();
        final int line;

        MArray(int line) {
            this.line = line;
        }
    }

    private record KeyPart(String name, int pos) {
    }

    private static final Pattern DEC_INT = Pattern.compile("[+-]?(?:0|[1-9](?:_?[0-9])*)");
    private static final Pattern HEX_INT = Pattern.compile("0x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*");
    private static final Pattern OCT_INT = Pattern.compile("0o[0-7](?:_?[0-7])*");
    private static final Pattern BIN_INT = Pattern.compile("0b[01](?:_?[01])*");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:0|[1-9](?:_?[0-9])*)(?:\\.[0-9](?:_?[0-9])*)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("[+-]?(?:inf|nan)");
    private static final Pattern DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    private static final Pattern TIME = Pattern.compile("([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]+)?");
    private static final Pattern DATE_TIME = Pattern.compile(
            "([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]+)?"
            + "(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))?");

    /** One parse; not thread-safe, used by one call only. */
    private static final class Parser {
        private final String src;
        private final String text;
        private final int maxDepth;
        private final int[] lineStarts;
        private int pos;
        private final MTable root;
        private MTable current;
        private int section;
        private int inlineSections = -1;

        Parser(String src, String text, int maxDepth) {
            this.src = src;
            this.text = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
            this.maxDepth = maxDepth;
            int[] starts = new int[16];
            int n = 0;
            starts[n++] = 0;
            for (int i = 0; i < this.text.length(); i++) {
                if (this.text.charAt(i) == '\n') {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, n * 2);
                    }
                    starts[n++] = i + 1;
                }
            }
            this.lineStarts = Arrays.copyOf(starts, n);
            this.root = new MTable(Kind.HEADER, 1, 0, 0);
            this.current = root;
        }

        int lineAt(int p) {
            int i = Arrays.binarySearch(lineStarts, p);
            return i >= 0 ? i + 1 : -i - 1;
        }

        MalformedInputException error(int at, String problem) {
            return new MalformedInputException(src, lineAt(at), -1, problem);
        }

        MalformedInputException expected(int at, String what) {
            return error(at, (at >= text.length() ? "unexpected end of file"
                    : text.charAt(at) == '\n' ? "unexpected end of line"
                    : "unexpected " + MalformedInputException.quote(String.valueOf(text.charAt(at))))
                    + "; expected " + what);
        }

        boolean eof() {
            return pos >= text.length();
        }

        char peek() {
            return text.charAt(pos);
        }

        void skipWs() {
            while (!eof() && (peek() == ' ' || peek() == '\t')) {
                pos++;
            }
        }

        /** Whitespace, newlines and comments, as allowed between array elements. */
        void skipWsNewlinesComments() throws MalformedInputException {
            while (!eof()) {
                char c = peek();
                if (c == ' ' || c == '\t' || c == '\n') {
                    pos++;
                } else if (c == '#') {
                    comment();
                } else if (c == '\r') {
                    throw error(pos, "carriage return not followed by a line feed");
                } else {
                    return;
                }
            }
        }

        void comment() throws MalformedInputException {
            pos++;
            while (!eof() && peek() != '\n') {
                char c = peek();
                if (isControl(c)) {
                    throw error(pos, "control character U+" + String.format("%04X", (int) c) + " in a comment");
                }
                pos++;
            }
        }

        static boolean isControl(char c) {
            return (c < 0x20 && c != '\t') || c == 0x7f;
        }

        void endOfLine() throws MalformedInputException {
            skipWs();
            if (eof()) {
                return;
            }
            if (peek() == '#') {
                comment();
            }
            if (eof()) {
                return;
            }
            if (peek() != '\n') {
                throw expected(pos, "a comment or the end of the line");
            }
            pos++;
        }

        TomlValue.Table document() throws MalformedInputException {
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                throw error(0, "byte-order mark at the start of the file");
            }
            while (true) {
                skipWs();
                if (eof()) {
                    break;
                }
                char c = peek();
                if (c == '\n') {
                    pos++;
                } else if (c == '#') {
                    comment();
                    endOfLine();
                } else if (c == '[') {
                    header();
                    endOfLine();
                } else {
                    keyValue(current, section);
                    endOfLine();
                }
            }
            return freeze(root);
        }

        void header() throws MalformedInputException {
            int start = pos;
            boolean array = text.startsWith("[[", pos);
            pos += array ? 2 : 1;
            skipWs();
            List<KeyPart> key = key();
            skipWs();
            if (array ? !text.startsWith("]]", pos) : eof() || peek() != ']') {
                throw expected(pos, array ? "\"]]\" closing the array-of-tables header" : "\"]\" closing the table header");
            }
            pos += array ? 2 : 1;
            int line = lineAt(start);
            MTable t = root;
            for (int i = 0; i < key.size() - 1; i++) {
                KeyPart part = key.get(i);
                Object o = t.map.get(part.name());
                if (o == null) {
                    MTable n = child(t, Kind.IMPLICIT, line, section, part.pos());
                    t.map.put(part.name(), n);
                    t = n;
                } else if (o instanceof MTable m && m.kind != Kind.INLINE) {
                    t = m;
                } else if (o instanceof MArray a) {
                    t = a.tables.get(a.tables.size() - 1);
                } else {
                    throw error(part.pos(), "key " + dotted(key, i + 1) + " is not a table that can be extended");
                }
            }
            KeyPart last = key.get(key.size() - 1);
            Object o = t.map.get(last.name());
            section++;
            if (array) {
                MArray a;
                if (o == null) {
                    a = new MArray(line);
                    t.map.put(last.name(), a);
                } else if (o instanceof MArray existing) {
                    a = existing;
                } else {
                    throw error(start, "array of tables " + dotted(key, key.size()) + " was already defined as "
                            + describe(o));
                }
                MTable n = child(t, Kind.HEADER, line, section, start);
                a.tables.add(n);
                current = n;
            } else if (o == null) {
                MTable n = child(t, Kind.HEADER, line, section, start);
                t.map.put(last.name(), n);
                current = n;
            } else if (o instanceof MTable m && m.kind == Kind.IMPLICIT) {
                m.kind = Kind.HEADER;
                m.line = line;
                m.section = section;
                current = m;
            } else {
                throw error(start, "table " + dotted(key, key.size()) + " was already defined as " + describe(o));
            }
        }

        String describe(Object o) {
            if (o instanceof MTable m) {
                return switch (m.kind) {
                    case HEADER, IMPLICIT -> "a table on line " + m.line;
                    case DOTTED -> "a table by dotted keys on line " + m.line;
                    case INLINE -> "an inline table on line " + m.line;
                };
            }
            if (o instanceof MArray a) {
                return "an array of tables on line " + a.line;
            }
            return "a value on line " + ((TomlValue) o).line();
        }

        MTable child(MTable parent, Kind kind, int line, int sec, int at) throws MalformedInputException {
            if (parent.depth + 1 > maxDepth) {
                throw error(at, "tables nested deeper than the limit of " + maxDepth);
            }
            return new MTable(kind, line, sec, parent.depth + 1);
        }

        static String dotted(List<KeyPart> key, int n) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append('.');
                }
                b.append(key.get(i).name());
            }
            return MalformedInputException.quote(b);
        }

        void keyValue(MTable table, int sec) throws MalformedInputException {
            int start = pos;
            List<KeyPart> key = key();
            skipWs();
            if (eof() || peek() != '=') {
                throw expected(pos, "\"=\" after the key");
            }
            pos++;
            skipWs();
            MTable t = table;
            int line = lineAt(start);
            for (int i = 0; i < key.size() - 1; i++) {
                KeyPart part = key.get(i);
                Object o = t.map.get(part.name());
                if (o == null) {
                    MTable n = child(t, Kind.DOTTED, line, sec, part.pos());
                    t.map.put(part.name(), n);
                    t = n;
                } else if (o instanceof MTable m && (m.kind == Kind.IMPLICIT
                        || (m.kind == Kind.DOTTED && m.section == sec))) {
                    // tables made implicitly by a header may be extended by dotted keys once
                    m.kind = Kind.DOTTED;
                    m.section = sec;
                    t = m;
                } else {
                    throw error(part.pos(), "dotted key " + dotted(key, i + 1) + " cannot extend "
                            + describe(o));
                }
            }
            KeyPart last = key.get(key.size() - 1);
            if (t.map.containsKey(last.name())) {
                throw error(last.pos(), "duplicate key " + dotted(key, key.size()) + ", already defined as "
                        + describe(t.map.get(last.name())));
            }
            Object value = value(t.depth + 1);
            t.map.put(last.name(), value);
        }

        List<KeyPart> key() throws MalformedInputException {
            List<KeyPart> parts = new ArrayList<>();
            while (true) {
                int at = pos;
                if (eof()) {
                    throw expected(pos, "a key");
                }
                char c = peek();
                String name;
                if (c == '"') {
                    if (text.startsWith("\"\"\"", pos)) {
                        throw error(pos, "a multi-line string cannot be a key");
                    }
                    name = basicString();
                } else if (c == '\'') {
                    if (text.startsWith("'''", pos)) {
                        throw error(pos, "a multi-line string cannot be a key");
                    }
                    name = literalString();
                } else {
                    int s = pos;
                    while (!eof() && isBareKeyChar(peek())) {
                        pos++;
                    }
                    if (s == pos) {
                        throw expected(pos, "a key (letters, digits, \"-\", \"_\" or a quoted string)");
                    }
                    name = text.substring(s, pos);
                }
                parts.add(new KeyPart(name, at));
                if (parts.size() > maxDepth) {
                    throw error(at, "key has more parts than the nesting limit of " + maxDepth);
                }
                skipWs();
                if (eof() || peek() != '.') {
                    return parts;
                }
                pos++;
                skipWs();
            }
        }

        static boolean isBareKeyChar(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }

        /** A value; an {@link MTable} only for inline tables, which are frozen on the spot. */
        Object value(int depth) throws MalformedInputException {
            if (depth > maxDepth) {
                throw error(pos, "values nested deeper than the limit of " + maxDepth);
            }
            if (eof()) {
                throw expected(pos, "a value");
            }
            int line = lineAt(pos);
            char c = peek();
            switch (c) {
                case '"' -> {
                    return new TomlValue.Str(text.startsWith("\"\"\"", pos) ? multiLineBasicString() : basicString(), line);
                }
                case '\'' -> {
                    return new TomlValue.Str(text.startsWith("'''", pos) ? multiLineLiteralString() : literalString(), line);
                }
                case '[' -> {
                    return array(depth, line);
                }
                case '{' -> {
                    return inlineTable(depth, line);
                }
                case 't' -> {
                    if (text.startsWith("true", pos)) {
                        pos += 4;
                        return new TomlValue.Bool(true, line);
                    }
                }
                case 'f' -> {
                    if (text.startsWith("false", pos)) {
                        pos += 5;
                        return new TomlValue.Bool(false, line);
                    }
                }
                default -> {
                    if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == 'i' || c == 'n') {
                        return numberOrDate(line);
                    }
                }
            }
            throw expected(pos, "a value (string, number, boolean, date, array or inline table)");
        }

        TomlValue.Array array(int depth, int line) throws MalformedInputException {
            pos++;
            List<TomlValue> items = new ArrayList<>();
            while (true) {
                skipWsNewlinesComments();
                if (!eof() && peek() == ']') {
                    pos++;
                    return new TomlValue.Array(items, line);
                }
                Object v = value(depth + 1);
                items.add(v instanceof MTable m ? freeze(m) : (TomlValue) v);
                skipWsNewlinesComments();
                if (eof()) {
                    throw expected(pos, "\",\" or \"]\" in the array opened on line " + line);
                }
                if (peek() == ',') {
                    pos++;
                } else if (peek() == ']') {
                    pos++;
                    return new TomlValue.Array(items, line);
                } else {
                    throw expected(pos, "\",\" or \"]\" in the array opened on line " + line);
                }
            }
        }

        MTable inlineTable(int depth, int line) throws MalformedInputException {
            pos++;
            // a section of its own, so its dotted keys may extend each other but nothing else may
            MTable t = new MTable(Kind.DOTTED, line, inlineSections, depth);
            int sec = inlineSections--;
            skipWs();
            if (!eof() && peek() == '}') {
                pos++;
                t.kind = Kind.INLINE;
                return t;
            }
            while (true) {
                skipWs();
                keyValue(t, sec);
                skipWs();
                if (eof()) {
                    throw expected(pos, "\",\" or \"}\" in the inline table opened on line " + line);
                }
                if (peek() == ',') {
                    pos++;
                } else if (peek() == '}') {
                    pos++;
                    markInline(t);
                    return t;
                } else {
                    throw expected(pos, "\",\" or \"}\" in the inline table opened on line " + line);
                }
            }
        }

        static void markInline(MTable t) {
            t.kind = Kind.INLINE;
            for (Object o : t.map.values()) {
                if (o instanceof MTable m) {
                    markInline(m);
                }
            }
        }

        String basicString() throws MalformedInputException {
            int open = pos;
            pos++;
            StringBuilder b = new StringBuilder();
            while (true) {
                if (eof() || peek() == '\n') {
                    throw error(open, "unterminated string; expected a closing '\"' on the same line");
                }
                char c = peek();
                if (c == '"') {
                    pos++;
                    return b.toString();
                }
                if (c == '\\') {
                    escape(b);
                } else if (isControl(c)) {
                    throw error(pos, "control character U+" + String.format("%04X", (int) c) + " in a string");
                } else {
                    b.append(c);
                    pos++;
                }
            }
        }

        void escape(StringBuilder b) throws MalformedInputException {
            int at = pos;
            pos++;
            if (eof()) {
                throw expected(pos, "an escape sequence");
            }
            char e = peek();
            pos++;
            switch (e) {
                case 'b' -> b.append('\b');
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case 'f' -> b.append('\f');
                case 'r' -> b.append('\r');
                case '"' -> b.append('"');
                case '\\' -> b.append('\\');
                case 'u', 'U' -> {
                    int n = e == 'u' ? 4 : 8;
                    if (pos + n > text.length()) {
                        throw error(at, "escape \\" + e + " needs " + n + " hex digits");
                    }
                    String hex = text.substring(pos, pos + n);
                    for (int i = 0; i < n; i++) {
                        if (Character.digit(hex.charAt(i), 16) < 0) {
                            throw error(at, "escape \\" + e + " needs " + n + " hex digits, got "
                                    + MalformedInputException.quote(hex));
                        }
                    }
                    long cp = Long.parseLong(hex, 16);
                    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                        throw error(at, "escape \\" + e + hex + " is not a Unicode scalar value");
                    }
                    b.appendCodePoint((int) cp);
                    pos += n;
                }
                default -> throw error(at, "invalid escape " + MalformedInputException.quote("\\" + e)
                        + "; expected one of \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX");
            }
        }

        String multiLineBasicString() throws MalformedInputException {
            int open = pos;
            pos += 3;
            if (!eof() && peek() == '\n') {
                pos++;
            }
            StringBuilder b = new StringBuilder();
            while (true) {
                if (eof()) {
                    throw error(open, "unterminated multi-line string; expected a closing '\"\"\"'");
                }
                char c = peek();
                if (c == '"' && text.startsWith("\"\"\"", pos)) {
                    int q = 3;
                    while (pos + q < text.length() && text.charAt(pos + q) == '"') {
                        q++;
                    }
                    if (q > 5) {
                        throw error(pos, "too many quotes closing a multi-line string");
                    }
                    b.append("\"\"", 0, q - 3);
                    pos += q;
                    return b.toString();
                }
                if (c == '\\') {
                    int p = pos + 1;
                    while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                        p++;
                    }
                    if (p < text.length() && text.charAt(p) == '\n') {
                        // a line-ending backslash trims all whitespace up to the next text
                        pos = p;
                        while (!eof() && (peek() == ' ' || peek() == '\t' || peek() == '\n')) {
                            pos++;
                        }
                    } else {
                        escape(b);
                    }
                } else if (c != '\n' && isControl(c)) {
                    throw error(pos, "control character U+" + String.format("%04X", (int) c) + " in a string");
                } else {
                    b.append(c);
                    pos++;
                }
            }
        }

        String literalString() throws MalformedInputException {
            int open = pos;
            pos++;
            int s = pos;
            while (true) {
                if (eof() || peek() == '\n') {
                    throw error(open, "unterminated literal string; expected a closing \"'\" on the same line");
                }
                char c = peek();
                if (c == '\'') {
                    pos++;
                    return text.substring(s, pos - 1);
                }
                if (isControl(c)) {
                    throw error(pos, "control character U+" + String.format("%04X", (int) c) + " in a string");
                }
                pos++;
            }
        }

        String multiLineLiteralString() throws MalformedInputException {
            int open = pos;
            pos += 3;
            if (!eof() && peek() == '\n') {
                pos++;
            }
            int s = pos;
            while (true) {
                if (eof()) {
                    throw error(open, "unterminated multi-line literal string; expected a closing \"'''\"");
                }
                char c = peek();
                if (c == '\'' && text.startsWith("'''", pos)) {
                    int q = 3;
                    while (pos + q < text.length() && text.charAt(pos + q) == '\'') {
                        q++;
                    }
                    if (q > 5) {
                        throw error(pos, "too many quotes closing a multi-line literal string");
                    }
                    String v = text.substring(s, pos + q - 3);
                    pos += q;
                    return v;
                }
                if (c != '\n' && isControl(c)) {
                    throw error(pos, "control character U+" + String.format("%04X", (int) c) + " in a string");
                }
                pos++;
            }
        }

        TomlValue numberOrDate(int line) throws MalformedInputException {
            int s = pos;
            while (!eof() && isTokenChar(peek())) {
                pos++;
            }
            // a date and a time may be separated by one space
            if (pos - s == 10 && DATE.matcher(text.substring(s, pos)).matches() && pos + 1 < text.length()
                    && peek() == ' ' && text.charAt(pos + 1) >= '0' && text.charAt(pos + 1) <= '9') {
                pos++;
                while (!eof() && isTokenChar(peek())) {
                    pos++;
                }
            }
            String tok = text.substring(s, pos);
            if (DEC_INT.matcher(tok).matches()) {
                return new TomlValue.Int(integer(s, tok.replace("_", ""), 10), line);
            }
            if (HEX_INT.matcher(tok).matches()) {
                return new TomlValue.Int(integer(s, tok.substring(2).replace("_", ""), 16), line);
            }
            if (OCT_INT.matcher(tok).matches()) {
                return new TomlValue.Int(integer(s, tok.substring(2).replace("_", ""), 8), line);
            }
            if (BIN_INT.matcher(tok).matches()) {
                return new TomlValue.Int(integer(s, tok.substring(2).replace("_", ""), 2), line);
            }
            if (FLOAT.matcher(tok).matches()) {
                double d = Double.parseDouble(tok.replace("_", ""));
                if (Double.isInfinite(d)) {
                    throw error(s, "float " + MalformedInputException.quote(tok) + " is out of range");
                }
                return new TomlValue.Float(d, line);
            }
            if (SPECIAL_FLOAT.matcher(tok).matches()) {
                boolean neg = tok.startsWith("-");
                double d = tok.endsWith("nan") ? Double.NaN : neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                return new TomlValue.Float(d, line);
            }
            Matcher m = DATE_TIME.matcher(tok);
            if (m.matches()) {
                checkDate(s, tok, m.group(1), m.group(2), m.group(3));
                checkTime(s, tok, m.group(4), m.group(5), m.group(6));
                boolean offset = m.group(7) != null || m.group(8) != null;
                if (m.group(8) != null) {
                    checkTime(s, tok, m.group(9), m.group(10), "00");
                }
                return new TomlValue.DateTime(tok, offset ? TomlValue.DateTime.Kind.OFFSET_DATE_TIME
                        : TomlValue.DateTime.Kind.LOCAL_DATE_TIME, line);
            }
            m = DATE.matcher(tok);
            if (m.matches()) {
                checkDate(s, tok, m.group(1), m.group(2), m.group(3));
                return new TomlValue.DateTime(tok, TomlValue.DateTime.Kind.LOCAL_DATE, line);
            }
            m = TIME.matcher(tok);
            if (m.matches()) {
                checkTime(s, tok, m.group(1), m.group(2), m.group(3));
                return new TomlValue.DateTime(tok, TomlValue.DateTime.Kind.LOCAL_TIME, line);
            }
            throw error(s, "invalid value " + MalformedInputException.quote(tok)
                    + "; expected a number, a date or a time");
        }

        static boolean isTokenChar(char c) {
            return isBareKeyChar(c) || c == '+' || c == '.' || c == ':';
        }

        long integer(int at, String digits, int radix) throws MalformedInputException {
            BigInteger v = new BigInteger(digits, radix);
            if (v.bitLength() > 63) {
                throw error(at, "integer " + MalformedInputException.quote(digits) + " is out of the 64-bit range");
            }
            return v.longValue();
        }

        void checkDate(int at, String tok, String y, String mo, String d) throws MalformedInputException {
            try {
                LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
            } catch (DateTimeException e) {
                throw error(at, "invalid date " + MalformedInputException.quote(tok));
            }
        }

        void checkTime(int at, String tok, String h, String mi, String sec) throws MalformedInputException {
            if (Integer.parseInt(h) > 23 || Integer.parseInt(mi) > 59 || Integer.parseInt(sec) > 59) {
                throw error(at, "invalid time " + MalformedInputException.quote(tok));
            }
        }

        TomlValue.Table freeze(MTable t) {
            LinkedHashMap<String, TomlValue> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : t.map.entrySet()) {
                out.put(e.getKey(), freezeValue(e.getValue()));
            }
            return new TomlValue.Table(out, t.line);
        }

        TomlValue freezeValue(Object o) {
            if (o instanceof MTable m) {
                return freeze(m);
            }
            if (o instanceof MArray a) {
                List<TomlValue> items = new ArrayList<>(a.tables.size());
                for (MTable m : a.tables) {
                    items.add(freeze(m));
                }
                return new TomlValue.Array(items, a.line);
            }
            return (TomlValue) o;
        }
    }
}
