package org.debindex.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debindex.core.MalformedInputException;
import org.debindex.core.deb822.Deb822Options;
import org.debindex.core.deb822.Deb822Reader;
import org.debindex.core.deb822.Paragraph;

/**
 * A {@code Release} file (the text of an {@code InRelease} once its signature is checked): the
 * archive's description and the checksum lists of its index files.
 *
 * <p>Only the first paragraph counts, as in apt. Parsing is stricter than apt where apt guesses:
 * a repeated field, a path listed twice in one checksum list, a file whose size differs between
 * lists, a digest of the wrong length and an unreadable {@code Date} or {@code Valid-Until} are
 * errors. Upper-case hex digests are accepted and lower-cased. Whether the checksums are strong
 * enough and the dates acceptable is the verifier's decision, not the parser's.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @see "the DebianRepository/Format page of the Debian wiki"
 */
public final class Release {

    private static final Pattern DATE = Pattern.compile(
            "(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), +)?(\\d{1,2}) +(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                    + " +(\\d{4}) +(\\d{2}):(\\d{2}):(\\d{2}) +(UTC|GMT|Z|[+-]0000)");
    private static final List<String> MONTHS = List.of(
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    private final Paragraph paragraph;
    private final Optional<Instant> date;
    private final Optional<Instant> validUntil;
    private final Map<HashAlgorithm, List<ChecksumEntry>> checksums;
    private final Map<String, IndexFileEntry> files;

    private Release(Paragraph paragraph, Optional<Instant> date, Optional<Instant> validUntil,
                    Map<HashAlgorithm, List<ChecksumEntry>> checksums, Map<String, IndexFileEntry> files) {
        this.paragraph = paragraph;
        this.date = date;
        this.validUntil = validUntil;
        this.checksums = checksums;
        this.files = files;
    }

    /**
     * Reads a Release from a stream (its first paragraph).
     *
     * @param in     the Release text; not closed
     * @param source the name for messages
     * @throws MalformedInputException if it is not a valid Release
     * @throws IOException if reading fails
     * @throws NullPointerException if an argument is null
     */
    public static Release read(InputStream in, String source) throws IOException, MalformedInputException {
        Deb822Reader reader = Deb822Reader.open(in, source, Deb822Options.release());
        Optional<Paragraph> first = reader.next();
        if (first.isEmpty()) {
            throw new MalformedInputException(source, reader.line(), -1, "no Release paragraph; expected fields such as \"Suite:\"");
        }
        return of(first.get());
    }

    /**
     * Parses a Release from bytes (the signed text of an InRelease, or a Release file).
     *
     * @throws MalformedInputException if it is not a valid Release
     * @throws NullPointerException if an argument is null
     */
    public static Release parse(byte[] text, String source) throws MalformedInputException {
        try (Deb822Reader reader = Deb822Reader.of(text, source, Deb822Options.release())) {
            Optional<Paragraph> first = reader.next();
            if (first.isEmpty()) {
                throw new MalformedInputException(source, reader.line(), -1, "no Release paragraph; expected fields such as \"Suite:\"");
            }
            return of(first.get());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading a byte array cannot fail", e);
        }
    }

    /**
     * Interprets a paragraph already read as a Release.
     *
     * @throws MalformedInputException if a field the Release model types is malformed
     * @throws NullPointerException if {@code paragraph} is null
     */
    public static Release of(Paragraph paragraph) throws MalformedInputException {
        Objects.requireNonNull(paragraph, "paragraph");
        Optional<Instant> date = dateField(paragraph, "Date");
        Optional<Instant> validUntil = dateField(paragraph, "Valid-Until");
        for (String flag : List.of("Acquire-By-Hash", "NotAutomatic", "ButAutomaticUpgrades")) {
            int i = paragraph.indexOf(flag);
            if (i >= 0) {
                String v = paragraph.value(i);
                if (!v.equalsIgnoreCase("yes") && !v.equalsIgnoreCase("no")) {
                    throw error(paragraph, i, "field \"" + flag + "\" has value " + MalformedInputException.quote(v)
                            + "; expected \"yes\" or \"no\"");
                }
            }
        }
        Map<HashAlgorithm, List<ChecksumEntry>> checksums = new EnumMap<>(HashAlgorithm.class);
        Map<String, Long> sizes = new LinkedHashMap<>();
        Map<String, Map<HashAlgorithm, String>> digests = new LinkedHashMap<>();
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            int i = paragraph.indexOf(algorithm.releaseField());
            if (i < 0) {
                continue;
            }
            List<ChecksumEntry> entries = checksumList(paragraph, i, algorithm);
            checksums.put(algorithm, List.copyOf(entries));
            for (ChecksumEntry e : entries) {
                Long known = sizes.putIfAbsent(e.path(), e.size());
                if (known != null && known != e.size()) {
                    throw error(paragraph, i, "file " + MalformedInputException.quote(e.path()) + " has size "
                            + e.size() + " in " + algorithm.releaseField() + " but " + known + " in another checksum list");
                }
                digests.computeIfAbsent(e.path(), p -> new EnumMap<>(HashAlgorithm.class)).put(algorithm, e.digest());
            }
        }
        Map<String, IndexFileEntry> files = new LinkedHashMap<>();
        digests.forEach((path, d) -> files.put(path, new IndexFileEntry(path, sizes.get(path), d)));
        return new Release(paragraph, date, validUntil, Collections.unmodifiableMap(checksums),
                Collections.unmodifiableMap(files));
    }

    private static List<ChecksumEntry> checksumList(Paragraph p, int field, HashAlgorithm algorithm)
            throws MalformedInputException {
        String value = p.value(field);
        List<ChecksumEntry> entries = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String[] lines = value.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[ \t]+");
            long atLine = p.lineOf(field) + k;
            if (parts.length != 3) {
                throw new MalformedInputException(p.source(), atLine, -1, "checksum line " + MalformedInputException.quote(line)
                        + " in " + algorithm.releaseField() + " has " + parts.length + " fields; expected \"<digest> <size> <path>\"");
            }
            String digest = parts[0].toLowerCase(Locale.ROOT);
            if (digest.length() != algorithm.hexLength() || !ChecksumEntry.isLowerHex(digest)) {
                throw new MalformedInputException(p.source(), atLine, -1, "digest " + MalformedInputException.quote(parts[0])
                        + " in " + algorithm.releaseField() + " is not " + algorithm.hexLength() + " hex digits");
            }
            long size = parseSize(parts[1], p.source(), atLine, algorithm.releaseField());
            if (!seen.add(parts[2])) {
                throw new MalformedInputException(p.source(), atLine, -1, "file " + MalformedInputException.quote(parts[2])
                        + " is listed twice in " + algorithm.releaseField());
            }
            entries.add(new ChecksumEntry(parts[2], size, digest));
        }
        return entries;
    }

