package org.debindex.core.deb822;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.MalformedInputException;

/**
 * Reads deb822 paragraphs one at a time from a stream, a byte array or a mapped file.
 *
 * <p>Syntax (Debian Policy §5.1, dpkg {@code deb822(5)}): paragraphs are separated by empty lines
 * (several count as one; whitespace-only lines between paragraphs are separators too); a field is
 * {@code Name: value}, the name of US-ASCII 0x21–0x7E except {@code :}, not starting with {@code #}
 * or {@code -}; a line starting with a space or TAB continues the previous field. One {@code \r}
 * before each {@code \n} is dropped. Values must be UTF-8. A whitespace-only line inside a
 * paragraph continues the value (as apt reads it) with a warning, as does an empty value; a last
 * line without a newline is accepted with a warning.
 *
 * <p>The reader finds line ends with a word-at-a-time byte scan and keeps offsets; it creates no
 * {@code String} per line. From a stream it reads chunks into fresh arrays that the returned
 * paragraphs share (a chunk is never rewritten), so memory is bounded by the largest paragraph
 * ({@link Deb822Options#maxParagraphBytes()}) plus what the caller keeps.
 *
 * <p>Not thread-safe; the paragraphs it returns are immutable.
 */
public final class Deb822Reader implements Closeable {

    /** Bytes read from a stream at a time; big enough for speed, small enough for the L2 cache. */
    static final int CHUNK = 256 * 1024;

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long COLONS = 0x3A3A3A3A3A3A3A3AL;
    private static final long DELETES = 0x7F7F7F7F7F7F7F7FL;
    /** 0x21 in every byte: bytes below it (controls, space) cannot be in a field name. */
    private static final long BELOW_NAME = 0x2121212121212121L;

    private final String source;
    private final Deb822Options options;
    private final Chunks input;

    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    /** Source offset of {@code buf[0]}. */
    private long bufOffset;
    /** Line number of the line starting at {@code pos}. */
    private long line = 1;
    private int errors;
    private boolean closed;

    /** Scratch space for field offsets; copied to exact size for each paragraph. */
    private int[] scratch = new int[Paragraph.SLOTS * 32];

    // Results of a scan, to avoid an object per step.
    private Paragraph scanned;
    private int scannedNext;
    private long scannedLines;

    private Deb822Reader(String source, Deb822Options options, Chunks input, byte[] initial, int length,
                         boolean complete) {
        this.source = Objects.requireNonNull(source, "source");
        this.options = Objects.requireNonNull(options, "options");
        this.input = input;
        this.buf = initial;
        this.limit = length;
        this.eof = complete;
    }

    /**
     * A reader of a stream; it reads the stream in chunks as paragraphs are asked for.
     *
     * @param in     the (decompressed) bytes; closed with the reader
     * @param source the name used in messages, such as the file name
     * @throws NullPointerException if an argument is null
     */
    public static Deb822Reader open(InputStream in, String source) {
        return open(in, source, Deb822Options.defaults());
    }

    /**
     * A reader of a stream with the given options.
     *
     * @throws NullPointerException if an argument is null
     */
    public static Deb822Reader open(InputStream in, String source, Deb822Options options) {
        Objects.requireNonNull(in, "in");
        return new Deb822Reader(source, options, new StreamChunks(in), new byte[0], 0, false);
    }

    /**
     * A reader of bytes already in memory; paragraphs point into {@code data} without copying.
     * The caller must not change {@code data} afterwards.
     *
     * @throws NullPointerException if an argument is null
     */
    public static Deb822Reader of(byte[] data, String source) {
        return of(data, source, Deb822Options.defaults());
    }

    /**
     * A reader of bytes in memory with the given options.
     *
     * @throws NullPointerException if an argument is null
     */
    public static Deb822Reader of(byte[] data, String source, Deb822Options options) {
        Objects.requireNonNull(data, "data");
        return new Deb822Reader(source, options, null, data, data.length, true);
    }

    /**
     * A reader of a buffer, such as a {@link MappedByteBuffer}: bytes are copied chunk by chunk,
     * so a large mapped file is never held on the heap whole. Reads from the buffer's position to
     * its limit without changing them.
     *
     * @throws NullPointerException if an argument is null
     */
    public static Deb822Reader of(ByteBuffer data, String source, Deb822Options options) {
        Objects.requireNonNull(data, "data");
        return new Deb822Reader(source, options, new BufferChunks(data.duplicate()), new byte[0], 0, false);
    }

