package org.debindex.core.openpgp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits OpenPGP text (clearsigned files, armored blocks) into lines the way RFC 9580 §7.2 and apt
 * read them: a line ends at LF; CR, space and TAB at its end are dropped (trailing whitespace is
 * not part of a cleartext signature, and a CRLF file reads the same as an LF file). Lines are kept
 * as ISO-8859-1 strings, one char per byte, so that the exact bytes can be restored.
 */
final class TextLines {

    private TextLines() {
    }

    /** The lines of {@code data}; a final line without LF counts, an empty tail after the last LF does not. */
    static List<String> split(byte[] data) {
        List<String> lines = new ArrayList<>(Math.max(16, data.length / 40));
        int start = 0;
        int n = data.length;
        while (start < n) {
            int end = start;
            while (end < n && data[end] != '\n') {
                end++;
            }
            int stop = end;
            while (stop > start && (data[stop - 1] == '\r' || data[stop - 1] == ' ' || data[stop - 1] == '\t')) {
                stop--;
            }
            lines.add(new String(data, start, stop - start, StandardCharsets.ISO_8859_1));
            start = end + 1;
        }
        return lines;
    }

    /** The bytes of a line as read. */
    static byte[] bytes(String line) {
        return line.getBytes(StandardCharsets.ISO_8859_1);
    }
}
