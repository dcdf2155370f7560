package org.debindex.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.core.deb822.FieldName;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.relation.RelationField;
import org.debindex.core.relation.RelationList;
import org.debindex.core.version.DebianVersion;

/**
 * A source package as a {@code Sources} stanza describes it.
 *
 * <p>The name comes from {@code Package} (dak renames the control file's {@code Source}), falling
 * back to {@code Source} as apt does. {@code Version} is required; the checksum lists are checked
 * when the package is made.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @see "Debian Policy §5.4, source package control files"
 */
public final class SourcePackage {

    private static final FieldName PACKAGE = FieldName.of("Package");
    private static final FieldName SOURCE = FieldName.of("Source");
    private static final FieldName VERSION = FieldName.of("Version");

    private final Paragraph paragraph;
    private final String name;
    private final DebianVersion version;
    private final List<ChecksumEntry> files;

    private SourcePackage(Paragraph paragraph, String name, DebianVersion version, List<ChecksumEntry> files) {
        this.paragraph = paragraph;
        this.name = name;
        this.version = version;
        this.files = List.copyOf(files);
    }

    /**
     * Reads a source package from its paragraph.
     *
     * @throws MalformedInputException naming the line, if a required field is missing or malformed
     * @throws NullPointerException if {@code paragraph} is null
     */
    public static SourcePackage of(Paragraph paragraph) throws MalformedInputException {
        String name = paragraph.has(PACKAGE)
                ? Stanzas.required(paragraph, PACKAGE)
                : Stanzas.required(paragraph, SOURCE);
        DebianVersion version = Stanzas.version(paragraph, Stanzas.requiredIndex(paragraph, VERSION));
        List<ChecksumEntry> files = checksums(paragraph, HashAlgorithm.SHA256, "Checksums-Sha256");
        return new SourcePackage(paragraph, name, version, files);
    }

    /** Reads a {@code Checksums-*} or {@code Files} list: lines of digest, size and file name. */
    private static List<ChecksumEntry> checksums(Paragraph p, HashAlgorithm algorithm, String field)
            throws MalformedInputException {
        int i = p.indexOf(field);
        if (i < 0) {
            return List.of();
        }
        List<ChecksumEntry> out = new ArrayList<>();
        String[] lines = p.value(i).split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[ \t]+");
            String digest = parts[0].toLowerCase(Locale.ROOT);
            long size = parts.length == 3 ? Stanzas.parseNumber(parts[1]) : -1;
            if (parts.length != 3 || size < 0 || digest.length() != algorithm.hexLength()
                    || !ChecksumEntry.isLowerHex(digest)) {
                throw new MalformedInputException(p.source(), p.lineOf(i) + k, -1, "line " + MalformedInputException.quote(line)
                        + " in " + field + " is not \"<" + algorithm.hexLength() + " hex digits> <size> <file>\"");
            }
            out.add(new ChecksumEntry(parts[2], size, digest));
        }
        return out;
    }

    /** The source package name. */
    public String name() {
        return name;
    }

    /** {@code Version}. */
    public DebianVersion version() {
        return version;
    }

    /** The paragraph, with every field as written. */
    public Paragraph paragraph() {
        return paragraph;
    }

    /**
     * Any field by name, ignoring case.
     *
     * @throws IllegalArgumentException if {@code field} is not a valid field name
     */
    public Optional<String> get(String field) {
        return paragraph.get(field);
    }

    /** {@code Binary}: the binary packages it builds. */
    public List<String> binaries() {
        return paragraph.get("Binary").map(SourcePackage::commaList).orElse(List.of());
    }

    /** {@code Architecture}: the architectures it builds for (words such as {@code any}, {@code all}). */
    public List<String> architectures() {
        return paragraph.get("Architecture").map(v -> List.of(v.strip().split("\\s+"))).orElse(List.of())
                .stream().filter(s -> !s.isEmpty()).toList();
    }

    /** {@code Format}, such as {@code 3.0 (quilt)}. */
    public Optional<String> format() {
        return paragraph.get("Format");
    }

    /** {@code Directory}: where its files are, from the archive root. */
    public Optional<String> directory() {
        return paragraph.get("Directory");
    }

    /** {@code Maintainer}. */
    public Optional<String> maintainer() {
        return paragraph.get("Maintainer");
    }

    /** {@code Uploaders}, split at the commas between addresses. */
    public List<String> uploaders() {
        return paragraph.get("Uploaders").map(SourcePackage::commaList).orElse(List.of());
    }

    /** {@code Homepage}. */
    public Optional<String> homepage() {
        return paragraph.get("Homepage");
    }

    /** {@code Checksums-Sha256}: the files of the source package with size and SHA-256. */
    public List<ChecksumEntry> files() {
        return files;
    }

    /**
     * One checksum list of the source package's files: {@code Files} (MD5), {@code Checksums-Sha1},
     * {@code Checksums-Sha256} (the same as {@link #files()}) or {@code Checksums-Sha512}; empty
     * when the stanza has no such field. Lists other than SHA-256 are parsed on each call, so a
     * caller that needs one often keeps the result.
     *
     * @throws MalformedInputException naming the source and line, if a line of the list is not
     *     {@code <digest> <size> <file>} with a digest of the algorithm's length
     * @throws NullPointerException if {@code algorithm} is null
     */
    public List<ChecksumEntry> checksums(HashAlgorithm algorithm) throws MalformedInputException {
        return switch (Objects.requireNonNull(algorithm, "algorithm")) {
            case MD5 -> checksums(paragraph, algorithm, "Files");
            case SHA1 -> checksums(paragraph, algorithm, "Checksums-Sha1");
            case SHA256 -> files;
            case SHA512 -> checksums(paragraph, algorithm, "Checksums-Sha512");
        };
    }

    private static List<String> commaList(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String s = part.strip().replaceAll("\\s+", " ");
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /**
     * A relation field parsed ({@code Depends}, {@code Provides}, ...); empty when absent. Parsed
     * on each call, so a caller that needs it often keeps the result.
     *
     * @throws MalformedInputException naming the source, line and field if the value is malformed
     * @throws IllegalArgumentException if {@code field} is not a field of a source package
     * @throws NullPointerException if {@code field} is null
     */
    public RelationList relations(RelationField field) throws MalformedInputException {
        if (!field.isSourceField()) {
            throw new IllegalArgumentException("not a field of a source package: " + field);
        }
        return Stanzas.relations(paragraph, field);
    }

    @Override
    public String toString() {
        return name + " " + version;
    }
}
