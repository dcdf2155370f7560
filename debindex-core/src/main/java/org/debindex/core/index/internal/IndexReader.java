package org.debindex.core.index.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.debindex.core.IndexFormatException;
import org.debindex.core.index.IndexKind;
import org.debindex.core.index.InputIdentity;
import org.debindex.core.index.PackageOrigin;

/**
 * Typed, checked access to the sections of an index: name lookup by binary search, package
 * records, posting ranges. Opening it checks only that section sizes agree with the header's
 * counts; every read is checked by {@link Snapshot}.
 *
 * <p>Immutable and thread-safe.
 */
public final class IndexReader {

    /** The snapshot read. */
    public final Snapshot snapshot;
    final Section packages;
    final Section names;
    final Section nameText;
    final Section strings;
    final Section provides;
    final Section providedNames;
    final Section rdepends;
    final Section sourcePackages;
    final Section docIndex;
    final Section docText;
    final Section docPackageIndex;
    final Section docPackages;
    final Section loweredIndex;
    final Section loweredText;
    final Section sources;
    /** Package count. */
    public final int packageCount;
    /** Name count. */
    public final int nameCount;
    /** Search document count. */
    public final int docCount;
    /** Source package count. */
    public final int sourceCount;
    /** How many search documents have a lower-cased copy. */
    final int loweredCount;
    private final String[] architectures;
    private final PackageOrigin[] origins;

    /**
     * Reads the section table of a snapshot.
     *
     * @throws IndexFormatException if a section is missing or its size disagrees with the counts
     */
    public IndexReader(Snapshot snapshot) throws IndexFormatException {
        this.snapshot = snapshot;
        SnapshotHeader h = snapshot.header();
        packageCount = h.packageCount();
        nameCount = h.nameCount();
        docCount = h.docCount();
        loweredCount = h.loweredCount();
        sourceCount = h.sourceCount();
        packages = sized(SectionKind.PACKAGES, (long) packageCount * Layout.PACKAGE_RECORD);
        names = sized(SectionKind.NAMES, (nameCount + 1L) * Layout.NAME_RECORD);
        nameText = snapshot.section(SectionKind.NAME_TEXT);
        strings = snapshot.section(SectionKind.STRINGS);
        provides = multiple(SectionKind.PROVIDES, Layout.PROVIDES_RECORD);
        providedNames = multiple(SectionKind.PROVIDED_NAMES, 4);
        rdepends = snapshot.section(SectionKind.RDEPENDS);
        sourcePackages = multiple(SectionKind.SOURCE_PACKAGES, 4);
        docIndex = sized(SectionKind.DOC_INDEX, (docCount + 1L) * 4);
        docText = snapshot.section(SectionKind.DOC_TEXT);
        docPackageIndex = sized(SectionKind.DOC_PACKAGE_INDEX, (docCount + 1L) * 4);
        docPackages = sized(SectionKind.DOC_PACKAGES, (long) packageCount * 4);
        loweredIndex = sized(SectionKind.DOC_LOWERED_INDEX, (2L * loweredCount + 1) * 4);
        loweredText = snapshot.section(SectionKind.DOC_LOWERED_TEXT);
        sources = sized(SectionKind.SOURCES, (long) sourceCount * Layout.SOURCE_RECORD);
        architectures = h.architectures().toArray(new String[0]);
        origins = h.origins().toArray(new PackageOrigin[0]);
    }

    private Section sized(SectionKind kind, long expected) throws IndexFormatException {
        Section s = snapshot.section(kind);
        if (s.length() != expected) {
            throw snapshot.corrupt(s, "section is " + s.length() + " bytes; its count needs " + expected);
        }
        return s;
    }

    private Section multiple(SectionKind kind, int record) throws IndexFormatException {
        Section s = snapshot.section(kind);
        if (s.length() % record != 0) {
            throw snapshot.corrupt(s, "section of " + s.length() + " bytes is not made of " + record + "-byte records");
        }
        return s;
    }

    /** The origins by id. */
    public List<PackageOrigin> origins() {
        return List.of(origins);
    }

    // ---- names

