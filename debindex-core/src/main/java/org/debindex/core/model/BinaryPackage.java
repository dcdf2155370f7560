package org.debindex.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.debindex.core.MalformedInputException;
import org.debindex.core.deb822.FieldName;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.relation.RelationField;
import org.debindex.core.relation.RelationList;
import org.debindex.core.version.DebianVersion;

/**
 * A binary package as a {@code Packages} stanza (or dpkg's status file) describes it.
 *
 * <p>{@code Package}, {@code Version} and {@code Architecture} are required and decoded at once;
 * the other typed fields are checked when the package is made (so their getters cannot fail) and
 * decoded when asked for. Every field stays available through {@link #paragraph()}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @see "Debian Policy §5.3, binary package control files"
 */
public final class BinaryPackage {

    private static final FieldName PACKAGE = FieldName.of("Package");
    private static final FieldName VERSION = FieldName.of("Version");
    private static final FieldName ARCHITECTURE = FieldName.of("Architecture");
    private static final FieldName SOURCE = FieldName.of("Source");
    private static final FieldName SIZE = FieldName.of("Size");
    private static final FieldName INSTALLED_SIZE = FieldName.of("Installed-Size");
    private static final FieldName MULTI_ARCH = FieldName.of("Multi-Arch");
    private static final FieldName DESCRIPTION = FieldName.of("Description");
    /** What {@link #of} looks up, in one pass over the fields. */
    private static final FieldName[] LOOKED_UP = {PACKAGE, VERSION, ARCHITECTURE, SIZE, INSTALLED_SIZE, MULTI_ARCH, SOURCE};

    private final Paragraph paragraph;
    private final String name;
    private final DebianVersion version;
    private final String architecture;

    private BinaryPackage(Paragraph paragraph, String name, DebianVersion version, String architecture) {
        this.paragraph = paragraph;
        this.name = name;
        this.version = version;
        this.architecture = architecture;
    }

    /**
     * Reads a package from its paragraph.
     *
     * @throws MalformedInputException naming the line, if a required field is missing or a typed
     *     field is malformed
     * @throws NullPointerException if {@code paragraph} is null
     */
    public static BinaryPackage of(Paragraph paragraph) throws MalformedInputException {
        int[] at = paragraph.indexesOf(LOOKED_UP);
        String name = Stanzas.required(paragraph, at[0], PACKAGE);
        DebianVersion version = Stanzas.version(paragraph, Stanzas.requiredIndex(paragraph, at[1], VERSION));
        String architecture = Stanzas.required(paragraph, at[2], ARCHITECTURE);
        Stanzas.checkNumber(paragraph, at[3], SIZE);
        Stanzas.checkNumber(paragraph, at[4], INSTALLED_SIZE);
        int m = at[5];
        if (m >= 0 && MultiArch.ofValue(paragraph.value(m)).isEmpty()) {
            throw Stanzas.error(paragraph, m, "field \"Multi-Arch\" has value "
                    + MalformedInputException.quote(paragraph.value(m)) + "; expected no, same, foreign or allowed");
        }
        int s = at[6];
        if (s >= 0) {
            try {
                SourceRef.parse(paragraph.value(s), version);
            } catch (MalformedInputException e) {
                throw e.at(paragraph.source(), paragraph.lineOf(s), paragraph.valueSpan(s).offset());
            }
        }
        return new BinaryPackage(paragraph, name, version, architecture);
    }

    /** {@code Package}: the package name. */
    public String name() {
        return name;
    }

    /** {@code Version}. */
    public DebianVersion version() {
        return version;
    }

    /** {@code Architecture}, such as {@code amd64} or {@code all}. */
    public String architecture() {
        return architecture;
    }

    /** The paragraph, with every field as written. */
    public Paragraph paragraph() {
        return paragraph;
    }

