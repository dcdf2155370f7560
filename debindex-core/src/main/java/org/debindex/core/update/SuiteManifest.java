package org.debindex.core.update;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.MalformedInputException;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.deb822.Deb822Options;
import org.debindex.core.deb822.Deb822Reader;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.fetch.Validators;
import org.debindex.core.model.HashAlgorithm;

/**
 * The record of one repository suite's verified files in the cache's {@code lists/} directory:
 * the only thing that makes a file there trusted.
 *
 * <h2>Layout and why it survives {@code kill -9}</h2>
 * Every verified file is stored in {@code lists/} under a <em>content-addressed</em> name: the
 * apt-style {@link CacheLayout#listFileName} of its path, then {@code @} and its SHA-256, e.g.
 * {@code mirror.example_debian_dists_trixie_main_binary-amd64_Packages.gz@3f0c…}. The
 * {@code @} never occurs in a {@code listFileName}, so these names cannot collide with anything
 * else, and a name always means the same bytes: a file is never rewritten once it is in
 * {@code lists/}, only created (by an atomic rename of a verified download) or deleted. The
 * manifest, {@code listFileName(base, releaseDir)@manifest}, is a deb822 file naming the Release
 * file (and its detached signature), the server's validators for a conditional request, and one
 * paragraph per verified index file with its listed path, size, SHA-256 and the Release file it
 * was verified against. It is replaced atomically, last, so at every instant the manifest names
 * files that exist with the content it describes; files it does not name are ignored by readers
 * and deleted after the next successful update. A target that fails keeps its previous file, and
 * its paragraph keeps naming the older Release file it was verified against (which is kept too):
 * an index file is never paired with a Release text other than the one that vouched for it.
 *
 * <pre>
 * Repository: http://mirror.example/debian/ trixie
 * Base-URI: http://mirror.example/debian/
 * Suite: trixie
 * Release-File: mirror.example_debian_dists_trixie_InRelease@9a1e…
 * Codename: trixie
 * ETag: "5f-63a"
 *
 * Index: main/binary-amd64/Packages.gz
 * Target: main/binary-amd64/Packages
 * Kind: PACKAGES
 * Component: main
 * Architecture: amd64
 * File: mirror.example_debian_dists_trixie_main_binary-amd64_Packages.gz@3f0c…
 * Size: 10234
 * SHA256: 3f0c…
 * Uncompressed-Size: 40961
 * Required: yes
 * Release-File: mirror.example_debian_dists_trixie_InRelease@9a1e…
 * Release-Suite: stable
 * Codename: trixie
 * Release-Date: 2026-11-14T09:12:38Z
 * </pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param repository    the repository suite, {@code BASE-URI SUITE}
 * @param baseUri       the repository's base URI
 * @param suite         the suite as configured
 * @param releaseFile   the name in {@code lists/} of the accepted InRelease, or of the Release
 * @param signatureFile the name of the Release.gpg, for a detached signature
 * @param codename      the accepted Release's Codename
 * @param validators    the server's validators of the InRelease, for the next conditional request
 * @param entries       the verified index files
 * @param absent        the optional targets (their paths under the Release directory) that the
 *                      mirror did not have when this Release was fetched: not asked for again
 *                      until the Release changes, so an unchanged partial mirror costs one request
 */
