package org.debindex.verify.deps.debian;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.debindex.core.MalformedInputException;
import org.debindex.core.cache.AtomicFiles;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.update.IndexKind;
import org.debindex.core.update.VerifiedIndex;
import org.debindex.verify.deps.Ecosystem;

/**
 * The ecosystem mapping of one suite kept in the cache's index directory, {@code
 * index/mapping-SUITE.map}, so that {@code check} does not read hundreds of megabytes of
 * Contents each run: built from the suite's verified Contents files (and Sources files, for
 * {@code Go-Import-Path}) and trusted only while it records exactly those files (listed path, size and SHA-256, in order), as {@code
 * CachedIndex} does for the package index.
 *
 * <p>The file is text: a header line, one {@code Input:} line per Contents file, a blank line,
 * one line per candidate ({@code ECOSYSTEM TAB name TAB package TAB version TAB alias}, fields
 * percent-escaped), and a last line {@code End: COUNT CRC32C} over everything before it. A
 * missing, older, outdated, truncated or altered file is rebuilt (through a temporary file and a
 * rename), never read; a cache whose index directory cannot be written still gets the mapping,
 * built in memory.
 *
 * <p>Thread-safe (stateless).
 */
public final class CachedMapping {

    /** The first line; the number changes whenever the rules of {@link ContentsMapping} do. */
    static final String HEADER = "DEBINDEX-MAPPING 2";

    /** Largest mapping file read; bookworm's is about 2 MB. */
    static final long MAX_SIZE = 256L << 20;

    private CachedMapping() {
    }

    /**
     * A mapping and why it was rebuilt.
     *
     * @param mapping        the mapping
     * @param rebuiltBecause why it was built from the Contents files; empty when the kept one was current
     */
    public record Opened(ContentsMapping mapping, Optional<String> rebuiltBecause) {
        /** @throws NullPointerException if a component is null */
        public Opened {
            Objects.requireNonNull(mapping, "mapping");
            Objects.requireNonNull(rebuiltBecause, "rebuiltBecause");
        }
    }

    /**
     * The file that keeps a suite's mapping.
     *
     * @throws NullPointerException if an argument is null
     */
    public static Path file(CacheLayout cache, String suite) {
        StringBuilder name = new StringBuilder("mapping-");
        for (char c : suite.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' ? c : '_');
        }
        return cache.index().resolve(name.append(".map").toString());
    }

