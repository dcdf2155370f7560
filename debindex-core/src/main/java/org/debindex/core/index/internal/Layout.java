package org.debindex.core.index.internal;

/**
 * The snapshot file format, version {@value #FORMAT_VERSION}. All numbers are little-endian;
 * every section starts at a multiple of 8.
 *
 * <p>Version 2 added the source packages of {@code Sources} inputs: the {@code sources} section,
 * a name record field, and the source count in the header. A snapshot of another version is
 * refused, so that its owner rebuilds it. Version 3 compresses the stanzas and the long
 * descriptions (the compressed sections, {@link SectionKind#isCompressed()}). Version 4 stores the
 * reverse dependencies compactly (a tuple table and varint postings), and the search documents in
 * their original case, which also serve the synopses and long descriptions (the long description
 * sections are gone); the few documents whose lower case changes more than ASCII letters keep a
 * lower-cased copy for search (the lowered sections, counted in the header); the package record
 * lost what that made derivable (long description id, flags), and identical Packages stanzas are
 * stored once. The synopsis stays a string of its own: read from the document, a reverse-dependency
 * answer touched the pages of the whole search text (rdepends libc6: peak RSS 67 -> 100 MB).
 *
 * <pre>
 * header (fixed part, 52 bytes)
 *   0  8  magic "DEBINDEX"
 *   8  4  format version
 *  12  4  header length (a multiple of 8; the last 4 bytes are the header CRC32C)
 *  16  4  chunk shift: each CRC32C covers 2^shift bytes of a section
 *  20  4  section count
 *  24  8  file length
 *  32  4  package count          36  4  name count
 *  40  4  search document count  44  4  lowered document count
 *  48  4  source package count
 * section table: per section 24 bytes: u16 kind, u16 ordinal, i32 first chunk (index of its
 *   first CRC in CHUNK_CRCS), i64 offset, i64 length
 * metadata: architectures (u32 n, n strings), origins (u32 n, n × 4 strings: suite, codename,
 *   component, architecture), inputs (u32 n, n × [u8 kind, 4 origin strings, display name,
 *   i64 size, sha256 string]); a string is u16 length + UTF-8
 * zero padding, then CRC32C of every header byte before it
 * sections, in the order of the table; CHUNK_CRCS last
 * </pre>
 *
 * <p>A compressed section is a block table, then the blocks: u32 codec (1 raw deflate, RFC 1951,
 * the only one), u32 block size B (4 KiB to 16 MiB), u32 length L of the uncompressed
 * text, u32 block count n = ceil(L / B), (n + 1) × u32 where each block starts in the section, the
 * last being the section's length; block i holds text bytes [i·B, min(L, (i + 1)·B)), compressed
 * on its own. Offsets that records keep into it are into the uncompressed text. The chunk CRCs
 * cover its bytes as stored.
 *
 * <p>Record layouts (bytes): a package record ({@value #PACKAGE_RECORD}) is name id, version
 * string, architecture id (u16) and origin id (u16), source name id, source version string,
 * synopsis string, stanza section ordinal, stanza offset, stanza length, search document id (which holds the
 * synopsis and long description), first provided name, provided name count; a Packages stanza
 * identical to one of an earlier input (or earlier in its own) is stored once, and the records
 * of both point to it, so the stanza section ordinal need not be the package's input. A name
 * record ({@value #NAME_RECORD}) is text offset, first package, first provides posting, first
 * reverse-dependency posting, first source-package posting, first source record; the sentinel
 * record after the last name closes every range. A source record ({@value #SOURCE_RECORD}) is
 * name id, version string, input ordinal (its stanza section, and through the header's inputs
 * its origin), stanza offset, stanza length; source records are sorted by name, then version
 * newest first, then input, then position in the input. A provides posting
 * ({@value #PROVIDES_RECORD}) is package id and version string (-1 unversioned). RDEPENDS is
 * u32 tuple count T, T tuples of three i32 (packed bits: field, operator, legacy symbol,
 * alternatives; version string, -1 none; architecture qualifier string, -1 none), sorted by
 * use, most used first; then the postings, grouped by name, each two unsigned LEB128 varints:
 * package id minus the previous posting's of that name (the first: minus 0) and tuple index. A
 * name record's RDEPENDS field is the offset of its first posting byte counted from the end of
 * the tuple table. A search document (DOC_TEXT, ended by a 0 byte) is the synopsis, then, when
 * there is a long description, a line feed and the long description. DOC_LOWERED_INDEX holds the
 * ids, ascending, of the documents whose {@code Locale.ROOT} lower case differs from their ASCII
 * lower case (the header's lowered document count), then one more offset than there are into
 * DOC_LOWERED_TEXT, their lower case, each ended by a 0 byte. A "string" is an offset into
 * STRINGS.
 *
 * <p>Stateless: constants only.
 */
