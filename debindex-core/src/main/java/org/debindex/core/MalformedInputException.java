package org.debindex.core;

import java.util.Objects;

/**
 * Input that does not follow the format it claims: a malformed deb822 line, an invalid UTF-8
 * sequence, an invalid version or relation.
 *
 * <p>{@link #getMessage()} is one line in the dpkg style,
 * {@code Packages:1042: field name "Version " must not end with a space}; the parts are available
 * separately. A line or offset of {@code -1} means "not known" (for example a version given on
 * the command line) and is left out of the message.
 *
 * <p>Instances are immutable.
 */
public final class MalformedInputException extends DebindexException {

    private static final long serialVersionUID = 1L;

    /** Longest excerpt of offending text quoted in a message. */
    public static final int QUOTE_LIMIT = 60;

    private final String source;
    private final long line;
    private final long offset;
    private final String problem;

    /**
     * Creates an exception for a problem at a known place.
     *
     * @param source  the file or stream name, as the user knows it
     * @param line    1-based line number, or -1 when not known
     * @param offset  0-based byte offset from the start of the source, or -1 when not known
     * @param problem what is wrong, lower-case, no final period
     * @throws NullPointerException if {@code source} or {@code problem} is null
     */
    public MalformedInputException(String source, long line, long offset, String problem) {
        this(source, line, offset, problem, null);
    }

    /**
     * As {@link #MalformedInputException(String, long, long, String)}, keeping the cause.
     *
     * @throws NullPointerException if {@code source} or {@code problem} is null
     */
    public MalformedInputException(String source, long line, long offset, String problem, Throwable cause) {
        super(format(source, line, problem), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.line = line < 1 ? -1 : line;
        this.offset = offset < 0 ? -1 : offset;
    }

    /**
     * A problem with a value that stands on its own (a command-line argument, a string passed to a
     * parser); the message is just the problem.
     *
     * @throws NullPointerException if {@code problem} is null
     */
    public static MalformedInputException ofValue(String problem) {
        return new MalformedInputException("", -1, -1, problem);
    }

    /**
     * The same problem, placed in a source: used when a value parser's error is reported by the
     * reader that knows the file and line.
     *
     * @throws NullPointerException if {@code source} is null
     */
    public MalformedInputException at(String source, long line, long offset) {
        return new MalformedInputException(source, line, offset, problem, this);
    }

    /** The file or stream name; empty for a value that stands on its own. */
    public String source() {
        return source;
    }

    /** The 1-based line number, or -1 when not known. */
    public long line() {
        return line;
    }

    /** The 0-based byte offset in the source, or -1 when not known. */
    public long offset() {
        return offset;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }

    /**
     * Quotes offending text for a message: in double quotes, control and non-ASCII characters
     * escaped, cut at {@value #QUOTE_LIMIT} characters.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static String quote(CharSequence text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), QUOTE_LIMIT) + 8).append('"');
        int n = Math.min(text.length(), QUOTE_LIMIT);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && !Character.isLetterOrDigit(c))) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (text.length() > QUOTE_LIMIT) {
            out.append("...");
        }
        return out.append('"').toString();
    }

    private static String format(String source, long line, String problem) {
        if (source == null || source.isEmpty()) {
            return problem;
        }
        return line >= 1 ? source + ":" + line + ": " + problem : source + ": " + problem;
    }
}
