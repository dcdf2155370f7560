package org.debindex.core.source;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The small pieces of apt's string handling that sources files depend on, ported from apt 2.6's
 * {@code apt-pkg/contrib/strutl.cc} so that debindex splits, unquotes and reads values exactly as
 * apt does. Static and stateless.
 */
final class AptSyntax {

    /** The marker apt looks for to tell an embedded key from paths and fingerprints. */
    static final String KEY_BLOCK_BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    static final String KEY_BLOCK_END = "-----END PGP PUBLIC KEY BLOCK-----";
    static final String ARCH_VARIABLE = "$(ARCH)";

    private AptSyntax() {
    }

    /** C's {@code isspace} in the C locale. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static int skipSpace(String s, int pos) {
        while (pos < s.length() && isSpace(s.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    /** A word read by {@link #quoteWord}: its text and where reading goes on. */
    record Word(String text, int end, int next) {
    }

    /** {@link #quoteWord} met a double quote or a {@code [} that is not closed. */
    static final class UnclosedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final char opening;

        UnclosedException(char opening) {
            super("unclosed " + opening, null, false, false);
            this.opening = opening;
        }

        /** The character that was not closed: {@code "} or {@code [}. */
        char opening() {
            return opening;
        }
    }

    /**
     * apt's {@code ParseQuoteWord}: skips spaces, reads up to the next white space, where text in
     * double quotes and in square brackets may hold white space; removes the double quotes,
     * decodes {@code %xx} escapes, and skips the white space after the word.
     *
     * @return the word, or empty at the end of the text
     * @throws UnclosedException if a double quote or a {@code [} is not closed
     * @throws CharacterCodingException if the decoded escapes are not UTF-8
     */
    static Optional<Word> quoteWord(String s, int start) throws UnclosedException, CharacterCodingException {
        int n = s.length();
        int c = start;
        while (c < n && s.charAt(c) == ' ') {
            c++;
        }
        if (c >= n) {
            return Optional.empty();
        }
        for (; c < n && !isSpace(s.charAt(c)); c++) {
            if (s.charAt(c) == '"') {
                c = s.indexOf('"', c + 1);
                if (c < 0) {
                    throw new UnclosedException('"');
                }
            }
            if (s.charAt(c) == '[') {
                c = s.indexOf(']', c + 1);
                if (c < 0) {
                    throw new UnclosedException('[');
                }
            }
        }
        // apt de-quotes from where the call started, leading spaces included
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(c - start);
        int i = start;
        while (i < c) {
            char ch = s.charAt(i);
            if (ch == '%' && i + 2 < c && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
                continue;
            }
            if (ch != '"') {
                int cp = s.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i += Character.charCount(cp);
                continue;
            }
            i++;
        }
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        return Optional.of(new Word(text, c, skipSpace(s, c)));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** apt's {@code SubstVar} for {@code $(ARCH)}: every occurrence replaced. */
    static String substituteArch(String text, String architecture) {
        return text.replace(ARCH_VARIABLE, architecture);
    }

    /**
     * apt's {@code StringToBool}: 0 or 1 as a whole C integer (decimal, octal, hex), or one of the
     * words, case-insensitive; else the default.
     */
    static int stringToBool(String text, int fallback) {
        Optional<Long> number = wholeCInteger(text);
        if (number.isPresent() && number.get() >= 0 && number.get() <= 1) {
            return number.get().intValue();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "no", "false", "without", "off", "disable":
                return 0;
            case "yes", "true", "with", "on", "enable":
                return 1;
            default:
                return fallback;
        }
    }

    /** Whether {@link #stringToBool} recognises the text (rather than falling back). */
    static boolean isBool(String text) {
        return stringToBool(text, -1) != -1;
    }

    /** {@code strtol(text, &end, 0)} when it converts the whole text (the empty text converts to 0, as in C). */
    private static Optional<Long> wholeCInteger(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (i + 1 < n && text.charAt(i) == '0' && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')
                && i + 2 < n && Character.digit(text.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (i < n && text.charAt(i) == '0') {
            radix = 8;
        }
        int digitsFrom = i;
        long value = 0;
        while (i < n && Character.digit(text.charAt(i), radix) >= 0 && text.charAt(i) < 0x80) {
            value = value * radix + Character.digit(text.charAt(i), radix);
            if (value > Integer.MAX_VALUE) {
                value = Integer.MAX_VALUE;
            }
            i++;
        }
        if (i == digitsFrom) {
            // no digits: strtol converts nothing and leaves end at the start of the text
            return text.isEmpty() ? Optional.of(0L) : Optional.empty();
        }
        if (i != n) {
            return Optional.empty();
        }
        return Optional.of(negative ? -value : value);
    }

    /**
     * apt's {@code strtoull(value, NULL, 10)} for the time options: the leading decimal digits,
     * 0 when there are none.
     */
    static long leadingNumber(String text) {
        int i = skipSpace(text, 0);
        if (i < text.length() && text.charAt(i) == '+') {
            i++;
        }
        long value = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            value = Math.min(value * 10 + (text.charAt(i) - '0'), Long.MAX_VALUE / 20);
            i++;
        }
        return value;
    }

    /** Whether the text is only decimal digits (the form {@link #leadingNumber} reads without loss). */
    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Splits on ASCII white space, dropping empty parts (apt's {@code FindMultiValue}). */
    static List<String> splitSpace(String value) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && isSpace(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(value.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(value.substring(start, i));
            }
        }
        return out;
    }

    /** Whether a {@code Signed-By} value holds an embedded key (apt looks for the marker anywhere). */
    static boolean isKeyBlock(String signedBy) {
        return signedBy.contains(KEY_BLOCK_BEGIN);
    }

    /**
     * What is wrong with a {@code Signed-By} value in apt's eyes ({@code NormalizeSignedBy} with
     * an introducer: every part an absolute path or a 40-digit fingerprint, optionally followed by
     * {@code !}), or with an embedded key block in debindex's (it must begin with the armor's
     * first line and hold its last).
     *
     * @return the problem, or empty when the value is usable
     */
    static Optional<String> signedByProblem(String value) {
        if (isKeyBlock(value)) {
            String stripped = value.strip();
            if (!stripped.startsWith(KEY_BLOCK_BEGIN)) {
                return Optional.of("Signed-By key block must start with \"" + KEY_BLOCK_BEGIN + "\"");
            }
            if (!stripped.contains(KEY_BLOCK_END)) {
                return Optional.of("Signed-By key block has no \"" + KEY_BLOCK_END + "\" line");
            }
            return Optional.empty();
        }
        List<String> parts = signedByParts(value);
        if (parts.isEmpty()) {
            return Optional.of("Signed-By is empty; expected keyring paths, fingerprints or a key block");
        }
        for (String part : parts) {
            if (!part.startsWith("/") && !isFingerprint(part)) {
                return Optional.of("Signed-By value " + org.debindex.core.MalformedInputException.quote(part)
                        + " is neither an absolute keyring path nor a 40-digit fingerprint");
            }
        }
        return Optional.empty();
    }

    /** apt's {@code transformFingergrpints}: 40 hex digits, optionally followed by {@code !}. */
    static boolean isFingerprint(String part) {
        int n = part.endsWith("!") ? part.length() - 1 : part.length();
        if (n != 40) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!isHex(part.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> signedByParts(String value) {
        List<String> out = new ArrayList<>();
        for (String spaced : splitSpace(value)) {
            for (String part : spaced.split(",", -1)) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    /**
     * apt's {@code NormalizeSignedBy} with an introducer, which decides whether two entries for
     * one repository name the same keys: a key block line by line without surrounding white space
     * ({@code .} lines empty); otherwise the parts joined by commas, fingerprints upper-cased.
     */
    static String normaliseSignedBy(String value) {
        if (isKeyBlock(value)) {
            StringBuilder out = new StringBuilder();
            for (String line : value.split("\n", -1)) {
                String l = line.strip();
                out.append(l.equals(".") ? "" : l).append('\n');
            }
            return out.toString();
        }
        List<String> parts = new ArrayList<>();
        for (String part : signedByParts(value)) {
            parts.add(part.startsWith("/") ? part : part.toUpperCase(Locale.ROOT));
        }
        return String.join(",", parts);
    }
}
