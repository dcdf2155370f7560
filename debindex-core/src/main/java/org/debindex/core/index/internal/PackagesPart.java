package org.debindex.core.index.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.core.compress.DecompressOptions;
import org.debindex.core.compress.Decompressors;
import org.debindex.core.deb822.Deb822Reader;
import org.debindex.core.deb822.FieldName;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.index.IndexInput;
import org.debindex.core.model.BinaryPackage;
import org.debindex.core.model.SourceRef;
import org.debindex.core.relation.Alternatives;
import org.debindex.core.relation.Relation;
import org.debindex.core.relation.RelationField;
import org.debindex.core.relation.RelationList;
import org.debindex.core.relation.VersionConstraint;
import org.debindex.core.version.DebianVersion;

/**
 * What one {@code Packages} file contributes to an index: its stanzas' bytes, one staged record
 * per package, and its relations with names numbered locally (the assembler maps them to the
 * global name table).
 *
 * <p>Filled by one thread, then only read.
 */
final class PackagesPart {

    private static final FieldName DESCRIPTION = FieldName.of("Description");
    private static final FieldName PROVIDES = FieldName.of("Provides");

    /** The indexed relation fields, then Description and Provides, found in one pass. */
    private static final FieldName[] LOOKED_UP;

    static {
        int n = RelationCodes.fieldCount();
        LOOKED_UP = new FieldName[n + 2];
        for (int i = 0; i < n; i++) {
            LOOKED_UP[i] = FieldName.of(RelationCodes.field(i).fieldName());
        }
        LOOKED_UP[n] = DESCRIPTION;
        LOOKED_UP[n + 1] = PROVIDES;
    }

    /** Ints per relation in {@link #relations}. */
    static final int REL_INTS = 4;
    /** Ints per entry in {@link #provides}. */
    static final int PROV_INTS = 2;

    /**
     * One package, staged.
     *
     * @param name          local name id
     * @param source        local name id of the source package
     * @param md5           {@code Description-md5}, lower case, or empty
     * @param inlineLong    the long description the stanza itself carries (Policy form), or empty
     * @param relStart      first relation (in units of {@link #REL_INTS})
     * @param provStart     first provides entry (in units of {@link #PROV_INTS})
     */
    record Staged(int name, DebianVersion version, String architecture, int source, String sourceVersion,
                  String summary, String md5, String inlineLong, int stanzaOffset, int stanzaLength,
                  int relStart, int relEnd, int provStart, int provEnd) {
    }

    final int ordinal;
    final String source;
    final ByteSink stanzas;
    final List<Staged> packages = new ArrayList<>();
    final Dictionary names = new Dictionary();
    final Dictionary strings = new Dictionary();
    /** Per relation: target name, packed bits, version string or -1, qualifier string or -1. */
    final IntArray relations = new IntArray(1 << 16);
    /** Per entry: provided name, version string or -1. */
    final IntArray provides = new IntArray(1 << 10);

    private PackagesPart(int ordinal, String source, int capacity) {
        this.ordinal = ordinal;
        this.source = source;
        this.stanzas = new ByteSink(capacity);
    }

    /**
     * Reads a Packages file.
     *
     * @throws MalformedInputException if a stanza is malformed
     * @throws IOException if the file cannot be read or decompressed
     */
    static PackagesPart read(IndexInput input, int ordinal, DecompressOptions options)
            throws IOException, MalformedInputException {
        long expected = input.limit().isExact() ? input.limit().bytes() : 1 << 20;
        String name = input.identity().displayName();
        PackagesPart part = new PackagesPart(ordinal, name, (int) Math.min(expected + 16, Integer.MAX_VALUE - 64));
        try (InputStream in = Decompressors.open(input.file(), input.limit(), options);
             Deb822Reader reader = Deb822Reader.open(in, name)) {
            for (Optional<Paragraph> p = reader.next(); p.isPresent(); p = reader.next()) {
                part.add(p.get());
            }
        }
        return part;
    }

    private void add(Paragraph p) throws MalformedInputException {
        BinaryPackage pkg = BinaryPackage.of(p);
        int[] at = p.indexesOf(LOOKED_UP);
        int n = RelationCodes.fieldCount();
        String summary = at[n] < 0 ? "" : pkg.synopsis().orElse("");
        String inlineLong = at[n] < 0 ? "" : pkg.longDescription().orElse("");
        String md5 = pkg.descriptionMd5().map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        SourceRef src = pkg.source();
        byte[] bytes = p.toBytes();
        int offset = stanzas.size();
        stanzas.put(bytes, 0, bytes.length);
        int relStart = relations.size() / REL_INTS;
        for (int k = 0; k < n; k++) {
            if (at[k] >= 0) {
                addRelations(k, pkg.relations(RelationCodes.field(k)));
            }
        }
        int provStart = provides.size() / PROV_INTS;
        if (at[n + 1] >= 0) {
            for (Relation r : pkg.relations(RelationField.PROVIDES).allRelations()) {
                provides.add(names.id(r.packageName()));
                provides.add(r.version().isPresent() ? strings.id(r.version().get().version().toString()) : -1);
            }
        }
        packages.add(new Staged(names.id(pkg.name()), pkg.version(), pkg.architecture(), names.id(src.name()),
                src.version().toString(), summary, md5, inlineLong, offset, bytes.length,
                relStart, relations.size() / REL_INTS, provStart, provides.size() / PROV_INTS));
    }

    private void addRelations(int fieldCode, RelationList list) {
        for (Alternatives group : list.groups()) {
            List<Relation> rels = group.relations();
            for (int j = 0; j < rels.size(); j++) {
                Relation r = rels.get(j);
                int packed = fieldCode;
                int version = -1;
                if (r.version().isPresent()) {
                    VersionConstraint c = r.version().get();
                    packed |= RelationCodes.code(c.operator()) << Layout.R_OP_SHIFT;
                    if (c.hasLegacySymbol()) {
                        packed |= Layout.R_LEGACY;
                    }
                    version = strings.id(c.version().toString());
                }
                if (j < rels.size() - 1) {
                    packed |= Layout.R_OR_NEXT;
                }
                relations.add(names.id(r.packageName()));
                relations.add(packed);
                relations.add(version);
                relations.add(r.architectureQualifier().isPresent() ? strings.id(r.architectureQualifier().get()) : -1);
            }
        }
    }
}