    /**
     * The mapping of a suite's verified Contents files: the kept one when it records exactly
     * these files, else built from them and kept.
     *
     * @param cache    the cache
     * @param suite    the suite, as the caller names it (one kept file per name)
     * @param contents the suite's verified Contents and Sources files ({@link CachedContents#mappingInputs})
     * @throws MalformedInputException if a Contents file is malformed
     * @throws IOException if a Contents file cannot be read or breaks its size
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code contents} holds a file that is not Contents
     */
    public static Opened open(CacheLayout cache, String suite, List<VerifiedIndex> contents)
            throws IOException, MalformedInputException {
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(suite, "suite");
        for (VerifiedIndex v : contents) {
            if (v.kind() != IndexKind.CONTENTS && v.kind() != IndexKind.SOURCES) {
                throw new IllegalArgumentException("neither Contents nor Sources: " + v.listedPath());
            }
        }
        Path file = file(cache, suite);
        List<String> inputs = contents.stream().map(CachedMapping::inputLine).toList();
        String reason;
        try {
            if (Files.size(file) > MAX_SIZE) {
                reason = "it is larger than " + MAX_SIZE + " bytes";
            } else {
                Kept kept = read(Files.readString(file, StandardCharsets.UTF_8));
                if (kept.inputs().equals(inputs)) {
                    return new Opened(kept.mapping(), Optional.empty());
                }
                reason = "the Contents or Sources files changed";
            }
        } catch (NoSuchFileException e) {
            reason = "there was none";
        } catch (MalformedInputException | IOException e) {
            // an unreadable, truncated or altered file is never answered from
            reason = "the kept one was unreadable (" + e.getMessage() + ")";
        }
        ContentsMapping mapping = CachedContents.mapping(contents);
        try {
            AtomicFiles.write(file, write(inputs, mapping).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // a read-only cache still answers, from the mapping built in memory
        }
        return new Opened(mapping, Optional.of(reason));
    }

    private static String inputLine(VerifiedIndex v) {
        return "Input: " + v.sha256() + " " + v.size() + " " + escape(v.listedPath());
    }

    /** The file's text for a mapping; names sorted so that the same mapping gives the same bytes. */
    static String write(List<String> inputs, ContentsMapping mapping) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        inputs.forEach(i -> out.append(i).append('\n'));
        out.append('\n');
        long count = 0;
        for (Ecosystem ecosystem : Ecosystem.values()) {
            for (Map.Entry<String, List<Candidate>> e : new TreeMap<>(mapping.table(ecosystem)).entrySet()) {
                for (Candidate c : e.getValue()) {
                    out.append(ecosystem.name()).append('\t').append(escape(e.getKey())).append('\t')
                            .append(escape(c.packageName())).append('\t')
                            .append(escape(c.versionFromPath().orElse(""))).append('\t')
                            .append(escape(c.versionAlias().orElse(""))).append('\n');
                    count++;
                }
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(out.toString().getBytes(StandardCharsets.UTF_8));
        return out.append("End: ").append(count).append(' ').append(Long.toHexString(crc.getValue())).append('\n')
                .toString();
    }

    /** What a kept file records. */
    record Kept(List<String> inputs, ContentsMapping mapping) {
    }

    static Kept read(String text) throws MalformedInputException {
        int endAt = text.lastIndexOf("End: ");
        if (endAt < 0 || !text.endsWith("\n") || (endAt > 0 && text.charAt(endAt - 1) != '\n')) {
            throw new MalformedInputException("mapping", 0, -1, "no End line; expected a complete mapping file");
        }
        String body = text.substring(0, endAt);
        String[] end = text.substring(endAt + 5, text.length() - 1).split(" ");
        CRC32C crc = new CRC32C();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        if (end.length != 2 || !end[1].equals(Long.toHexString(crc.getValue()))) {
            throw new MalformedInputException("mapping", 0, -1, "its checksum does not match; expected "
                    + Long.toHexString(crc.getValue()));
        }
        List<String> inputs = new ArrayList<>();
        Map<Ecosystem, Map<String, List<Candidate>>> table = new EnumMap<>(Ecosystem.class);
        Map<String, String> pool = new HashMap<>();
        long count = 0;
        try (BufferedReader lines = new BufferedReader(new StringReader(body))) {
            if (!HEADER.equals(lines.readLine())) {
                throw new MalformedInputException("mapping", 1, -1, "expected " + HEADER);
            }
            String line;
            while ((line = lines.readLine()) != null && !line.isEmpty()) {
                inputs.add(line);
            }
            while ((line = lines.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f.length != 5) {
                    throw new MalformedInputException("mapping", 0, -1, "expected 5 tab-separated fields");
                }
                Ecosystem ecosystem = Ecosystem.valueOf(f[0]);
                String pkg = pool.computeIfAbsent(unescape(f[2]), p -> p);
                table.computeIfAbsent(ecosystem, e -> new HashMap<>())
                        .computeIfAbsent(unescape(f[1]), n -> new ArrayList<>(1))
                        .add(new Candidate(pkg, optional(unescape(f[3])), optional(unescape(f[4]))));
                count++;
            }
        } catch (IOException e) {
            throw new IllegalStateException("a StringReader does not fail", e);
        } catch (IllegalArgumentException e) {
            throw new MalformedInputException("mapping", 0, -1, e.getMessage());
        }
        if (!end[0].equals(Long.toString(count))) {
            throw new MalformedInputException("mapping", 0, -1, "holds " + count + " candidates; expected " + end[0]);
        }
        return new Kept(List.copyOf(inputs), ContentsMapping.of(table));
    }

    private static Optional<String> optional(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** {@code %}, tab, line breaks as {@code %XX}: Contents paths may hold any byte but NUL and newline. */
    static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '\t' || c == '\n' || c == '\r') {
                if (out == null) {
                    out = new StringBuilder(s.substring(0, i));
                }
                out.append('%').append(String.format("%02X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '%') {
                throw new IllegalArgumentException("a % escape is cut short");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