    /**
     * A reader of an uncompressed file, which it maps into memory.
     *
     * @throws IOException if the file cannot be opened or mapped
     * @throws NullPointerException if an argument is null
     */
    public static Deb822Reader open(Path file, Deb822Options options) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                return open(java.nio.file.Files.newInputStream(file), file.toString(), options);
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return of(mapped, file.toString(), options);
        }
    }

    /** The source name used in messages. */
    public String source() {
        return source;
    }

    /** The line number the reader has reached (the line after the last paragraph read). */
    public long line() {
        return line;
    }

    /** The number of malformed paragraphs skipped so far (lenient mode only). */
    public int skippedParagraphs() {
        return errors;
    }

    /**
     * Reads the next paragraph.
     *
     * @return the paragraph, or empty at the end of the input
     * @throws MalformedInputException if the input is not valid deb822 (in lenient mode: after more
     *     than {@link Deb822Options#maxErrors()} bad paragraphs)
     * @throws IOException if reading the stream fails
     */
    public Optional<Paragraph> next() throws IOException, MalformedInputException {
        if (closed) {
            throw new IllegalStateException("reader is closed: " + source);
        }
        while (true) {
            int status;
            try {
                status = scan();
            } catch (MalformedInputException e) {
                if (!options.lenient() || errors >= options.maxErrors()) {
                    throw e;
                }
                errors++;
                options.warnings().accept(new Deb822Warning(source, e.line(),
                        "paragraph skipped: " + e.problem()));
                skipBadParagraph();
                continue;
            }
            if (status == FOUND) {
                pos = scannedNext;
                line += scannedLines;
                return Optional.of(scanned);
            }
            if (status == END) {
                return Optional.empty();
            }
            refill();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (input != null) {
            input.close();
        }
    }

    private static final int FOUND = 0;
    private static final int NEED_MORE = 1;
    private static final int END = 2;

    /**
     * Scans one paragraph from {@code pos}. Separator lines before it are consumed for good (so
     * millions of empty lines cost one pass); the paragraph itself is committed by the caller.
     */
    private int scan() throws MalformedInputException {
        byte[] b = buf;
        int lim = limit;
        int p = pos;
        // Separators: empty lines, whitespace-only lines, comments where allowed.
        while (true) {
            if (p >= lim) {
                pos = p;
                return eof ? END : NEED_MORE;
            }
            byte c = b[p];
            if (c == '\n') {
                p++;
                line++;
                continue;
            }
            if (c == '\r' || c == ' ' || c == '\t' || (c == '#' && options.allowComments())) {
                int nl = findNewline(b, p, lim);
                if (nl < 0) {
                    if (!eof) {
                        pos = p;
                        return NEED_MORE;
                    }
                    nl = lim;
                }
                if (c != '#' && !isBlank(b, p, nl)) {
                    pos = p;
                    throw error(line, p, c == '\r'
                            ? "carriage return not followed by a line feed"
                            : "continuation line outside a field; expected \"Name: value\"");
                }
                p = Math.min(nl + 1, lim);
                line++;
                continue;
            }
            break;
        }
        pos = p;
        return scanFields(b, p, lim);
    }

    /** Scans the lines of a paragraph that starts with a field line at {@code from}. */
    private int scanFields(byte[] b, int from, int lim) throws MalformedInputException {
        final boolean allowComments = options.allowComments();
        final int maxBytes = options.maxParagraphBytes();
        int[] f = scratch;
        int n = 0;             // ints used in f
        long bloom = 0;        // a bit per (first, last, length) of each name: finds duplicates cheaply
        int p = from;
        int lines = 0;         // lines consumed
        int end;               // end of the paragraph's last line
        boolean crSeen = false;
        boolean needsCopy = false;  // a value spans a CR or a comment: its bytes are not contiguous
        boolean prevEndedCr = false;
        boolean commentInField = false;
        while (true) {
            int nl = findNewline(b, p, lim);
            boolean lastLine = false;
            if (nl < 0) {
                if (!eof) {
                    if (lim - from > maxBytes) {
                        throw tooLong(from);
                    }
                    return NEED_MORE;
                }
                nl = lim;
                lastLine = true;
                if (p < lim) {
                    options.warnings().accept(new Deb822Warning(source, line + lines,
                            "no newline at end of file"));
                }
            }
            if (nl - from > maxBytes) {
                throw tooLong(from);
            }
            int lineEnd = nl;
            boolean cr = lineEnd > p && b[lineEnd - 1] == '\r';
            if (cr) {
                lineEnd--;
                crSeen = true;
            }
            if (lineEnd == p) {                       // empty line: end of paragraph
                end = p;
                scannedNext = lastLine ? lim : nl + 1;
                lines += lastLine ? 0 : 1;
                break;
            }
            byte c = b[p];
            if (c == ' ' || c == '\t') {              // continuation line
                if (prevEndedCr || commentInField) {
                    needsCopy = true;
                }
                if (isBlank(b, p, lineEnd)) {
                    options.warnings().accept(new Deb822Warning(source, line + lines,
                            "whitespace-only line in the value of field " + quotedName(b, f, n)));
                }
                f[n - Paragraph.SLOTS + Paragraph.VALUE_END] = trimEnd(b, f[n - Paragraph.SLOTS + Paragraph.VALUE_START], lineEnd);
            } else if (c == '#') {
                if (!allowComments) {
                    throw error(line + lines, p, "comment lines are not allowed here; expected \"Name: value\"");
                }
                commentInField = true;
            } else {                                  // field line
                if (n > 0) {
                    checkEmptyValue(b, f, n);
                }
                int i = nameStop(b, p, lim);
                if (i < lineEnd && b[i] != ':') {
                    throw badName(b, p, i, lineEnd, line + lines);
                }
                if (i == lineEnd) {
                    throw error(line + lines, p, "line " + quoteBytes(b, p, lineEnd)
                            + " has no colon; expected \"Name: value\" or a continuation line starting with a space");
                }
                if (i == p) {
                    throw error(line + lines, p, "empty field name; expected \"Name: value\"");
                }
                if (c == '-') {
                    throw error(line + lines, p, "field name " + quoteBytes(b, p, i) + " must not start with \"-\"");
                }
                if (n == f.length) {
                    f = scratch = Arrays.copyOf(f, f.length * 2);
                }
                if (n / Paragraph.SLOTS >= options.maxFields()) {
                    throw error(line + lines, p, "more than " + options.maxFields()
                            + " fields in one paragraph (limit maxFields)");
                }
                int v = i + 1;
                while (v < lineEnd && (b[v] == ' ' || b[v] == '\t')) {
                    v++;
                }
                long bit = 1L << ((31 * (b[p] | 0x20) + 7 * (i - p) + (b[i - 1] | 0x20)) & 63);
                if ((bloom & bit) != 0) {
                    checkDuplicate(b, f, n, p, i, line + lines);
                }
                bloom |= bit;
                f[n + Paragraph.NAME_START] = p;
                f[n + Paragraph.NAME_END] = i;
                f[n + Paragraph.VALUE_START] = v;
                f[n + Paragraph.VALUE_END] = trimEnd(b, v, lineEnd);
                f[n + Paragraph.LINE] = lines;
                n += Paragraph.SLOTS;
                commentInField = false;
            }
            prevEndedCr = cr;
            lines++;
            if (lastLine) {
                end = lim;
                scannedNext = lim;
                lines--;   // the line counter counts newlines; there was none
                break;
            }
            p = nl + 1;
        }
        if (n > 0) {
            checkEmptyValue(b, f, n);
        }
        int contentEnd = end;
        if (contentEnd > from && b[contentEnd - 1] == '\n') {
            contentEnd--;   // the paragraph text excludes its last newline
        }
        validateUtf8(b, from, contentEnd);
        scannedLines = lines;
        long offset = bufOffset + from;
        if (needsCopy) {
            scanned = normalised(b, from, contentEnd, offset);
        } else {
            scanned = new Paragraph(source, b, from, contentEnd, offset, line, Arrays.copyOf(f, n));
        }
        return FOUND;
    }

    /** The last field's value must not be empty; a warning, since third-party files have them. */
    private void checkEmptyValue(byte[] b, int[] f, int n) {
        int last = n - Paragraph.SLOTS;
        if (f[last + Paragraph.VALUE_START] >= f[last + Paragraph.VALUE_END]) {
            options.warnings().accept(new Deb822Warning(source, line + f[last + Paragraph.LINE],
                    "empty value in field " + quoteBytes(b, f[last + Paragraph.NAME_START], f[last + Paragraph.NAME_END])));
        }
    }

    private void checkDuplicate(byte[] b, int[] f, int n, int nameStart, int nameEnd, long atLine)
            throws MalformedInputException {
        for (int k = 0; k < n; k += Paragraph.SLOTS) {
            if (f[k + Paragraph.LINE] >= 0
                    && sameName(b, f[k + Paragraph.NAME_START], f[k + Paragraph.NAME_END], nameStart, nameEnd)) {
                String name = quoteBytes(b, nameStart, nameEnd);
                if (options.rejectDuplicateFields()) {
                    throw error(atLine, nameStart, "duplicate field " + name + " (first on line "
                            + (line + f[k + Paragraph.LINE]) + ")");
                }
                options.warnings().accept(new Deb822Warning(source, atLine, "duplicate field " + name
                        + " (first on line " + (line + f[k + Paragraph.LINE]) + "); the last one is used"));
                f[k + Paragraph.LINE] = -1 - f[k + Paragraph.LINE];
                return;
            }
        }
    }

    private static boolean sameName(byte[] b, int s1, int e1, int s2, int e2) {
        if (e1 - s1 != e2 - s2) {
            return false;
        }
        for (int i = 0; i < e1 - s1; i++) {
            if (Fields.lower(b[s1 + i]) != Fields.lower(b[s2 + i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * A paragraph whose values span CRLF line ends or comment lines: copied without them and
     * scanned again, keeping the original line numbers.
     */
    private Paragraph normalised(byte[] b, int from, int to, long offset) throws MalformedInputException {
        byte[] copy = new byte[to - from + 1];
        int[] lineOfCopyLine = new int[16];
        int lines = 0;
        int w = 0;
        int srcLine = 0;
        int p = from;
        while (p < to) {
            int nl = findNewline(b, p, to);
            int lineEnd = nl < 0 ? to : nl;
            int contentEnd = lineEnd > p && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            boolean comment = options.allowComments() && contentEnd > p && b[p] == '#';
            if (!comment) {
                System.arraycopy(b, p, copy, w, contentEnd - p);
                w += contentEnd - p;
                copy[w++] = '\n';
                if (lines == lineOfCopyLine.length) {
                    lineOfCopyLine = Arrays.copyOf(lineOfCopyLine, lines * 2);
                }
                lineOfCopyLine[lines++] = srcLine;
            }
            srcLine++;
            p = lineEnd + 1;
        }
        Deb822Reader again = new Deb822Reader(source, options.withWarnings(w2 -> { }), null,
                Arrays.copyOf(copy, w), w, true);
        again.line = line;
        again.bufOffset = offset;
        if (again.scan() != FOUND) {
            throw new IllegalStateException("normalised paragraph vanished: " + source + ":" + line);
        }
        Paragraph p2 = again.scanned;
        int[] f = p2.size() == 0 ? new int[0] : Arrays.copyOf(again.scratch, p2.size() * Paragraph.SLOTS);
        for (int k = 0; k < f.length; k += Paragraph.SLOTS) {
            int d = f[k + Paragraph.LINE];
            int mapped = lineOfCopyLine[d < 0 ? -1 - d : d];
            f[k + Paragraph.LINE] = d < 0 ? -1 - mapped : mapped;
        }
        return new Paragraph(source, again.buf, 0, w - 1, offset, line, f);
    }

    /** After an error in lenient mode: drops lines up to and including the next empty line. */
    private void skipBadParagraph() throws IOException {
        while (true) {
            int p = pos;
            int nl;
            while ((nl = findNewline(buf, p, limit)) >= 0) {
                boolean empty = nl == p || (nl == p + 1 && buf[p] == '\r');
                line++;
                p = nl + 1;
                pos = p;
                if (empty) {
                    return;
                }
            }
            if (eof) {
                pos = limit;
                return;
            }
            if (limit - pos > options.maxParagraphBytes()) {
                pos = limit;   // a run-away line being skipped need not be held
            }
            refill();
        }
    }

    /** Reads more input, keeping the unconsumed tail in a fresh array (old ones stay shared). */
    private void refill() throws IOException {
        int keep = limit - pos;
        int size = Math.max(CHUNK, keep * 2);
        byte[] next = new byte[size];
        System.arraycopy(buf, pos, next, 0, keep);
        bufOffset += pos;
        buf = next;
        pos = 0;
        limit = keep;
        while (limit < size) {
            int n = input.read(buf, limit, size - limit);
            if (n < 0) {
                eof = true;
                break;
            }
            limit += n;
        }
    }

    /**
     * The index of the first {@code \n} in {@code b[from, to)}, or -1; eight bytes at a time.
     */
    static int findNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long t = (x - ONES) & ~x & HIGHS;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the first byte in {@code b[from, lim)} that ends a field name: the colon, or a
     * byte no name may contain (control, space, DEL, non-ASCII); eight bytes at a time. A line's
     * end is such a byte, so the result never passes it.
     */
    static int nameStop(byte[] b, int from, int lim) {
        int i = from;
        for (; i + 8 <= lim; i += 8) {
            long w = (long) LONGS.get(b, i);
            long colon = w ^ COLONS;
            long del = w ^ DELETES;
            long t = ((colon - ONES) & ~colon) | ((del - ONES) & ~del) | ((w - BELOW_NAME) & ~w) | w;
            t &= HIGHS;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < lim; i++) {
            byte c = b[i];
            if (c == ':' || c <= ' ' || c == 0x7f) {
                return i;
            }
        }
        return lim;
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static int trimEnd(byte[] b, int from, int to) {
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        return to;
    }

    /** Checks UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF). */
    private void validateUtf8(byte[] b, int from, int to) throws MalformedInputException {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            if (((long) LONGS.get(b, i) & HIGHS) != 0) {
                break;
            }
        }
        while (i < to) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int len;
            int min;
            if (c >= 0xc2 && c <= 0xdf) {
                len = 2;
                min = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                len = 3;
                min = 0x800;
            } else if (c >= 0xf0 && c <= 0xf4) {
                len = 4;
                min = 0x10000;
            } else {
                throw badUtf8(b, from, i);
            }
            if (i + len > to) {
                throw badUtf8(b, from, i);
            }
            int cp = c & (0x7f >> len);
            for (int k = 1; k < len; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xc0) != 0x80) {
                    throw badUtf8(b, from, i);
                }
                cp = (cp << 6) | (cc & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                throw badUtf8(b, from, i);
            }
            i += len;
        }
    }

    private MalformedInputException badUtf8(byte[] b, int paragraphStart, int at) {
        long l = line;
        int lineStart = paragraphStart;
        for (int k = paragraphStart; k < at; k++) {
            if (b[k] == '\n') {
                l++;
                lineStart = k + 1;
            }
        }
        StringBuilder bytes = new StringBuilder();
        for (int k = at; k < Math.min(at + 4, b.length); k++) {
            bytes.append(String.format("\\x%02x", b[k] & 0xff));
        }
        return error(l, at, "invalid UTF-8 byte sequence \"" + bytes + "\" at column " + (at - lineStart + 1)
                + "; expected UTF-8 text");
    }

    private MalformedInputException badName(byte[] b, int start, int bad, int lineEnd, long atLine) {
        int colon = start;
        while (colon < lineEnd && b[colon] != ':') {
            colon++;
        }
        if (colon < lineEnd && isBlank(b, bad, colon)) {
            return error(atLine, start, "field name " + quoteBytes(b, start, colon) + " must not end with a space");
        }
        if (colon < lineEnd) {
            return error(atLine, start, "field name " + quoteBytes(b, start, colon)
                    + " contains a space or control character; expected printable US-ASCII");
        }
        return error(atLine, start, "line " + quoteBytes(b, start, lineEnd)
                + " has no colon; expected \"Name: value\" or a continuation line starting with a space");
    }

    private MalformedInputException tooLong(int paragraphStart) {
        return error(line, paragraphStart, "paragraph is longer than " + options.maxParagraphBytes()
                + " bytes (limit maxParagraphBytes)");
    }

    private String quotedName(byte[] b, int[] f, int n) {
        int last = n - Paragraph.SLOTS;
        return quoteBytes(b, f[last + Paragraph.NAME_START], f[last + Paragraph.NAME_END]);
    }

    /** Quotes bytes for a message; {@link MalformedInputException#quote} cuts long text. */
    private static String quoteBytes(byte[] b, int from, int to) {
        int n = Math.min(to - from, 4 * (MalformedInputException.QUOTE_LIMIT + 1));
        return MalformedInputException.quote(new String(b, from, n, java.nio.charset.StandardCharsets.UTF_8));
    }

    private MalformedInputException error(long atLine, int at, String problem) {
        return new MalformedInputException(source, atLine, bufOffset + at, problem);
    }

    /** Where the bytes come from after the first chunk. */
    private interface Chunks extends Closeable {
        int read(byte[] into, int off, int len) throws IOException;
    }

    private static final class StreamChunks implements Chunks {
        private final InputStream in;

        StreamChunks(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(byte[] into, int off, int len) throws IOException {
            return in.read(into, off, len);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static final class BufferChunks implements Chunks {
        private final ByteBuffer data;

        BufferChunks(ByteBuffer data) {
            this.data = data;
        }

        @Override
        public int read(byte[] into, int off, int len) {
            if (!data.hasRemaining()) {
                return -1;
            }
            int n = Math.min(len, data.remaining());
            data.get(into, off, n);
            return n;
        }

        @Override
        public void close() {
        }
    }
}
