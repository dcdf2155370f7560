package org.debindex.core.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.index.internal.IndexBuild;
import org.debindex.core.index.internal.IndexReader;
import org.debindex.core.index.internal.Built;
import org.debindex.core.index.internal.Layout;
import org.debindex.core.index.internal.RelationCodes;
import org.debindex.core.index.internal.Snapshot;
import org.debindex.core.index.internal.SnapshotWriter;
import org.debindex.core.index.internal.TextSearch;
import org.debindex.core.model.BinaryPackage;
import org.debindex.core.model.SourcePackage;
import org.debindex.core.model.SourceRef;
import org.debindex.core.relation.Operator;
import org.debindex.core.relation.Relation;
import org.debindex.core.relation.RelationField;
import org.debindex.core.relation.VersionConstraint;
import org.debindex.core.version.DebianVersion;

/**
 * The package index behind {@code search}, {@code show}, {@code versions}, {@code depends} and
 * {@code rdepends}: built from verified {@code Packages}, {@code Translation} and {@code Sources}
 * files, persisted as one snapshot file, and queried straight from that file.
 *
 * <pre>{@code
 * PackageIndex built = PackageIndex.build(List.of(
 *         IndexInput.packages(trixie, packagesXz, "trixie/main/binary-amd64/Packages.xz", size, sha256,
 *                 SizeLimit.exactly(listedSize)),
 *         IndexInput.translation(trixieI18n, translationXz, "trixie/main/i18n/Translation-en.xz", size2, sha2,
 *                 SizeLimit.exactly(listedSize2))));
 * built.write(cache.resolve("index/packages.idx"));
 *
 * PackageIndex index = PackageIndex.open(cache.resolve("index/packages.idx"));   // maps, reads the header only
 * for (PackageEntry e : index.packages("bash")) {
 *     System.out.println(index.stanza(e));
 * }
 * }</pre>
 *
 * <p>Opening a snapshot reads and checks its header only and maps the rest; nothing is decoded
 * until a query needs it, and each query touches a few small regions of the file (a search scans
 * the name and description text once per term). Every region is checked against its CRC32C the
 * first time it is touched, so a corrupt or inconsistent snapshot is reported as an
 * {@link IndexFormatException} by the query that reaches it, never answered from; the caller
 * then rebuilds the snapshot from its verified lists. Compare {@link #inputs()} with the current
 * lists' identities to tell whether the snapshot is outdated.
 *
 * <p>Packages are ordered by name, then version newest first (Debian order), then origin in
 * input order; {@link PackageEntry#id()} is that position. Source packages (the stanzas of the
 * {@code Sources} inputs) are ordered the same way, by name, then version newest first, then
 * input order; {@link SourceEntry#id()} is that position, among the source packages only.
 *
 * <p>Instances are immutable and thread-safe. A snapshot file must not be changed in place while
 * it is open ({@link #write(Path)} replaces files by renaming, which is safe).
 */
public final class PackageIndex {

    private final Snapshot snapshot;
    private final IndexReader reader;

    private PackageIndex(Snapshot snapshot) throws IndexFormatException {
        this.snapshot = snapshot;
        this.reader = new IndexReader(snapshot);
    }

    /**
     * Builds an index in memory with {@link IndexBuildOptions#defaults()}.
     *
     * @param inputs the verified files, in order of preference: where two inputs give a package
     *               the same name, version and origin, the earlier comes first, and the first
     *               Translation with an entry for a (package, Description-md5) pair wins
     * @throws MalformedInputException if an input is malformed (the first in list order)
     * @throws IOException if an input cannot be read or decompressed, or breaks its size limit
     * @throws NullPointerException if {@code inputs} or an element is null
     */
    public static PackageIndex build(List<IndexInput> inputs) throws IOException, MalformedInputException {
        return build(inputs, IndexBuildOptions.defaults());
    }

