package org.debindex.core.index.internal;

/**
 * The sections of a snapshot, in file order, each with its code in the section table and the
 * name used in error messages. See {@link Layout} for what each holds.
 *
 * <p>Immutable and thread-safe.
 */
public enum SectionKind {

    /** Fixed-size package records, sorted by name, version (newest first), origin. */
    PACKAGES(1, "packages"),
    /** Fixed-size name records, sorted by the name's UTF-8 bytes, plus a sentinel. */
    NAMES(2, "names"),
    /** The names' UTF-8 bytes, each followed by a 0 byte, in name order. */
    NAME_TEXT(3, "name-text"),
    /** Deduplicated UTF-8 strings (versions, synopses, architecture qualifiers), each after a varint length. */
    STRINGS(4, "strings"),
    /** Provides postings, grouped by provided name: package id, version string or -1. */
    PROVIDES(5, "provides"),
    /** The names each package provides, grouped by package. */
    PROVIDED_NAMES(6, "provided-names"),
    /** Reverse-dependency tuples, then varint postings grouped by the name depended on. */
    RDEPENDS(7, "rdepends"),
    /** Package ids grouped by source package name. */
    SOURCE_PACKAGES(8, "source-packages"),
    /** Offsets of the search documents, one more than there are. */
    DOC_INDEX(11, "search-index"),
    /**
     * The distinct search documents, each followed by a 0 byte: the synopsis, then, if the package
     * has a long description, a line feed and the long description, UTF-8, in Policy's form (no
     * indent, empty lines for {@code .}).
     */
    DOC_TEXT(12, "search-text"),
    /** Offsets into {@link #DOC_PACKAGES} per document, one more than there are. */
    DOC_PACKAGE_INDEX(13, "search-package-index"),
    /** Package ids grouped by search document. */
    DOC_PACKAGES(14, "search-packages"),
    /** Fixed-size source package records, sorted by name, version (newest first), input. */
    SOURCES(17, "sources"),
    /**
     * The search documents whose {@code Locale.ROOT} lower case changes more than ASCII letters:
     * their ids, ascending, then offsets into {@link #DOC_LOWERED_TEXT}, one more than there are.
     */
    DOC_LOWERED_INDEX(18, "search-lowered-index"),
    /** Those documents lower-cased, each followed by a 0 byte. */
    DOC_LOWERED_TEXT(19, "search-lowered-text"),
    /**
     * The exact stanzas of one Packages or Sources input (the ordinal is the input's position),
     * but for Packages stanzas already stored for an earlier one; compressed.
     */
    STANZAS(15, "stanzas", true),
    /** One CRC32C per chunk of every other section, in section-table order. */
    CHUNK_CRCS(16, "chunk-crcs");

    /** One more than the largest code. */
    static final int CODE_LIMIT = 20;
    private static final SectionKind[] BY_CODE = new SectionKind[CODE_LIMIT];

    static {
        for (SectionKind kind : values()) {
            BY_CODE[kind.code] = kind;
        }
    }

    private final int code;
    private final String label;
    private final boolean compressed;

    SectionKind(int code, String label) {
        this(code, label, false);
    }

    SectionKind(int code, String label, boolean compressed) {
        this.code = code;
        this.label = label;
        this.compressed = compressed;
    }

    /**
     * Whether its text is stored in compressed blocks behind a block table (see {@link Layout});
     * its records' offsets are into the uncompressed text.
     */
    public boolean isCompressed() {
        return compressed;
    }

    /** The code stored in the section table. */
    public int code() {
        return code;
    }

    /** The name used in messages. */
    public String label() {
        return label;
    }

    /** The kind with this code, or {@code null} for an unknown code (internal use only). */
    static SectionKind byCode(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