    /**
     * Any field by name, ignoring case.
     *
     * @throws IllegalArgumentException if {@code field} is not a valid field name
     * @throws NullPointerException if {@code field} is null
     */
    public Optional<String> get(String field) {
        return paragraph.get(field);
    }

    /** The source package: the {@code Source} field, completed with this package's name and version. */
    public SourceRef source() {
        int s = paragraph.indexOf(SOURCE);
        if (s < 0) {
            return new SourceRef(name, version);
        }
        try {
            return SourceRef.parse(paragraph.value(s), version);
        } catch (MalformedInputException e) {
            throw new IllegalStateException("checked when made: " + e.getMessage(), e);
        }
    }

    /** {@code Size}: of the {@code .deb}, in bytes. */
    public OptionalLong size() {
        return Stanzas.number(paragraph, SIZE);
    }

    /** {@code Installed-Size}: in KiB. */
    public OptionalLong installedSize() {
        return Stanzas.number(paragraph, INSTALLED_SIZE);
    }

    /** {@code Filename}: the {@code .deb}'s path from the archive root. */
    public Optional<String> filename() {
        return paragraph.get("Filename");
    }

    /** {@code SHA256} of the {@code .deb}. */
    public Optional<String> sha256() {
        return paragraph.get("SHA256");
    }

    /** {@code Multi-Arch}; {@link MultiArch#NO} when absent. */
    public MultiArch multiArch() {
        return paragraph.get(MULTI_ARCH).flatMap(MultiArch::ofValue).orElse(MultiArch.NO);
    }

    /** {@code Essential: yes}. */
    public boolean isEssential() {
        return paragraph.get("Essential").map(v -> v.equalsIgnoreCase("yes")).orElse(false);
    }

    /** {@code Protected: yes}. */
    public boolean isProtected() {
        return paragraph.get("Protected").map(v -> v.equalsIgnoreCase("yes")).orElse(false);
    }

    /** {@code Priority}. */
    public Optional<String> priority() {
        return paragraph.get("Priority");
    }

    /** {@code Section}, such as {@code libs} or {@code contrib/net}. */
    public Optional<String> section() {
        return paragraph.get("Section");
    }

    /** {@code Maintainer}. */
    public Optional<String> maintainer() {
        return paragraph.get("Maintainer");
    }

    /** {@code Homepage}. */
    public Optional<String> homepage() {
        return paragraph.get("Homepage");
    }

    /** The first line of {@code Description}: the synopsis. */
    public Optional<String> synopsis() {
        return paragraph.get(DESCRIPTION).map(Stanzas::firstLine);
    }

    /**
     * The long description in Policy's form (§5.6.13), when this stanza carries one (Debian's
     * {@code Packages} files keep it in {@code Translation-en} instead).
     */
    public Optional<String> longDescription() {
        return paragraph.get(DESCRIPTION).map(Stanzas::afterFirstLine).filter(s -> !s.isEmpty());
    }

    /** {@code Description-md5}: the key of the long description in Translation files. */
    public Optional<String> descriptionMd5() {
        return paragraph.get("Description-md5");
    }

    /**
     * A relation field parsed ({@code Depends}, {@code Provides}, ...); empty when absent. Parsed
     * on each call, so a caller that needs it often keeps the result.
     *
     * @throws MalformedInputException naming the source, line and field if the value is malformed
     * @throws IllegalArgumentException if {@code field} is not a field of a binary package
     * @throws NullPointerException if {@code field} is null
     */
    public RelationList relations(RelationField field) throws MalformedInputException {
        if (field.isSourceField()) {
            throw new IllegalArgumentException("not a field of a binary package: " + field);
        }
        return Stanzas.relations(paragraph, field);
    }

    @Override
    public String toString() {
        return name + " " + version + " " + architecture;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryPackage other && name.equals(other.name) && version.equals(other.version)
                && architecture.equals(other.architecture) && paragraph.toString().equals(other.paragraph.toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, architecture);
    }
}