    /**
     * Builds an index in memory: each input is decompressed and parsed on a thread of a bounded
     * pool; the result does not depend on the number of threads or their timing.
     *
     * @throws MalformedInputException if an input is malformed (the first in list order)
     * @throws IOException if an input cannot be read or decompressed, or breaks its size limit
     * @throws NullPointerException if an argument is null
     */
    public static PackageIndex build(List<IndexInput> inputs, IndexBuildOptions options)
            throws IOException, MalformedInputException {
        Objects.requireNonNull(options, "options");
        Built built = IndexBuild.run(inputs, options);
        try {
            return new PackageIndex(Snapshot.inMemory("(index built in memory)", built.header(), built.entries(),
                    built.buffers()));
        } catch (IndexFormatException e) {
            throw new IllegalStateException("a freshly built index is inconsistent: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a snapshot file: checks its header and maps it.
     *
     * @throws IndexFormatException if it is not a snapshot of this format version, is truncated,
     *     or its header fails its checks; the caller should rebuild it
     * @throws IOException if it cannot be read
     * @throws NullPointerException if {@code snapshot} is null
     */
    public static PackageIndex open(Path snapshot) throws IOException, IndexFormatException {
        return new PackageIndex(Snapshot.open(Objects.requireNonNull(snapshot, "snapshot")));
    }

    /**
     * Writes this index as a snapshot file, atomically: a temporary file in the same directory,
     * forced to disk, renamed over {@code target}. The same inputs always give the same bytes.
     *
     * @throws IndexFormatException if this index was opened from a snapshot that turns out corrupt
     * @throws IOException if writing fails; {@code target} is then unchanged
     * @throws NullPointerException if {@code target} is null
     */
    public void write(Path target) throws IOException, IndexFormatException {
        Objects.requireNonNull(target, "target");
        snapshot.checkAll();
        SnapshotWriter.write(snapshot.header(), List.of(snapshot.sections()), target);
    }

    /**
     * Checks every region of the snapshot against its checksum now rather than when first used.
     *
     * @throws IndexFormatException at the first corrupt region
     */
    public void verify() throws IndexFormatException {
        snapshot.checkAll();
    }

    /** The identities of the files this index was built from, in the order given. */
    public List<InputIdentity> inputs() {
        return snapshot.header().inputs();
    }

    /** The origins of the packages, in input order. */
    public List<PackageOrigin> origins() {
        return reader.origins();
    }

    /** The number of packages (stanzas of all Packages inputs). */
    public int size() {
        return reader.packageCount;
    }

    /** The number of source packages (stanzas of all Sources inputs). */
    public int sourcesSize() {
        return reader.sourceCount;
    }

    /**
     * The package at position {@code id}.
     *
     * @throws IndexOutOfBoundsException if {@code id} is not in {@code [0, size())}
     * @throws IndexFormatException if the snapshot is corrupt there
     */
    public PackageEntry entry(int id) throws IndexFormatException {
        Objects.checkIndex(id, reader.packageCount);
        return entry(id, scratch());
    }

    /** Space for decoding the strings of one query (see {@link Snapshot#utf8}). */
    private static byte[][] scratch() {
        return new byte[1][256];
    }

    private PackageEntry entry(int id, byte[][] scratch) throws IndexFormatException {
        int name = reader.packageNameId(id);
        return new PackageEntry(id, reader.name(name, scratch),
                version(reader.packageField(id, Layout.P_VERSION), scratch),
                reader.architecture(id), reader.origin(id),
                reader.summary(id, scratch));
    }

    /**
     * Every package of this name: all versions, architectures and origins, newest first.
     *
     * @return the packages; empty when there is none of this name
     * @throws IndexFormatException if the snapshot is corrupt where the query reads
     * @throws NullPointerException if {@code name} is null
     */
    public List<PackageEntry> packages(String name) throws IndexFormatException {
        int id = reader.find(Objects.requireNonNull(name, "name"));
        if (id < 0) {
            return List.of();
        }
        int[] range = reader.packageRange(id);
        List<PackageEntry> out = new ArrayList<>(range[1] - range[0]);
        byte[][] scratch = scratch();
        for (int p = range[0]; p < range[1]; p++) {
            out.add(entry(p, scratch));
        }
        return List.copyOf(out);
    }

    /**
     * The packages that list {@code virtualName} in {@code Provides}, by name then version
     * (newest first), with the provided version of a versioned Provides.
     *
     * @throws IndexFormatException if the snapshot is corrupt where the query reads
     * @throws NullPointerException if {@code virtualName} is null
     */
    public List<Provider> providers(String virtualName) throws IndexFormatException {
        int id = reader.find(Objects.requireNonNull(virtualName, "virtualName"));
        if (id < 0) {
            return List.of();
        }
        int[] range = reader.providesRange(id);
        List<Provider> out = new ArrayList<>(range[1] - range[0]);
        byte[][] scratch = scratch();
        for (int i = range[0]; i < range[1]; i++) {
            int version = reader.provides(i, 1);
            out.add(new Provider(entry(packageId(reader.provides(i, 0)), scratch), virtualName,
                    version < 0 ? Optional.empty() : Optional.of(version(version, scratch))));
        }
        return List.copyOf(out);
    }

    /**
     * The packages whose {@code Depends}, {@code Pre-Depends}, {@code Recommends},
     * {@code Suggests}, {@code Enhances}, {@code Breaks}, {@code Conflicts} or {@code Replaces}
     * name {@code name} directly, then those that name a virtual package that some package
     * called {@code name} provides (by virtual name), each group in package order. Version
     * restrictions are reported, not evaluated.
     *
     * @throws IndexFormatException if the snapshot is corrupt where the query reads
     * @throws NullPointerException if {@code name} is null
     */
    public List<ReverseDependency> reverseDependencies(String name) throws IndexFormatException {
        int id = reader.find(Objects.requireNonNull(name, "name"));
        if (id < 0) {
            return List.of();
        }
        TreeSet<Integer> virtuals = new TreeSet<>();
        int[] range = reader.packageRange(id);
        for (int p = range[0]; p < range[1]; p++) {
            int start = reader.packageField(p, Layout.P_PROVIDED_START);
            int count = reader.packageField(p, Layout.P_PROVIDED_COUNT);
            for (int k = 0; k < count; k++) {
                int v = reader.providedName(start + k);
                if (v != id) {
                    virtuals.add(v);
                }
            }
        }
        // all postings first, so that the answer is one exactly sized array
        int[][] postings = new int[1 + virtuals.size()][];
        int[] targets = new int[postings.length];
        targets[0] = id;
        int group = 1;
        for (int v : virtuals) {
            targets[group++] = v;
        }
        int total = 0;
        for (int g = 0; g < postings.length; g++) {
            postings[g] = reader.rdependsPostings(reader.rdependsRange(targets[g]));
            total += postings[g].length / 4;
        }
        ReverseQuery query = new ReverseQuery(total);
        byte[][] scratch = query.scratch;
        for (int g = 0; g < postings.length; g++) {
            query.add(postings[g], g == 0 ? name : reader.name(targets[g], scratch), g > 0);
        }
        return List.of(query.out);
    }

    /**
     * The decoding of one {@link #reverseDependencies} answer. Its postings name the same few
     * relations, dependents in pairs (a package in two suites has one name, often one summary) and
     * shared versions over and over: each is decoded once here. The work per posting is a method
     * of its own because the JVM compiles a method after a few hundred calls, but a loop only after
     * tens of thousands of turns, which a whole answer may not reach.
     *
     * <p>Not thread-safe; one per query.
     */
    private final class ReverseQuery {
        final byte[][] scratch = scratch();
        final ReverseDependency[] out;
        private int size;
        private final LongTable<Relation> relations = new LongTable<>();
        private final LongTable<DebianVersion> versions = new LongTable<>();
        private int lastPackage = -1;
        private PackageEntry lastEntry;
        private int lastName = -1;
        private String lastNameText;
        private int lastSummary = -1;
        private String lastSummaryText;

        ReverseQuery(int total) {
            out = new ReverseDependency[total];
        }

        /** The postings (four ints each) of the name {@code target}, in order. */
        void add(int[] postings, String target, boolean via) throws IndexFormatException {
            relations.clear(); // relations name the target
            for (int at = 0; at < postings.length; at += 4) {
                out[size++] = posting(postings, at, target, via);
            }
        }

        private ReverseDependency posting(int[] postings, int at, String target, boolean via)
                throws IndexFormatException {
            int packed = postings[at + 1];
            int field = packed & Layout.R_FIELD_MASK;
            if (field >= RelationCodes.fieldCount()) {
                throw corrupt("rdepends", "field code " + field + " out of range");
            }
            int versionRef = postings[at + 2];
            int qualifier = postings[at + 3];
            // the relation is known by its operator and legacy bits, qualifier and version (both
            // -1 when absent); other values are invalid and make no key, so that relation() reports them
            boolean cacheable = qualifier < (1 << 23) && versionRef >= -1 && qualifier >= -1;
            long key = (packed & 0xF0) | (long) (qualifier + 1) << 8 | (long) (versionRef + 1) << 32;
            Relation relation = cacheable ? relations.get(key) : null;
            if (relation == null) {
                relation = relation(target, packed, versionRef, qualifier, this);
                if (cacheable) {
                    relations.put(key, relation);
                }
            }
            return new ReverseDependency(entry(packageId(postings[at])), RelationCodes.field(field), relation,
                    (packed & Layout.R_OR_NEXT) != 0, via);
        }

        /** As {@link PackageIndex#entry(int, byte[][])}, from what the previous postings decoded. */
        private PackageEntry entry(int id) throws IndexFormatException {
            if (id == lastPackage) {
                return lastEntry; // one package naming the target in two fields
            }
            int name = reader.packageNameId(id);
            if (name != lastName) {
                lastNameText = reader.name(name, scratch);
                lastName = name;
            }
            int summary = reader.packageField(id, Layout.P_SUMMARY);
            if (summary != lastSummary) {
                lastSummaryText = reader.string(summary, scratch);
                lastSummary = summary;
            }
            lastEntry = new PackageEntry(id, lastNameText, version(reader.packageField(id, Layout.P_VERSION)),
                    reader.architecture(id), reader.origin(id), lastSummaryText);
            lastPackage = id;
            return lastEntry;
        }

        DebianVersion version(int ref) throws IndexFormatException {
            DebianVersion version = versions.get(ref);
            if (version == null) {
                version = PackageIndex.this.version(ref, scratch);
                versions.put(ref, version);
            }
            return version;
        }
    }

    private Relation relation(String target, int packed, int versionRef, int qualifier, ReverseQuery query)
            throws IndexFormatException {
        byte[][] scratch = query.scratch;
        Optional<VersionConstraint> constraint = Optional.empty();
        Optional<Operator> op = RelationCodes.operator((packed >>> Layout.R_OP_SHIFT) & 7);
        if (op.isPresent()) {
            constraint = Optional.of(new VersionConstraint(op.get(), query.version(versionRef),
                    (packed & Layout.R_LEGACY) != 0 && legacyAllowed(op.get())));
        }
        try {
            return new Relation(target, qualifier < 0 ? Optional.empty() : Optional.of(reader.string(qualifier, scratch)),
                    constraint, Optional.empty(), Optional.empty());
        } catch (IllegalArgumentException e) {
            throw corrupt("rdepends", "relation to " + target + " is invalid: " + e.getMessage());
        }
    }

    private static boolean legacyAllowed(Operator op) {
        return op == Operator.EARLIER_OR_EQUAL || op == Operator.LATER_OR_EQUAL;
    }

    /**
     * The binary packages built from the source package {@code sourceName} (the {@code Source}
     * field, or the package's own name), in package order.
     *
     * @throws IndexFormatException if the snapshot is corrupt where the query reads
     * @throws NullPointerException if {@code sourceName} is null
     */
    public List<PackageEntry> bySource(String sourceName) throws IndexFormatException {
        int id = reader.find(Objects.requireNonNull(sourceName, "sourceName"));
        if (id < 0) {
            return List.of();
        }
        int[] range = reader.sourceRange(id);
        List<PackageEntry> out = new ArrayList<>(range[1] - range[0]);
        byte[][] scratch = scratch();
        for (int i = range[0]; i < range[1]; i++) {
            out.add(entry(packageId(reader.sourcePackage(i)), scratch));
        }
        return List.copyOf(out);
    }

    /**
     * Searches names, provided names and descriptions; see {@link SearchQuery}. Hits come best
     * first ({@link MatchKind}): exact name, then name prefix, then name containing a term, then
     * provided name, then description only; ties by name, then version (newest first), then
     * origin.
     *
     * @throws IndexFormatException if the snapshot is corrupt where the search reads
     * @throws java.util.regex.PatternSyntaxException if a regular expression is invalid
     * @throws NullPointerException if {@code query} is null
     */
    public List<SearchHit> search(SearchQuery query) throws IndexFormatException {
        TextSearch.Result result = TextSearch.run(reader, Objects.requireNonNull(query, "query"));
        MatchKind[] kinds = MatchKind.values();
        List<SearchHit> out = new ArrayList<>(result.ids().length);
        byte[][] scratch = scratch();
        for (int i = 0; i < result.ids().length; i++) {
            out.add(new SearchHit(entry(result.ids()[i], scratch), kinds[result.kinds()[i]]));
        }
        return List.copyOf(out);
    }

    /**
     * The package's stanza exactly as its Packages file has it (without the blank line after it).
     *
     * @throws IllegalArgumentException if {@code entry} is not from this index
     * @throws IndexFormatException if the snapshot is corrupt there
     */
    public String stanza(PackageEntry entry) throws IndexFormatException {
        return new String(stanzaBytes(entry), StandardCharsets.UTF_8);
    }

    /**
     * The package's stanza as bytes, exactly as in its Packages file.
     *
     * @throws IllegalArgumentException if {@code entry} is not from this index
     * @throws IndexFormatException if the snapshot is corrupt there
     */
    public byte[] stanzaBytes(PackageEntry entry) throws IndexFormatException {
        return reader.stanza(check(entry));
    }

    /**
     * The long description in Policy's form (§5.6.13: continuation lines unindented, a {@code .}
     * line as an empty line), from the Translation entry with the package's name and
     * {@code Description-md5}, else from the stanza's own {@code Description}.
     *
     * @return the text; empty when there is none
     * @throws IllegalArgumentException if {@code entry} is not from this index
     * @throws IndexFormatException if the snapshot is corrupt there
     */
    public Optional<String> longDescription(PackageEntry entry) throws IndexFormatException {
        return reader.longDescription(check(entry));
    }

    /**
     * The source package of a package: its {@code Source} field, completed with the package's
     * own name and version.
     *
     * @throws IllegalArgumentException if {@code entry} is not from this index
     * @throws IndexFormatException if the snapshot is corrupt there
     */
    public SourceRef source(PackageEntry entry) throws IndexFormatException {
        int id = check(entry);
        int name = reader.sourceNameId(id);
        byte[][] scratch = scratch();
        return new SourceRef(reader.name(name, scratch), version(reader.packageField(id, Layout.P_SOURCE_VERSION), scratch));
    }

    /**
     * The package's stanza parsed into the full model, for every field ({@code depends} uses its
     * relations).
     *
     * @throws IllegalArgumentException if {@code entry} is not from this index
     * @throws IndexFormatException if the snapshot is corrupt there
     */
    public BinaryPackage binaryPackage(PackageEntry entry) throws IndexFormatException {
        int id = check(entry);
        int part = reader.packageField(id, Layout.P_STANZA_PART);
        List<InputIdentity> inputs = inputs();
        String source = part >= 0 && part < inputs.size() ? inputs.get(part).displayName() : snapshot.source();
        try {
            return BinaryPackage.of(Paragraph.parse(source, stanza(entry)));
        } catch (MalformedInputException e) {
            throw corrupt("stanzas", "stored stanza of " + entry + " no longer parses: " + e.getMessage());
        }
    }

    /**
     * The source package at position {@code id}.
     *
     * @throws IndexOutOfBoundsException if {@code id} is not in {@code [0, sourcesSize())}
     * @throws IndexFormatException if the snapshot is corrupt there
     */
    public SourceEntry sourceEntry(int id) throws IndexFormatException {
        Objects.checkIndex(id, reader.sourceCount);
        return sourceEntry(id, scratch());
    }

    private SourceEntry sourceEntry(int id, byte[][] scratch) throws IndexFormatException {
        return new SourceEntry(id, reader.name(reader.sourceRecordNameId(id), scratch),
                version(reader.sourceField(id, Layout.S_VERSION), scratch),
                inputs().get(reader.sourceInput(id)).origin());
    }

    /**
     * Every source package of this name (the {@code Package} field of a Sources stanza): all
     * versions and origins, newest first, then in input order.
     *
     * @return the source packages; empty when there is none of this name
     * @throws IndexFormatException if the snapshot is corrupt where the query reads
     * @throws NullPointerException if {@code name} is null
     */
    public List<SourceEntry> sourcePackages(String name) throws IndexFormatException {
        int id = reader.find(Objects.requireNonNull(name, "name"));
        if (id < 0) {
            return List.of();
        }
        int[] range = reader.sourceRecordRange(id);
        List<SourceEntry> out = new ArrayList<>(range[1] - range[0]);
        byte[][] scratch = scratch();
        for (int s = range[0]; s < range[1]; s++) {
            out.add(sourceEntry(s, scratch));
        }
        return List.copyOf(out);
    }

    /**
     * The source package's stanza exactly as its Sources file has it (without the blank line
     * after it).
     *
     * @throws IllegalArgumentException if {@code entry} is not from this index
     * @throws IndexFormatException if the snapshot is corrupt there
     * @throws NullPointerException if {@code entry} is null
     */
    public String sourceStanza(SourceEntry entry) throws IndexFormatException {
        return new String(sourceStanzaBytes(entry), StandardCharsets.UTF_8);
    }

    /**
     * The source package's stanza as bytes, exactly as in its Sources file.
     *
     * @throws IllegalArgumentException if {@code entry} is not from this index
     * @throws IndexFormatException if the snapshot is corrupt there
     * @throws NullPointerException if {@code entry} is null
     */
    public byte[] sourceStanzaBytes(SourceEntry entry) throws IndexFormatException {
        return reader.sourceStanza(check(entry));
    }

    /**
     * The source package's stanza parsed into the full model.
     *
     * @throws IllegalArgumentException if {@code entry} is not from this index
     * @throws IndexFormatException if the snapshot is corrupt there
     * @throws NullPointerException if {@code entry} is null
     */
    public SourcePackage sourcePackage(SourceEntry entry) throws IndexFormatException {
        int id = check(entry);
        String source = inputs().get(reader.sourceInput(id)).displayName();
        try {
            String stanza = new String(reader.sourceStanza(id), StandardCharsets.UTF_8);
            return SourcePackage.of(Paragraph.parse(source, stanza));
        } catch (MalformedInputException e) {
            throw corrupt("stanzas", "stored stanza of source " + entry + " no longer parses: " + e.getMessage());
        }
    }

    /**
     * Names close to {@code name}, for "did you mean" suggestions: package or provided names
     * within two edits (insertions, deletions, substitutions) by increasing distance, then names
     * that start with {@code name}, each group in name order; never {@code name} itself.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     * @throws IndexFormatException if the snapshot is corrupt where the query reads
     * @throws NullPointerException if {@code name} is null
     */
    public List<String> closeMatches(String name, int limit) throws IndexFormatException {
        Objects.requireNonNull(name, "name");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return org.debindex.core.index.internal.CloseMatches.find(reader, name.toLowerCase(Locale.ROOT), limit);
    }

    private int check(PackageEntry entry) throws IndexFormatException {
        Objects.requireNonNull(entry, "entry");
        int id = entry.id();
        if (id >= reader.packageCount
                || !reader.name(reader.packageNameId(id)).equals(entry.name())
                || !reader.string(reader.packageField(id, Layout.P_VERSION)).equals(entry.version().toString())) {
            throw new IllegalArgumentException("package " + entry + " is not from this index");
        }
        return id;
    }

    private int check(SourceEntry entry) throws IndexFormatException {
        Objects.requireNonNull(entry, "entry");
        int id = entry.id();
        if (id >= reader.sourceCount
                || !reader.name(reader.sourceRecordNameId(id)).equals(entry.name())
                || !reader.string(reader.sourceField(id, Layout.S_VERSION)).equals(entry.version().toString())) {
            throw new IllegalArgumentException("source package " + entry + " is not from this index");
        }
        return id;
    }

    private int packageId(int id) throws IndexFormatException {
        if (id < 0 || id >= reader.packageCount) {
            throw corrupt("postings", "package id " + id + " out of range");
        }
        return id;
    }

    private DebianVersion version(int ref, byte[][] scratch) throws IndexFormatException {
        String text = reader.string(ref, scratch);
        try {
            return DebianVersion.parse(text);
        } catch (MalformedInputException e) {
            throw corrupt("strings", "stored version " + MalformedInputException.quote(text) + " is invalid");
        }
    }

    private IndexFormatException corrupt(String section, String problem) {
        return new IndexFormatException(snapshot.source(), section, problem + "; corrupt snapshot");
    }

    @Override
    public String toString() {
        return "PackageIndex[" + snapshot.source() + ", " + reader.packageCount + " packages, " + reader.sourceCount
                + " source packages]";
    }
}
