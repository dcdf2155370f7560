package org.debindex.core.version;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.debindex.core.testdata.SharedTestData;
import org.tukaani.xz.XZInputStream;

/**
 * Every {@code Version} field of the shared real Debian data (see its README): trixie's binary
 * Packages and Sources and bookworm's binary Packages for main/amd64.
 *
 * <p>A line scan for {@code Version:} at column 0 is enough here: a continuation line starts with
 * a space, and no other field of these files starts with that name.
 *
 * @param fieldsPerFile how many {@code Version} fields each file has, keyed by suite and path
 * @param distinct      every distinct version text, in first-seen order
 */
record RealVersions(Map<String, Integer> fieldsPerFile, Set<String> distinct) {

    static final List<String> FILES = List.of(
            "trixie/main/binary-amd64/Packages.xz",
            "trixie/main/source/Sources.xz",
            "bookworm/main/binary-amd64/Packages.xz");

    RealVersions {
        fieldsPerFile = Collections.unmodifiableMap(new LinkedHashMap<>(fieldsPerFile));
        distinct = Collections.unmodifiableSet(new LinkedHashSet<>(distinct));
    }

    /** Reads the files; skips the calling test when the shared data is absent. */
    static RealVersions read() throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> distinct = new LinkedHashSet<>();
        for (String file : FILES) {
            int slash = file.indexOf('/');
            Path path = SharedTestData.dists(file.substring(0, slash), file.substring(slash + 1));
            int count = 0;
            try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("Version:")) {
                        distinct.add(line.substring("Version:".length()).strip());
                        count++;
                    }
                }
            }
            counts.put(file, count);
        }
        return new RealVersions(counts, distinct);
    }

    /** The distinct versions, parsed, in first-seen order. */
    List<DebianVersion> parsed() {
        List<DebianVersion> out = new ArrayList<>(distinct.size());
        for (String text : distinct) {
            out.add(DebianVersion.of(text));
        }
        return out;
    }
}
