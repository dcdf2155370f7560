package org.debindex.verify.deps.debian;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.debindex.core.MalformedInputException;
import org.debindex.core.compress.Decompressors;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.deb822.Deb822Reader;
import org.debindex.core.deb822.Paragraph;
import org.debindex.verify.deps.Ecosystem;

/**
 * The second Go rule of {@code docs/ecosystem-mapping.md}: a {@code Sources} paragraph's
 * {@code Go-Import-Path} (a comma list, which may end in a comma) names the Go modules its source
 * package builds; its binary {@code -dev} packages (from {@code Binary}) ship them. This finds
 * modules that the Contents rule cannot: those installed without a {@code go.mod}, and suites
 * whose Contents files are missing.
 *
 * <p>Thread-safe: a static holder without state.
 */
final class GoImportPaths {

    private static final Pattern LIST = Pattern.compile("\\s*,\\s*");

    private GoImportPaths() {
    }

    /**
     * Reads a Sources file, compressed in any format {@link Decompressors} knows, streaming
     * paragraph by paragraph, into {@code builder}.
     *
     * @throws MalformedInputException if the file is not valid deb822
     * @throws IOException if it cannot be read or breaks {@code limit}
     */
    static void add(ContentsMapping.Builder builder, Path file, SizeLimit limit)
            throws IOException, MalformedInputException {
        Objects.requireNonNull(builder, "builder");
        try (InputStream in = Decompressors.open(file, limit);
                Deb822Reader reader = Deb822Reader.open(in, file.toString())) {
            Optional<Paragraph> next;
            while ((next = reader.next()).isPresent()) {
                Paragraph p = next.get();
                Optional<String> paths = p.get("Go-Import-Path");
                if (paths.isEmpty()) {
                    continue;
                }
                String[] binaries = LIST.split(p.get("Binary").orElse("").strip());
                for (String path : LIST.split(paths.get().strip())) {
                    if (path.isEmpty()) {
                        continue; // "a, b," ends in a comma
                    }
                    for (String binary : binaries) {
                        // the library packages; the others are programs built from the module
                        if (binary.endsWith("-dev")) {
                            builder.addCandidate(Ecosystem.GO, path, binary);
                        }
                    }
                }
            }
        }
    }
}