public final class Layout {

    private Layout() {
    }

    /** The first 8 bytes of every snapshot. */
    public static final long MAGIC = 0x5845444E49424544L;   // "DEBINDEX" read little-endian
    /** The format this code reads and writes. */
    public static final int FORMAT_VERSION = 4;
    /** Bytes before the section table. */
    public static final int FIXED_HEADER = 52;
    /** Bytes per section-table entry. */
    public static final int SECTION_ENTRY = 24;
    /** Largest header accepted when opening. */
    public static final int MAX_HEADER = 16 << 20;

    static final int OFF_VERSION = 8;
    static final int OFF_HEADER_LENGTH = 12;
    static final int OFF_CHUNK_SHIFT = 16;
    static final int OFF_SECTION_COUNT = 20;
    static final int OFF_FILE_LENGTH = 24;
    static final int OFF_PACKAGE_COUNT = 32;
    static final int OFF_NAME_COUNT = 36;
    static final int OFF_DOC_COUNT = 40;
    static final int OFF_LOWERED_COUNT = 44;
    static final int OFF_SOURCE_COUNT = 48;

    /** Bytes per package record. */
    public static final int PACKAGE_RECORD = 48;
    /** Package record: name id. */
    public static final int P_NAME = 0;
    /** Package record: version string. */
    public static final int P_VERSION = 4;
    /** Package record: architecture id (low 16 bits) and origin id (high 16 bits). */
    public static final int P_ARCH_ORIGIN = 8;
    /** Package record: source package name id. */
    public static final int P_SOURCE = 12;
    /** Package record: source version string. */
    public static final int P_SOURCE_VERSION = 16;
    /** Package record: synopsis string (also the first line of its search document). */
    public static final int P_SUMMARY = 20;
    /** Package record: ordinal of the STANZAS section. */
    public static final int P_STANZA_PART = 24;
    /** Package record: offset of the stanza in its section. */
    public static final int P_STANZA_OFFSET = 28;
    /** Package record: length of the stanza. */
    public static final int P_STANZA_LENGTH = 32;
    /** Package record: search document id (synopsis and long description). */
    public static final int P_DOC = 36;
    /** Package record: first entry in PROVIDED_NAMES. */
    public static final int P_PROVIDED_START = 40;
    /** Package record: number of entries in PROVIDED_NAMES. */
    public static final int P_PROVIDED_COUNT = 44;

    /** Bytes per name record. */
    public static final int NAME_RECORD = 24;
    /** Name record: offset of the name in NAME_TEXT. */
    public static final int N_TEXT = 0;
    /** Name record: first package with this name. */
    public static final int N_PACKAGES = 4;
    /** Name record: first PROVIDES posting. */
    public static final int N_PROVIDES = 8;
    /** Name record: offset of the first RDEPENDS posting byte, after the tuple table. */
    public static final int N_RDEPENDS = 12;
    /** Name record: first SOURCE_PACKAGES posting (binary packages built from the source of this name). */
    public static final int N_SOURCE = 16;
    /** Name record: first source record (SOURCES) with this name. */
    public static final int N_SOURCE_RECORDS = 20;

    /** Bytes per source record. */
    public static final int SOURCE_RECORD = 20;
    /** Source record: name id. */
    public static final int S_NAME = 0;
    /** Source record: version string. */
    public static final int S_VERSION = 4;
    /** Source record: ordinal of the input, and of its STANZAS section. */
    public static final int S_STANZA_PART = 8;
    /** Source record: offset of the stanza in its section. */
    public static final int S_STANZA_OFFSET = 12;
    /** Source record: length of the stanza. */
    public static final int S_STANZA_LENGTH = 16;

    /** Bytes per PROVIDES posting. */
    public static final int PROVIDES_RECORD = 8;

    /** RDEPENDS tuple packed bits: field code in bits 0-3 (see {@link RelationCodes}). */
    public static final int R_FIELD_MASK = 0xF;
    /** RDEPENDS tuple packed bits: operator code in bits 4-6, 0 for none. */
    public static final int R_OP_SHIFT = 4;
    /** RDEPENDS tuple packed bits: the operator was written as legacy {@code <} or {@code >}. */
    public static final int R_LEGACY = 1 << 7;
    /** RDEPENDS tuple packed bits: another alternative follows in the {@code |} group. */
    public static final int R_OR_NEXT = 1 << 8;
}