    private static long parseSize(String text, String source, long line, String field) throws MalformedInputException {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedInputException(source, line, -1, "size " + MalformedInputException.quote(text)
                    + " in " + field + " is not a number of bytes");
        }
        return Long.parseLong(text);
    }

    private static Optional<Instant> dateField(Paragraph p, String name) throws MalformedInputException {
        int i = p.indexOf(name);
        if (i < 0) {
            return Optional.empty();
        }
        String text = p.value(i);
        try {
            return Optional.of(parseDate(text));
        } catch (IllegalArgumentException e) {
            throw error(p, i, "field \"" + name + "\" has date " + MalformedInputException.quote(text)
                    + "; expected UTC time as \"Sat, 15 Nov 2025 08:27:59 UTC\"");
        }
    }

    /**
     * Parses a Release date as apt does: RFC 2822 style, in UTC ({@code UTC}, {@code GMT}, {@code Z}
     * or a zero numeric offset; apt refuses any other offset).
     *
     * @throws IllegalArgumentException if {@code text} is not such a date
     * @throws NullPointerException if {@code text} is null
     */
    public static Instant parseDate(String text) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Release date: " + text);
        }
        try {
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(4)), MONTHS.indexOf(m.group(3)) + 1,
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                    Integer.parseInt(m.group(7)));
            return t.toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a Release date: " + text, e);
        }
    }

    private static MalformedInputException error(Paragraph p, int field, String problem) {
        return new MalformedInputException(p.source(), p.lineOf(field), p.valueSpan(field).offset(), problem);
    }

    /** The paragraph, with every field as written. */
    public Paragraph paragraph() {
        return paragraph;
    }

    /** Any field by name, ignoring case. @throws IllegalArgumentException if the name is invalid */
    public Optional<String> get(String field) {
        return paragraph.get(field);
    }

    /** {@code Origin}. */
    public Optional<String> origin() {
        return paragraph.get("Origin");
    }

    /** {@code Label}. */
    public Optional<String> label() {
        return paragraph.get("Label");
    }

    /** {@code Suite}, such as {@code stable}. */
    public Optional<String> suite() {
        return paragraph.get("Suite");
    }

    /** {@code Codename}, such as {@code trixie}. */
    public Optional<String> codename() {
        return paragraph.get("Codename");
    }

    /** {@code Version}, such as {@code 13.8}. */
    public Optional<String> version() {
        return paragraph.get("Version");
    }

    /** {@code Description}. */
    public Optional<String> description() {
        return paragraph.get("Description");
    }

    /** {@code Date}: when the Release was made. */
    public Optional<Instant> date() {
        return date;
    }

    /** {@code Valid-Until}: when it expires (absent for stable releases). */
    public Optional<Instant> validUntil() {
        return validUntil;
    }

    /** {@code Architectures}; empty when not listed (meaning: any). */
    public List<String> architectures() {
        return words("Architectures");
    }

    /** {@code Components}; empty when not listed. */
    public List<String> components() {
        return words("Components");
    }

    /** {@code Acquire-By-Hash: yes}: index files may be fetched from {@code by-hash/}. */
    public boolean acquireByHash() {
        return flag("Acquire-By-Hash");
    }

    /** {@code NotAutomatic: yes} (default pin 1). */
    public boolean notAutomatic() {
        return flag("NotAutomatic");
    }

    /** {@code ButAutomaticUpgrades: yes} (default pin 100 with NotAutomatic). */
    public boolean butAutomaticUpgrades() {
        return flag("ButAutomaticUpgrades");
    }

    /**
     * {@code No-Support-for-Architecture-all: Packages}: arch:all packages are in the per-arch
     * Packages, so binary-all Packages need not be fetched.
     */
    public boolean noSupportForArchitectureAll() {
        return paragraph.get("No-Support-for-Architecture-all").map(v -> v.strip().equals("Packages")).orElse(false);
    }

    /** {@code Signed-By}: fingerprints allowed to sign the next Release. */
    public List<String> signedBy() {
        return paragraph.get("Signed-By").map(v -> List.of(v.strip().split("[\\s,]+"))).orElse(List.of())
                .stream().filter(s -> !s.isEmpty()).toList();
    }

    /** {@code Changelogs}: the changelog URL template. */
    public Optional<String> changelogs() {
        return paragraph.get("Changelogs");
    }

    /** {@code Snapshots}: the snapshot URL template. */
    public Optional<String> snapshots() {
        return paragraph.get("Snapshots");
    }

    /** Every checksum list, by algorithm, in file order. */
    public Map<HashAlgorithm, List<ChecksumEntry>> checksums() {
        return checksums;
    }

    /** One checksum list; empty when the Release has no such field. */
    public List<ChecksumEntry> checksums(HashAlgorithm algorithm) {
        return checksums.getOrDefault(Objects.requireNonNull(algorithm, "algorithm"), List.of());
    }

    /** Every listed file with its size and digests, in order of first appearance. */
    public Map<String, IndexFileEntry> files() {
        return files;
    }

    /** The listed file at {@code path}. @throws NullPointerException if {@code path} is null */
    public Optional<IndexFileEntry> file(String path) {
        return Optional.ofNullable(files.get(Objects.requireNonNull(path, "path")));
    }

    private boolean flag(String name) {
        return paragraph.get(name).map(v -> v.strip().equalsIgnoreCase("yes")).orElse(false);
    }

    private List<String> words(String name) {
        return paragraph.get(name).map(v -> List.of(v.strip().split("\\s+"))).orElse(List.of())
                .stream().filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "Release[" + paragraph.source() + ", suite=" + suite().orElse("?") + ", codename="
                + codename().orElse("?") + ", " + files.size() + " files]";
    }
}