public record SuiteManifest(String repository, URI baseUri, String suite, String releaseFile,
                            Optional<String> signatureFile, Optional<String> codename, Validators validators,
                            List<Entry> entries, List<String> absent) {

    /** What ends the manifest's file name; {@code @} never occurs in a {@code listFileName}. */
    static final String SUFFIX = "@manifest";

    /**
     * One verified index file.
     *
     * @param target           what it is
     * @param listedPath       its path as the Release lists it
     * @param file             its name in {@code lists/}
     * @param size             its listed size
     * @param sha256           its SHA-256
     * @param uncompressedSize the listed size of its decompressed content, if listed
     * @param releaseFile      the Release file it was verified against
     * @param signatureFile    that Release's detached signature file, if any
     * @param releaseSuite     that Release's Suite, such as {@code stable}
     * @param codename         that Release's Codename
     * @param releaseDate      that Release's Date (absent in manifests written before it was kept)
     */
    public record Entry(IndexTarget target, String listedPath, String file, long size, String sha256,
                        Optional<Long> uncompressedSize, String releaseFile, Optional<String> signatureFile,
                        Optional<String> releaseSuite, Optional<String> codename, Optional<Instant> releaseDate) {
        /** Validates. @throws NullPointerException if a component is null */
        public Entry {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(listedPath, "listedPath");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(uncompressedSize, "uncompressedSize");
            Objects.requireNonNull(releaseFile, "releaseFile");
            Objects.requireNonNull(signatureFile, "signatureFile");
            Objects.requireNonNull(releaseSuite, "releaseSuite");
            Objects.requireNonNull(codename, "codename");
            Objects.requireNonNull(releaseDate, "releaseDate");
        }
    }

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     */
    public SuiteManifest {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(releaseFile, "releaseFile");
        Objects.requireNonNull(signatureFile, "signatureFile");
        Objects.requireNonNull(codename, "codename");
        Objects.requireNonNull(validators, "validators");
        entries = List.copyOf(entries);
        absent = List.copyOf(absent);
    }

    /**
     * The manifest's file name in {@code lists/} for a suite.
     *
     * @param baseUri the repository's base URI
     * @param suite   the suite as configured
     * @throws NullPointerException if an argument is null
     */
    public static String fileName(URI baseUri, String suite) {
        return CacheLayout.listFileName(baseUri, Acquisition.releaseDirectory(suite)) + SUFFIX;
    }

    /**
     * The verified index files of every suite in the cache, read from the manifests alone (no
     * network), so that an index can be rebuilt from the cache. Each file's size is checked
     * against its manifest (cheap; the content-addressed name stands for the digest).
     *
     * @param cache the cache
     * @return the files, manifest by manifest in file-name order
     * @throws MalformedInputException if a manifest is not valid, or a file it names is absent
     *     or has another size (naming the manifest and the paragraph's line)
     * @throws IOException if {@code lists/} cannot be read
     * @throws NullPointerException if {@code cache} is null
     */
    public static List<VerifiedIndex> verifiedIndexes(CacheLayout cache) throws IOException, MalformedInputException {
        Objects.requireNonNull(cache, "cache");
        List<VerifiedIndex> out = new ArrayList<>();
        for (Path file : manifests(cache.lists())) {
            Optional<SuiteManifest> manifest = read(file);
            if (manifest.isPresent()) {
                out.addAll(manifest.get().verified(cache.lists(), file));
            }
        }
        return List.copyOf(out);
    }

    /** The manifest files in {@code lists/}, sorted by name; none when the directory is absent. */
    static List<Path> manifests(Path lists) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(lists)) {
            return out;
        }
        // no glob (it compiles a regex) and no lambda: every query's start runs this, and the first
        // use of each lambda costs a fresh JVM about a millisecond; the same goes for read() below
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(lists)) {
            for (Path p : dir) {
                if (p.getFileName().toString().endsWith(SUFFIX)) {
                    out.add(p);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** The verified files, each checked to exist with its size. */
    List<VerifiedIndex> verified(Path lists, Path manifestFile) throws IOException, MalformedInputException {
        List<VerifiedIndex> out = new ArrayList<>();
        for (Entry e : entries) {
            Path file = lists.resolve(e.file());
            long size;
            try {
                size = Files.size(file);
            } catch (NoSuchFileException ex) {
                throw new MalformedInputException(manifestFile.toString(), 0, -1, "names "
                        + MalformedInputException.quote(e.file()) + ", which is not in " + lists);
            }
            if (size != e.size()) {
                throw new MalformedInputException(manifestFile.toString(), 0, -1, "names "
                        + MalformedInputException.quote(e.file()) + " with size " + e.size() + ", but it has " + size);
            }
            out.add(new VerifiedIndex(repository, baseUri, suite, e.releaseSuite(), e.codename(), e.releaseDate(),
                    e.target().component(),
                    e.target().architecture(), e.target().kind(), e.listedPath(), file, e.size(), e.sha256(),
                    e.uncompressedSize()));
        }
        return out;
    }

    /** Every file in {@code lists/} this manifest names. */
    Set<String> referencedFiles() {
        Set<String> names = new LinkedHashSet<>();
        names.add(releaseFile);
        signatureFile.ifPresent(names::add);
        for (Entry e : entries) {
            names.add(e.file());
            names.add(e.releaseFile());
            e.signatureFile().ifPresent(names::add);
        }
        return names;
    }

    /** The manifest as deb822 text. */
    byte[] toBytes() {
        StringBuilder out = new StringBuilder();
        field(out, "Repository", repository);
        field(out, "Base-URI", baseUri.toString());
        field(out, "Suite", suite);
        field(out, "Release-File", releaseFile);
        signatureFile.ifPresent(v -> field(out, "Signature-File", v));
        codename.ifPresent(v -> field(out, "Codename", v));
        validators.etag().ifPresent(v -> field(out, "ETag", v));
        validators.lastModified().ifPresent(v -> field(out, "Last-Modified", v));
        if (!absent.isEmpty()) {
            field(out, "Absent", String.join(" ", absent));
        }
        for (Entry e : entries) {
            out.append('\n');
            field(out, "Index", e.listedPath());
            field(out, "Target", e.target().path());
            field(out, "Kind", e.target().kind().name());
            if (!e.target().component().isEmpty()) {
                field(out, "Component", e.target().component());
            }
            e.target().architecture().ifPresent(v -> field(out, "Architecture", v));
            field(out, "Required", e.target().required() ? "yes" : "no");
            field(out, "File", e.file());
            field(out, "Size", Long.toString(e.size()));
            field(out, "SHA256", e.sha256());
            e.uncompressedSize().ifPresent(v -> field(out, "Uncompressed-Size", Long.toString(v)));
            field(out, "Release-File", e.releaseFile());
            e.signatureFile().ifPresent(v -> field(out, "Signature-File", v));
            e.releaseSuite().ifPresent(v -> field(out, "Release-Suite", v));
            e.codename().ifPresent(v -> field(out, "Codename", v));
            e.releaseDate().ifPresent(v -> field(out, "Release-Date", v.toString()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(name + " must be one non-empty line: \"" + value + "\"");
        }
        out.append(name).append(": ").append(value).append('\n');
    }

    /**
     * Reads a manifest.
     *
     * @return the manifest; empty when the file does not exist
     * @throws MalformedInputException if it is not a valid manifest
     * @throws IOException if it exists but cannot be read
     */
    static Optional<SuiteManifest> read(Path file) throws IOException, MalformedInputException {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String source = file.toString();
        Deb822Reader reader = Deb822Reader.of(data, source, Deb822Options.defaults());
        Optional<Paragraph> first = reader.next();
        if (first.isEmpty()) {
            throw new MalformedInputException(source, 1, -1, "is empty; expected a manifest paragraph");
        }
        Paragraph head = first.get();
        URI base;
        try {
            base = new URI(required(head, "Base-URI"));
        } catch (java.net.URISyntaxException e) {
            throw new MalformedInputException(source, head.line(), -1, "field \"Base-URI\" is not a URI");
        }
        List<Entry> entries = new ArrayList<>();
        for (Optional<Paragraph> p = reader.next(); p.isPresent(); p = reader.next()) {
            entries.add(entry(p.get()));
        }
        try {
            return Optional.of(new SuiteManifest(required(head, "Repository"), base, required(head, "Suite"),
                    required(head, "Release-File"), head.get("Signature-File"), head.get("Codename"),
                    Validators.of(head.get("ETag"), head.get("Last-Modified")), entries,
                    head.has("Absent") ? words(head.get("Absent").get()) : List.of()));
        } catch (IllegalArgumentException e) {
            throw new MalformedInputException(source, head.line(), -1, e.getMessage());
        }
    }

    /** The words of {@code text} between spaces and tabs; a loop, not a regex split (see parseInstant). */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean blank = i == text.length() || text.charAt(i) == ' ' || text.charAt(i) == '\t';
            if (blank && start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            } else if (!blank && start < 0) {
                start = i;
            }
        }
        return List.copyOf(out);
    }

    private static Entry entry(Paragraph p) throws MalformedInputException {
        IndexKind kind;
        String kindText = required(p, "Kind");
        try {
            kind = IndexKind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MalformedInputException(p.source(), p.line(), -1, "field \"Kind\" has "
                    + MalformedInputException.quote(kindText) + "; expected one of PACKAGES, TRANSLATION, SOURCES, CONTENTS");
        }
        String sha256 = required(p, "SHA256");
        String file = required(p, "File");
        if (!HashAlgorithm.SHA256.isLowerHexDigest(sha256) || file.indexOf('/') >= 0 || !file.endsWith("@" + sha256)) {
            throw new MalformedInputException(p.source(), p.line(), -1, "names file "
                    + MalformedInputException.quote(file) + " that is not a content-addressed lists/ name for SHA256 "
                    + MalformedInputException.quote(sha256));
        }
        try {
            IndexTarget target = new IndexTarget(kind, p.get("Component").orElse(""), p.get("Architecture"),
                    required(p, "Target"), "yes".equals(p.get("Required").orElse(null)));
            return new Entry(target, required(p, "Index"), file, number(p, "Size"), sha256,
                    p.has("Uncompressed-Size") ? Optional.of(number(p, "Uncompressed-Size")) : Optional.empty(),
                    required(p, "Release-File"), p.get("Signature-File"), p.get("Release-Suite"),
                    p.get("Codename"), instant(p, "Release-Date"));
        } catch (IllegalArgumentException e) {
            throw new MalformedInputException(p.source(), p.line(), -1, e.getMessage());
        }
    }

    private static Optional<Instant> instant(Paragraph p, String name) throws MalformedInputException {
        Optional<String> text = p.get(name);
        try {
            return text.isPresent() ? Optional.of(parseInstant(text.get())) : Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            throw new MalformedInputException(p.source(), p.line(), -1, "field \"" + name + "\" has "
                    + MalformedInputException.quote(text.get()) + "; expected an ISO-8601 instant");
        }
    }

    /**
     * Reads an instant as {@link Instant#toString()} wrote it. The common shape, whole seconds in
     * UTC ({@code 2026-11-14T09:12:38Z}), is read by hand: every query reads these dates, and
     * the first use of {@link Instant#parse} builds java.time's formatters, several ms in a
     * fresh JVM (as does loading YearMonth or Year, hence the leap-year rule written out).
     */
    static Instant parseInstant(String text) {
        if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= java.time.Month.of(month).length(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
                    && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59) {
                long days = java.time.LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(days * 86_400L + hour * 3600L + minute * 60L + second);
            }
        }
        return Instant.parse(text);
    }

    /** The decimal number in {@code text[from, to)}; -1 if a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static long number(Paragraph p, String name) throws MalformedInputException {
        String text = required(p, name);
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MalformedInputException(p.source(), p.line(), -1, "field \"" + name + "\" has "
                + MalformedInputException.quote(text) + "; expected a size in bytes");
    }

    private static String required(Paragraph p, String name) throws MalformedInputException {
        String value = p.get(name).orElse("").strip();
        if (value.isEmpty()) {
            throw new MalformedInputException(p.source(), p.line(), -1, "paragraph has no \"" + name + "\" field");
        }
        return value;
    }
}
