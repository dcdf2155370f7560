package org.debindex.core.index.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.core.compress.DecompressOptions;
import org.debindex.core.compress.Decompressors;
import org.debindex.core.deb822.Deb822Reader;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.index.IndexInput;
import org.debindex.core.model.TranslationEntry;

/**
 * What one {@code Translation-<lang>} file contributes: its entries by
 * ({@code Package}, {@code Description-md5}); the first entry of a key wins.
 *
 * <p>Filled by one thread, then only read.
 */
final class TranslationPart {

    final Map<String, TranslationEntry> entries = new HashMap<>();

    private TranslationPart() {
    }

    /** The join key of a package and a translation. */
    static String key(String packageName, String md5) {
        return packageName + ' ' + md5;
    }

    /**
     * Reads a Translation file.
     *
     * @throws MalformedInputException if a stanza is malformed
     * @throws IOException if the file cannot be read or decompressed
     */
    static TranslationPart read(IndexInput input, DecompressOptions options) throws IOException, MalformedInputException {
        TranslationPart part = new TranslationPart();
        try (InputStream in = Decompressors.open(input.file(), input.limit(), options);
             Deb822Reader reader = Deb822Reader.open(in, input.identity().displayName())) {
            for (Optional<Paragraph> p = reader.next(); p.isPresent(); p = reader.next()) {
                TranslationEntry e = TranslationEntry.of(p.get());
                part.entries.putIfAbsent(key(e.packageName(), e.descriptionMd5()), e);
            }
        }
        return part;
    }
}