    /** A field of name record {@code id} (0 to {@link #nameCount} inclusive). */
    public int nameField(int id, int field) throws IndexFormatException {
        return snapshot.i32(names, (long) id * Layout.NAME_RECORD + field);
    }

    /** The name with this id. */
    public String name(int id) throws IndexFormatException {
        return name(id, new byte[1][64]);
    }

    /** The name with this id, decoded through {@code scratch} (see {@link Snapshot#utf8}). */
    public String name(int id, byte[][] scratch) throws IndexFormatException {
        int start = nameField(id, Layout.N_TEXT);
        int end = nameField(id + 1, Layout.N_TEXT) - 1;
        if (end < start) {
            throw snapshot.corrupt(names, "name " + id + " has a negative length");
        }
        return snapshot.utf8(nameText, start, end - start, scratch);
    }

    /** The id of {@code name}, or -1: a binary search over the sorted name table. */
    public int find(String name) throws IndexFormatException {
        byte[] key = name.getBytes(StandardCharsets.UTF_8);
        byte[] probe = new byte[key.length + 1];
        int lo = 0;
        int hi = nameCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int start = nameField(mid, Layout.N_TEXT);
            int end = nameField(mid + 1, Layout.N_TEXT) - 1;
            int length = end - start;
            if (length < 0) {
                throw snapshot.corrupt(names, "name " + mid + " has a negative length");
            }
            int n = Math.min(length, probe.length);
            snapshot.get(nameText, start, probe, 0, n);
            int c = Arrays.compareUnsigned(probe, 0, n, key, 0, key.length);
            if (c == 0 && length > key.length) {
                c = 1;
            }
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The first name id whose text is not below {@code prefix} (for prefix scans). */
    public int lowerBound(byte[] prefix) throws IndexFormatException {
        int lo = 0;
        int hi = nameCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int start = nameField(mid, Layout.N_TEXT);
            int length = nameField(mid + 1, Layout.N_TEXT) - 1 - start;
            if (length < 0) {
                throw snapshot.corrupt(names, "name " + mid + " has a negative length");
            }
            byte[] text = new byte[length];
            snapshot.get(nameText, start, text, 0, length);
            if (Arrays.compareUnsigned(text, prefix) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** {@code [first, end)} of one of a name's ranges ({@link Layout#N_PACKAGES} and the like). */
    public int[] range(int nameId, int field, Section of, int record) throws IndexFormatException {
        int from = nameField(nameId, field);
        int to = nameField(nameId + 1, field);
        if (from < 0 || to < from || (long) to * record > of.length()) {
            throw snapshot.corrupt(names, "range " + from + "-" + to + " of name " + nameId + " is impossible");
        }
        return new int[] {from, to};
    }

    /** The packages named {@code nameId}: {@code [first, end)}. */
    public int[] packageRange(int nameId) throws IndexFormatException {
        return range(nameId, Layout.N_PACKAGES, packages, Layout.PACKAGE_RECORD);
    }

    /** The provides postings of {@code nameId}. */
    public int[] providesRange(int nameId) throws IndexFormatException {
        return range(nameId, Layout.N_PROVIDES, provides, Layout.PROVIDES_RECORD);
    }

    /**
     * The reverse-dependency postings of {@code nameId}: {@code [first, end)} bytes of its run
     * (pass it to {@link #rdependsPostings}).
     */
    public int[] rdependsRange(int nameId) throws IndexFormatException {
        int from = nameField(nameId, Layout.N_RDEPENDS);
        int to = nameField(nameId + 1, Layout.N_RDEPENDS);
        if (from < 0 || to < from || (long) to > rdepends.length() - rdependsBase()) {
            throw snapshot.corrupt(names, "range " + from + "-" + to + " of name " + nameId + " is impossible");
        }
        return new int[] {from, to};
    }

    /** How many tuples the RDEPENDS table has, checked to fit the section. */
    private int rdependsTuples() throws IndexFormatException {
        if (rdepends.length() < CompactPostings.TABLE_START) {
            throw snapshot.corrupt(rdepends, "section of " + rdepends.length() + " bytes has no tuple count");
        }
        int count = snapshot.i32(rdepends, 0);
        if (count < 0 || CompactPostings.TABLE_START + (long) count * CompactPostings.TUPLE > rdepends.length()) {
            throw snapshot.corrupt(rdepends, "tuple count " + count + " does not fit the section");
        }
        return count;
    }

    /** Where the postings start in RDEPENDS: after the tuple table. */
    private int rdependsBase() throws IndexFormatException {
        return CompactPostings.TABLE_START + rdependsTuples() * CompactPostings.TUPLE;
    }

    /** The source-package postings of {@code nameId}. */
    public int[] sourceRange(int nameId) throws IndexFormatException {
        return range(nameId, Layout.N_SOURCE, sourcePackages, 4);
    }

    /** The source records named {@code nameId}: {@code [first, end)}. */
    public int[] sourceRecordRange(int nameId) throws IndexFormatException {
        return range(nameId, Layout.N_SOURCE_RECORDS, sources, Layout.SOURCE_RECORD);
    }

    /** Name text offset where name {@code id} starts ({@code id} may be the count). */
    int nameStart(int id) throws IndexFormatException {
        return nameField(id, Layout.N_TEXT);
    }

    // ---- packages

    /** A field of package record {@code id}. */
    public int packageField(int id, int field) throws IndexFormatException {
        if (id < 0 || id >= packageCount) {
            throw snapshot.corrupt(packages, "package id " + id + " out of range");
        }
        return snapshot.i32(packages, (long) id * Layout.PACKAGE_RECORD + field);
    }

    /** A name id stored somewhere, checked. */
    public int checkedName(int nameId, Section where) throws IndexFormatException {
        if (nameId < 0 || nameId >= nameCount) {
            throw snapshot.corrupt(where, "name id " + nameId + " out of range");
        }
        return nameId;
    }

    /** The name id of package {@code id}, checked. */
    public int packageNameId(int id) throws IndexFormatException {
        return checkedName(packageField(id, Layout.P_NAME), packages);
    }

    /** The source package name id of package {@code id}, checked. */
    public int sourceNameId(int id) throws IndexFormatException {
        return checkedName(packageField(id, Layout.P_SOURCE), packages);
    }

    /** The architecture of package {@code id}. */
    public String architecture(int id) throws IndexFormatException {
        int a = packageField(id, Layout.P_ARCH_ORIGIN) & 0xFFFF;
        if (a >= architectures.length) {
            throw snapshot.corrupt(packages, "architecture id " + a + " out of range");
        }
        return architectures[a];
    }

    /** The origin of package {@code id}. */
    public PackageOrigin origin(int id) throws IndexFormatException {
        int o = packageField(id, Layout.P_ARCH_ORIGIN) >>> 16;
        if (o >= origins.length) {
            throw snapshot.corrupt(packages, "origin id " + o + " out of range");
        }
        return origins[o];
    }

    /** A string of the STRINGS section. */
    public String string(int ref) throws IndexFormatException {
        return snapshot.string(strings, ref, new byte[1][64]);
    }

    /** A string of the STRINGS section, decoded through {@code scratch}. */
    public String string(int ref, byte[][] scratch) throws IndexFormatException {
        return snapshot.string(strings, ref, scratch);
    }

    /** The exact stanza bytes of package {@code id}. */
    public byte[] stanza(int id) throws IndexFormatException {
        Section part = snapshot.stanzas(packageField(id, Layout.P_STANZA_PART));
        int offset = packageField(id, Layout.P_STANZA_OFFSET);
        int length = packageField(id, Layout.P_STANZA_LENGTH);
        if (length < 0) {
            throw snapshot.corrupt(packages, "stanza length of package " + id + " is negative");
        }
        byte[] out = new byte[length];
        snapshot.get(part, offset, out, 0, length);
        return out;
    }

    /** The search document of package {@code id}, checked. */
    private int doc(int id) throws IndexFormatException {
        int d = packageField(id, Layout.P_DOC);
        if (d < 0 || d >= docCount) {
            throw snapshot.corrupt(packages, "search document id " + d + " out of range");
        }
        return d;
    }

    /**
     * The synopsis of package {@code id} (also its search document's first line, but read from
     * STRINGS: an answer of many packages would touch the pages of the whole search text).
     */
    public String summary(int id, byte[][] scratch) throws IndexFormatException {
        return string(packageField(id, Layout.P_SUMMARY), scratch);
    }

    /**
     * The long description of package {@code id}: its search document after the first line feed;
     * empty when it has none.
     */
    public Optional<String> longDescription(int id) throws IndexFormatException {
        int d = doc(id);
        int from = docStart(d);
        int length = docStart(d + 1) - 1 - from;
        if (from < 0 || length < 0) {
            throw snapshot.corrupt(docIndex, "document " + d + " has an impossible text range");
        }
        byte[] b = new byte[length];
        snapshot.get(docText, from, b, 0, length);
        for (int i = 0; i < length; i++) {
            if (b[i] == '\n') {
                return Optional.of(new String(b, i + 1, length - i - 1, StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    // ---- source packages

    /** A field of source record {@code id}. */
    public int sourceField(int id, int field) throws IndexFormatException {
        if (id < 0 || id >= sourceCount) {
            throw snapshot.corrupt(sources, "source id " + id + " out of range");
        }
        return snapshot.i32(sources, (long) id * Layout.SOURCE_RECORD + field);
    }

    /** The name id of source package {@code id}, checked. */
    public int sourceRecordNameId(int id) throws IndexFormatException {
        return checkedName(sourceField(id, Layout.S_NAME), sources);
    }

    /**
     * The input that source package {@code id} comes from, checked to be a Sources input.
     *
     * @return its position among the header's inputs
     */
    public int sourceInput(int id) throws IndexFormatException {
        int input = sourceField(id, Layout.S_STANZA_PART);
        List<InputIdentity> inputs = snapshot.header().inputs();
        if (input < 0 || input >= inputs.size() || inputs.get(input).kind() != IndexKind.SOURCES) {
            throw snapshot.corrupt(sources, "input " + input + " of source " + id + " is not a Sources input");
        }
        return input;
    }

    /** The exact stanza bytes of source package {@code id}. */
    public byte[] sourceStanza(int id) throws IndexFormatException {
        Section part = snapshot.stanzas(sourceInput(id));
        int offset = sourceField(id, Layout.S_STANZA_OFFSET);
        int length = sourceField(id, Layout.S_STANZA_LENGTH);
        if (length < 0) {
            throw snapshot.corrupt(sources, "stanza length of source " + id + " is negative");
        }
        byte[] out = new byte[length];
        snapshot.get(part, offset, out, 0, length);
        return out;
    }

    // ---- postings

    /**
     * The reverse-dependency postings of a range from {@link #rdependsRange}, four ints each:
     * package id, packed bits, version string, qualifier string.
     */
    public int[] rdependsPostings(int[] range) throws IndexFormatException {
        int tuples = rdependsTuples();
        byte[] bytes = new byte[range[1] - range[0]];
        snapshot.get(rdepends, CompactPostings.TABLE_START + (long) tuples * CompactPostings.TUPLE + range[0],
                bytes, 0, bytes.length);
        int[] pairs = CompactPostings.decode(bytes, tuples, packageCount, snapshot.source(), rdepends.label());
        int[] out = new int[pairs.length * 2];
        for (int i = 0, o = 0; i < pairs.length; i += 2, o += 4) {
            long at = CompactPostings.TABLE_START + (long) pairs[i + 1] * CompactPostings.TUPLE;
            out[o] = pairs[i];
            out[o + 1] = snapshot.i32(rdepends, at);
            out[o + 2] = snapshot.i32(rdepends, at + 4);
            out[o + 3] = snapshot.i32(rdepends, at + 8);
        }
        return out;
    }

    /** Field {@code field} (0 or 1) of provides posting {@code i}. */
    public int provides(int i, int field) throws IndexFormatException {
        return snapshot.i32(provides, (long) i * Layout.PROVIDES_RECORD + 4L * field);
    }

    /** Entry {@code i} of the provided-names list. */
    public int providedName(int i) throws IndexFormatException {
        return checkedName(snapshot.i32(providedNames, 4L * i), providedNames);
    }

    /** Entry {@code i} of the source-package postings. */
    public int sourcePackage(int i) throws IndexFormatException {
        return snapshot.i32(sourcePackages, 4L * i);
    }

    // ---- search documents

    /** Where search document {@code d} starts ({@code d} may be the count). */
    public int docStart(int d) throws IndexFormatException {
        return snapshot.i32(docIndex, 4L * d);
    }

    /** The packages of search document {@code d}: {@code [first, end)} in DOC_PACKAGES. */
    public int[] docPackageRange(int d) throws IndexFormatException {
        int from = snapshot.i32(docPackageIndex, 4L * d);
        int to = snapshot.i32(docPackageIndex, 4L * d + 4);
        if (from < 0 || to < from || to > packageCount) {
            throw snapshot.corrupt(docPackageIndex, "range " + from + "-" + to + " of document " + d + " is impossible");
        }
        return new int[] {from, to};
    }

    /** Entry {@code i} of DOC_PACKAGES. */
    public int docPackage(int i) throws IndexFormatException {
        return snapshot.i32(docPackages, 4L * i);
    }

    /** The search documents that have a lower-cased copy, ascending, checked. */
    int[] loweredDocs() throws IndexFormatException {
        int[] docs = snapshot.ints(loweredIndex, 0, loweredCount);
        for (int i = 0; i < docs.length; i++) {
            if (docs[i] < 0 || docs[i] >= docCount || i > 0 && docs[i] <= docs[i - 1]) {
                throw snapshot.corrupt(loweredIndex, "document id " + docs[i] + " out of range or order");
            }
        }
        return docs;
    }

    /** Where the lower-cased copy {@code i} starts ({@code i} may be the count). */
    int loweredStart(int i) throws IndexFormatException {
        return snapshot.i32(loweredIndex, 4L * (loweredCount + i));
    }

    /** The lower-cased copy {@code i}, without its 0 byte. */
    String lowered(int i) throws IndexFormatException {
        int from = loweredStart(i);
        int length = loweredStart(i + 1) - 1 - from;
        if (from < 0 || length < 0) {
            throw snapshot.corrupt(loweredIndex, "lower-cased document " + i + " has an impossible text range");
        }
        return snapshot.utf8(loweredText, from, length);
    }

    /** The units of DOC_LOWERED_TEXT: lower-cased copies, numbered as in {@link #loweredDocs}. */
    TextScan.Units loweredUnits() {
        return new TextScan.Units() {
            @Override
            public int unitAt(int position) throws IndexFormatException {
                int lo = 0;
                int hi = loweredCount - 1;
                while (lo < hi) {
                    int mid = (lo + hi + 1) >>> 1;
                    if (loweredStart(mid) <= position) {
                        lo = mid;
                    } else {
                        hi = mid - 1;
                    }
                }
                return lo;
            }

            @Override
            public int start(int unit) throws IndexFormatException {
                return loweredStart(unit);
            }
        };
    }

    /** The units of NAME_TEXT: names. */
    TextScan.Units nameUnits() {
        return new TextScan.Units() {
            @Override
            public int unitAt(int position) throws IndexFormatException {
                return lastAtOrBefore(position, nameCount, true);
            }

            @Override
            public int start(int unit) throws IndexFormatException {
                return nameStart(unit);
            }
        };
    }

    /** The units of DOC_TEXT: search documents. */
    TextScan.Units docUnits() {
        return new TextScan.Units() {
            @Override
            public int unitAt(int position) throws IndexFormatException {
                return lastAtOrBefore(position, docCount, false);
            }

            @Override
            public int start(int unit) throws IndexFormatException {
                return docStart(unit);
            }
        };
    }

    /** The last unit whose start is at or before {@code position}. */
    private int lastAtOrBefore(int position, int count, boolean ofNames) throws IndexFormatException {
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            int start = ofNames ? nameStart(mid) : docStart(mid);
            if (start <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
