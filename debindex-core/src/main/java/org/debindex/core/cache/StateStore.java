package org.debindex.core.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.core.deb822.Deb822Options;
import org.debindex.core.deb822.Deb822Reader;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.openpgp.Fingerprint;

/**
 * Reads and writes the cache's {@code state} file: one deb822 paragraph per repository suite,
 * so it is readable with any Debian tool, written atomically.
 *
 * <pre>
 * Repository: http://mirror.example/debian/ trixie
 * Date: 2026-11-21T09:15:44Z
 * Release-SHA256: 0f3c...
 * Signers: 4D64FEC119C2029067D6E791F8D2585B8783D481 ...
 * Origin: Debian
 * Label: Debian
 * Codename: trixie
 * Verified: 2026-11-26T10:00:00Z
 * </pre>
 *
 * <p>Stateless and thread-safe; the caller serialises writers.
 */
public final class StateStore {

    private StateStore() {
    }

    /**
     * Reads the state file; a missing file is an empty state (a first run).
     *
     * @return the states by repository, in file order
     * @throws MalformedInputException if the file is not a valid state file (naming file and line)
     * @throws IOException if the file exists but cannot be read
     * @throws NullPointerException if {@code file} is null
     */
    public static Map<String, RepositoryState> load(Path file) throws IOException, MalformedInputException {
        Objects.requireNonNull(file, "file");
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        Map<String, RepositoryState> states = new LinkedHashMap<>();
        Deb822Reader reader = Deb822Reader.of(data, file.toString(), Deb822Options.defaults());
        for (Optional<Paragraph> p = reader.next(); p.isPresent(); p = reader.next()) {
            RepositoryState state = parse(p.get());
            if (states.putIfAbsent(state.repository(), state) != null) {
                throw new MalformedInputException(file.toString(), p.get().lineOf(0), -1,
                        "repository \"" + state.repository() + "\" appears twice");
            }
        }
        return states;
    }

    /**
     * Writes the states atomically, sorted by repository, replacing the file.
     *
     * @throws IOException if the file cannot be written; the old file is then unchanged
     * @throws NullPointerException if an argument is null
     */
    public static void save(Path file, Collection<RepositoryState> states) throws IOException {
        Objects.requireNonNull(file, "file");
        List<RepositoryState> sorted = new ArrayList<>(states);
        sorted.sort(Comparator.comparing(RepositoryState::repository));
        StringBuilder out = new StringBuilder();
        for (RepositoryState s : sorted) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("Repository: ").append(s.repository()).append('\n');
            out.append("Date: ").append(s.date()).append('\n');
            out.append("Release-SHA256: ").append(s.releaseSha256()).append('\n');
            if (s.signed()) {
                out.append("Signers:");
                s.signers().forEach(f -> out.append(' ').append(f.hex()));
                out.append('\n');
            }
            s.origin().ifPresent(v -> out.append("Origin: ").append(v).append('\n'));
            s.label().ifPresent(v -> out.append("Label: ").append(v).append('\n'));
            s.codename().ifPresent(v -> out.append("Codename: ").append(v).append('\n'));
            out.append("Verified: ").append(s.verified()).append('\n');
        }
        AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static RepositoryState parse(Paragraph p) throws MalformedInputException {
        String repository = required(p, "Repository");
        Instant date = instant(p, "Date");
        String digest = required(p, "Release-SHA256");
        List<Fingerprint> signers = new ArrayList<>();
        for (String hex : p.get("Signers").orElse("").trim().split("\\s+")) {
            if (!hex.isEmpty()) {
                try {
                    signers.add(Fingerprint.parse(hex));
                } catch (IllegalArgumentException e) {
                    throw field(p, "Signers", "has " + MalformedInputException.quote(hex) + "; expected a fingerprint");
                }
            }
        }
        try {
            return new RepositoryState(repository, date, digest, signers, p.get("Origin"), p.get("Label"),
                    p.get("Codename"), instant(p, "Verified"));
        } catch (IllegalArgumentException e) {
            throw new MalformedInputException(p.source(), p.lineOf(0), -1, e.getMessage());
        }
    }

    private static String required(Paragraph p, String name) throws MalformedInputException {
        return p.get(name).orElseThrow(() -> new MalformedInputException(p.source(), p.lineOf(0), -1,
                "paragraph has no \"" + name + "\" field"));
    }

    private static Instant instant(Paragraph p, String name) throws MalformedInputException {
        String text = required(p, name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw field(p, name, "has " + MalformedInputException.quote(text) + "; expected an ISO-8601 UTC instant");
        }
    }

    private static MalformedInputException field(Paragraph p, String name, String problem) {
        int i = p.indexOf(name);
        return new MalformedInputException(p.source(), p.lineOf(Math.max(i, 0)), -1, "field \"" + name + "\" " + problem);
    }
}
