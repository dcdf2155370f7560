package org.debindex.core.relation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tukaani.xz.XZInputStream;

/**
 * A deliberately small deb822 reader for the relation tests, independent of the project's own
 * reader so that the two check each other: line by line, a blank line ends a stanza, a line
 * starting with space or TAB continues the field before it.
 *
 * <p>Each value is handed over as it stands in the file: the first line's text without
 * surrounding whitespace, then for every continuation line a newline and the line itself
 * (leading whitespace included), which is the folded form the relation parser must accept.
 */
final class TestStanzas {

    /** Receives each field of each stanza. */
    interface FieldVisitor {
        void field(long stanza, String name, String value);
    }

    private TestStanzas() {
    }

    /**
     * Reads an {@code .xz} compressed index file and visits every field.
     *
     * @return the number of stanzas
     */
    static long readXz(Path file, FieldVisitor visitor) throws IOException {
        try (InputStream in = new XZInputStream(Files.newInputStream(file), -1);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            return read(lines, visitor);
        }
    }

    static long read(BufferedReader lines, FieldVisitor visitor) throws IOException {
        long stanzas = 0;
        boolean inStanza = false;
        String name = null;
        StringBuilder value = new StringBuilder();
        long lineNumber = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (line.isEmpty()) {
                if (name != null) {
                    visitor.field(stanzas, name, value.toString());
                    name = null;
                }
                if (inStanza) {
                    stanzas++;
                    inStanza = false;
                }
                continue;
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                if (name == null) {
                    throw new IOException("line " + lineNumber + ": continuation line without a field");
                }
                value.append('\n').append(line);
                continue;
            }
            if (name != null) {
                visitor.field(stanzas, name, value.toString());
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("line " + lineNumber + ": not a field: " + line);
            }
            name = line.substring(0, colon);
            value.setLength(0);
            value.append(line.substring(colon + 1).strip());
            inStanza = true;
        }
        if (name != null) {
            visitor.field(stanzas, name, value.toString());
        }
        if (inStanza) {
            stanzas++;
        }
        return stanzas;
    }
}
