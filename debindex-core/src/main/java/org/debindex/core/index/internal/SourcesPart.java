package org.debindex.core.index.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.core.compress.DecompressOptions;
import org.debindex.core.compress.Decompressors;
import org.debindex.core.deb822.Deb822Reader;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.index.IndexInput;
import org.debindex.core.model.SourcePackage;
import org.debindex.core.version.DebianVersion;

/**
 * What one {@code Sources} file contributes to an index: its stanzas' bytes and one staged
 * record per source package, with names numbered locally (the assembler maps them to the global
 * name table).
 *
 * <p>Every stanza is read as a {@link SourcePackage} here, so that a stanza the index keeps can
 * always be read back as one.
 *
 * <p>Filled by one thread, then only read.
 */
final class SourcesPart {

    /**
     * One source package, staged.
     *
     * @param name local name id
     */
    record Staged(int name, DebianVersion version, int stanzaOffset, int stanzaLength) {
    }

    final int ordinal;
    final ByteSink stanzas;
    final List<Staged> sources = new ArrayList<>();
    final Dictionary names = new Dictionary();

    private SourcesPart(int ordinal, int capacity) {
        this.ordinal = ordinal;
        this.stanzas = new ByteSink(capacity);
    }

    /**
     * Reads a Sources file.
     *
     * @throws MalformedInputException if a stanza is malformed, or is no source package (no
     *     {@code Package} nor {@code Source}, no valid {@code Version}, a bad {@code Checksums-Sha256})
     * @throws IOException if the file cannot be read or decompressed
     */
    static SourcesPart read(IndexInput input, int ordinal, DecompressOptions options)
            throws IOException, MalformedInputException {
        long expected = input.limit().isExact() ? input.limit().bytes() : 1 << 20;
        SourcesPart part = new SourcesPart(ordinal, (int) Math.min(expected + 16, Integer.MAX_VALUE - 64));
        try (InputStream in = Decompressors.open(input.file(), input.limit(), options);
             Deb822Reader reader = Deb822Reader.open(in, input.identity().displayName())) {
            for (Optional<Paragraph> p = reader.next(); p.isPresent(); p = reader.next()) {
                part.add(p.get());
            }
        }
        return part;
    }

    private void add(Paragraph p) throws MalformedInputException {
        SourcePackage src = SourcePackage.of(p);
        byte[] bytes = p.toBytes();
        int offset = stanzas.size();
        stanzas.put(bytes, 0, bytes.length);
        sources.add(new Staged(names.id(src.name()), src.version(), offset, bytes.length));
    }
}
