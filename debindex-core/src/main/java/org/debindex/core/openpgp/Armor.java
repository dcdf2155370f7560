package org.debindex.core.openpgp;

import java.util.Base64;
import java.util.List;

/**
 * A strict reader of ASCII armor (RFC 9580 §6.2): {@code -----BEGIN PGP <kind>-----}, armor
 * headers of the form {@code Key: value}, one blank line, base64 lines, an optional CRC-24 line,
 * {@code -----END PGP <kind>-----}.
 *
 * <p>Written here rather than taken from Bouncy Castle's {@code ArmoredInputStream}, which ignores
 * malformed header keys (bc-java PR #2084) and, in cleartext mode, mis-reads dash-escapes
 * (PR #2329): debindex must decide itself what the armor may contain. The CRC-24 line is read but
 * not checked: RFC 9580 §6.1 says a receiver must not reject an object over its CRC, and the
 * signatures inside are verified anyway.
 */
final class Armor {

    /** A decoded block: its kind ({@code SIGNATURE}, {@code PUBLIC KEY BLOCK}), first line (1-based) and bytes. */
    record Block(String kind, int firstLine, byte[] data) {
    }

    private static final String BEGIN = "-----BEGIN PGP ";
    private static final String END = "-----END PGP ";
    private static final String DASHES = "-----";

    private Armor() {
    }

    /** Whether the line opens an armored block of any kind. */
    static boolean isBegin(String line) {
        return line.startsWith(BEGIN) && line.endsWith(DASHES) && line.length() > BEGIN.length() + DASHES.length();
    }

    /** The kind named by a BEGIN line, e.g. {@code SIGNATURE}. */
    static String kindOf(String beginLine) {
        return beginLine.substring(BEGIN.length(), beginLine.length() - DASHES.length());
    }

    /** The line that closes a block of the given kind. */
    static String endLine(String kind) {
        return END + kind + DASHES;
    }

    /** The line that opens a block of the given kind. */
    static String beginLine(String kind) {
        return BEGIN + kind + DASHES;
    }

    /**
     * Decodes the block whose BEGIN line is {@code lines.get(begin)}.
     *
     * @param lines  the file's lines as {@link TextLines#split} made them
     * @param begin  index of the BEGIN line
     * @param kind   the kind the BEGIN line names
     * @param problems receives the first problem as "line: text" when the block is malformed
     * @return the index of the END line, or -1 when the block is malformed (see {@code problems})
     */
    static int decode(List<String> lines, int begin, String kind, List<Block> out, List<String> problems) {
        String end = endLine(kind);
        int i = begin + 1;
        // armor headers up to the blank line (RFC 9580 §6.2)
        for (; ; i++) {
            if (i >= lines.size()) {
                problems.add(lines.size() + ": armored block opened on line " + (begin + 1) + " is not closed; expected \"" + end + "\"");
                return -1;
            }
            String line = lines.get(i);
            if (line.isEmpty()) {
                i++;
                break;
            }
            if (!isHeader(line)) {
                problems.add((i + 1) + ": invalid armor header " + org.debindex.core.MalformedInputException.quote(line)
                        + "; expected \"Name: value\" and then an empty line");
                return -1;
            }
        }
        StringBuilder base64 = new StringBuilder();
        boolean sawChecksum = false;
        for (; ; i++) {
            if (i >= lines.size()) {
                problems.add(lines.size() + ": armored block opened on line " + (begin + 1) + " is not closed; expected \"" + end + "\"");
                return -1;
            }
            String line = lines.get(i);
            if (line.equals(end)) {
                break;
            }
            if (sawChecksum) {
                problems.add((i + 1) + ": text after the armor checksum " + org.debindex.core.MalformedInputException.quote(line)
                        + "; expected \"" + end + "\"");
                return -1;
            }
            if (line.startsWith("=") && line.length() == 5 && isBase64(line, 1)) {
                sawChecksum = true;
                continue;
            }
            if (line.isEmpty() || !isBase64(line, 0)) {
                problems.add((i + 1) + ": invalid base64 line " + org.debindex.core.MalformedInputException.quote(line)
                        + " in armored block opened on line " + (begin + 1));
                return -1;
            }
            base64.append(line);
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            problems.add((begin + 1) + ": armored block does not decode as base64: " + e.getMessage());
            return -1;
        }
        if (data.length == 0) {
            problems.add((begin + 1) + ": armored block is empty");
            return -1;
        }
        out.add(new Block(kind, begin + 1, data));
        return i;
    }

    private static boolean isHeader(String line) {
        int colon = line.indexOf(": ");
        if (colon <= 0) {
            return false;
        }
        for (int k = 0; k < colon; k++) {
            char c = line.charAt(k);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64(String line, int from) {
        for (int k = from; k < line.length(); k++) {
            char c = line.charAt(k);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
