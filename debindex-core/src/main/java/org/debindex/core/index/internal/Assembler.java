package org.debindex.core.index.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32C;
import org.debindex.core.index.IndexInput;
import org.debindex.core.index.InputIdentity;
import org.debindex.core.index.PackageOrigin;
import org.debindex.core.model.TranslationEntry;
import org.debindex.core.version.DebianVersion;

/**
 * Joins the parts read from each input into the sections of one index. Everything it does is a
 * function of the parts in input order, never of thread timing or hash order, so the same inputs
 * give the same bytes.
 *
 * <p>Not thread-safe; one use per build.
 */
final class Assembler {

    private static final int MAX_TABLE = 0xFFFF;
    /**
     * Compressed sections (the stanzas): deflate, not zstd, because zstd-jni extracts its native
     * library at a process's first use, a cost every {@code show} would pay. Level 6 in 64 KiB
     * blocks: each stanza read inflates its whole block, and 256 KiB blocks, for 0.75 MB less on
     * disk, made a warm show 4.5 times slower (JMH showBash 0.35 -> 1.61 ms).
     */
    private static final int TEXT_LEVEL = 6;
    private static final int TEXT_BLOCK = 64 << 10;

    /** A package while sorting: where it was read and its sort keys. */
    private record Ref(int part, int index, int name, DebianVersion version, int origin, int arch) {
    }

    private static final Comparator<Ref> ORDER = (a, b) -> {
        int c = Integer.compare(a.name, b.name);
        if (c != 0) {
            return c;
        }
        c = b.version.compareTo(a.version);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.origin, b.origin);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.arch, b.arch);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.part, b.part);
        return c != 0 ? c : Integer.compare(a.index, b.index);
    };

    /** A source package while sorting: where it was read and its sort keys. */
    private record SourceRef(int part, int index, int name, DebianVersion version) {
    }

    /** Name, then version newest first, then input, then position in the input. */
    private static final Comparator<SourceRef> SOURCE_ORDER = (a, b) -> {
        int c = Integer.compare(a.name, b.name);
        if (c != 0) {
            return c;
        }
        c = b.version.compareTo(a.version);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.part, b.part);
        return c != 0 ? c : Integer.compare(a.index, b.index);
    };

    private Assembler() {
    }

    /**
     * Assembles the index.
     *
     * @param inputs     the inputs, in the order given
     * @param parts      what each input contributed: a {@link PackagesPart}, a {@link TranslationPart}
     *                   or a {@link SourcesPart}
     * @param chunkShift log2 of the checksum chunk size
     */
    static Built assemble(List<IndexInput> inputs, List<Object> parts, int chunkShift) {
        Map<String, TranslationEntry> translations = new HashMap<>();
        List<PackagesPart> packageParts = new ArrayList<>();
        List<SourcesPart> sourceParts = new ArrayList<>();
        Map<PackageOrigin, Integer> originIds = new LinkedHashMap<>();
        List<Integer> originOfPart = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Object part = parts.get(i);
            if (part instanceof TranslationPart t) {
                for (Map.Entry<String, TranslationEntry> e : t.entries.entrySet()) {
                    translations.putIfAbsent(e.getKey(), e.getValue());
                }
            } else if (part instanceof SourcesPart sp) {
                sourceParts.add(sp);
            } else {
                packageParts.add((PackagesPart) part);
                PackageOrigin origin = inputs.get(i).identity().origin();
                Integer id = originIds.get(origin);
                if (id == null) {
                    id = originIds.size();
                    originIds.put(origin, id);
                }
                originOfPart.add(id);
            }
        }
        if (originIds.size() > MAX_TABLE) {
            throw new IllegalArgumentException("more than " + MAX_TABLE + " package origins: " + originIds.size());
        }

        // Architectures, sorted.
        Set<String> archSet = new TreeSet<>();
        for (PackagesPart p : packageParts) {
            for (PackagesPart.Staged s : p.packages) {
                archSet.add(s.architecture());
            }
        }
        if (archSet.size() > MAX_TABLE) {
            throw new IllegalArgumentException("more than " + MAX_TABLE + " architectures: " + archSet.size());
        }
        List<String> archs = new ArrayList<>(archSet);
        Map<String, Integer> archIds = new HashMap<>();
        for (String a : archs) {
            archIds.put(a, archIds.size());
        }

        // Names, sorted by their UTF-8 bytes (the order lookups compare in).
        Set<String> nameSet = new HashSet<>();
        for (PackagesPart p : packageParts) {
            nameSet.addAll(p.names.values());
        }
        for (SourcesPart p : sourceParts) {
            nameSet.addAll(p.names.values());
        }
        String[] names = nameSet.toArray(new String[0]);
        byte[][] nameBytes = new byte[names.length][];
        Integer[] order = new Integer[names.length];
        for (int i = 0; i < names.length; i++) {
            nameBytes[i] = names[i].getBytes(StandardCharsets.UTF_8);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(nameBytes[a], nameBytes[b]));
        int nameCount = names.length;
        Map<String, Integer> nameIds = new HashMap<>(nameCount * 2);
        byte[][] sortedBytes = new byte[nameCount][];
        for (int i = 0; i < nameCount; i++) {
            nameIds.put(names[order[i]], i);
            sortedBytes[i] = nameBytes[order[i]];
        }
        int[][] global = new int[packageParts.size()][];
        for (int p = 0; p < global.length; p++) {
            List<String> local = packageParts.get(p).names.values();
            global[p] = new int[local.size()];
            for (int i = 0; i < local.size(); i++) {
                global[p][i] = nameIds.get(local.get(i));
            }
        }

        // Packages, sorted by name, version (newest first), origin, architecture, input, position.
        List<Ref> refList = new ArrayList<>();
        for (int p = 0; p < packageParts.size(); p++) {
            List<PackagesPart.Staged> staged = packageParts.get(p).packages;
            for (int i = 0; i < staged.size(); i++) {
                PackagesPart.Staged s = staged.get(i);
                refList.add(new Ref(p, i, global[p][s.name()], s.version(), originOfPart.get(p),
                        archIds.get(s.architecture())));
            }
        }
        Ref[] refs = refList.toArray(new Ref[0]);
        Arrays.sort(refs, ORDER);
        int pkgCount = refs.length;

        int[][][] stanzaAt = shareStanzas(packageParts);
        StringPool pool = new StringPool();
        ByteSink packages = new ByteSink(pkgCount * Layout.PACKAGE_RECORD);
        int[] namePackages = new int[nameCount + 1];
        // Long descriptions are numbered only to find identical search documents.
        Map<String, Integer> longIds = new HashMap<>();
        Map<TranslationEntry, Integer> longOfEntry = new IdentityHashMap<>();
        List<String> longTexts = new ArrayList<>();
        // Sized from the translations up front: growing sinks of tens of megabytes costs copies.
        long textEstimate = 1 << 20;
        for (TranslationEntry t : translations.values()) {
            textEstimate += t.description().length();
        }
        int textCapacity = (int) Math.min(textEstimate, Integer.MAX_VALUE / 2);
        Map<String, Integer> docIds = new HashMap<>();
        ByteSink docText = new ByteSink((int) Math.min(textCapacity + 64L * pkgCount, Integer.MAX_VALUE / 2));
        IntArray docIndex = new IntArray(1 << 16);
        docIndex.add(0);
        IntArray loweredDocs = new IntArray(1 << 8);
        IntArray loweredIndex = new IntArray(1 << 8);
        loweredIndex.add(0);
        ByteSink loweredText = new ByteSink(1 << 16);
        int[] docOf = new int[pkgCount];
        IntArray providedNames = new IntArray(1 << 12);
        for (int id = 0; id < pkgCount; id++) {
            Ref r = refs[id];
            PackagesPart part = packageParts.get(r.part);
            PackagesPart.Staged s = part.packages.get(r.index);
            namePackages[r.name]++;
            int longId = -1;
            if (!s.md5().isEmpty()) {
                TranslationEntry t = translations.get(TranslationPart.key(part.names.get(s.name()), s.md5()));
                if (t != null) {
                    Integer known = longOfEntry.get(t);
                    if (known == null) {
                        known = longId(t.longDescription(), longIds, longTexts);
                        longOfEntry.put(t, known);
                    }
                    longId = known;
                }
            }
            if (longId < 0 && !s.inlineLong().isEmpty()) {
                longId = longId(s.inlineLong(), longIds, longTexts);
            }
            String docKey = s.summary() + '\0' + longId;
            Integer docId = docIds.get(docKey);
            if (docId == null) {
                docId = docIds.size();
                docIds.put(docKey, docId);
                String text = longId < 0 ? s.summary() : s.summary() + "\n" + longTexts.get(longId);
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                docText.put(b, 0, b.length);
                docText.putByte(0);
                docIndex.add(docText.size());
                // Search folds ASCII letters as it scans; the rare text whose lower case differs
                // elsewhere (Ä, Д, the Kelvin sign) keeps a lower-cased copy to be searched instead.
                String lowered = text.toLowerCase(Locale.ROOT);
                if (!lowered.equals(asciiLowerCase(text))) {
                    byte[] l = lowered.getBytes(StandardCharsets.UTF_8);
                    loweredDocs.add(docId);
                    loweredText.put(l, 0, l.length);
                    loweredText.putByte(0);
                    loweredIndex.add(loweredText.size());
                }
            }
            docOf[id] = docId;
            int[] map = global[r.part];
            int providedStart = providedNames.size();
            for (int k = s.provStart(); k < s.provEnd(); k++) {
                providedNames.add(map[part.provides.get(k * PackagesPart.PROV_INTS)]);
            }
            packages.putInt(r.name);
            packages.putInt(pool.ref(s.version().toString()));
            packages.putInt(r.arch | r.origin << 16);
            packages.putInt(map[s.source()]);
            packages.putInt(pool.ref(s.sourceVersion()));
            packages.putInt(pool.ref(s.summary()));
            packages.putInt(stanzaAt[0][r.part][r.index]);
            packages.putInt(stanzaAt[1][r.part][r.index]);
            packages.putInt(s.stanzaLength());
            packages.putInt(docId);
            packages.putInt(providedStart);
            packages.putInt(providedNames.size() - providedStart);
        }
        int docCount = docIds.size();

        // Source packages, sorted by name, version (newest first), input, position.
        List<SourceRef> sourceRefList = new ArrayList<>();
        for (int p = 0; p < sourceParts.size(); p++) {
            SourcesPart part = sourceParts.get(p);
            List<String> local = part.names.values();
            int[] map = new int[local.size()];
            for (int i = 0; i < local.size(); i++) {
                map[i] = nameIds.get(local.get(i));
            }
            for (int i = 0; i < part.sources.size(); i++) {
                SourcesPart.Staged s = part.sources.get(i);
                sourceRefList.add(new SourceRef(p, i, map[s.name()], s.version()));
            }
        }
        SourceRef[] sourceRefs = sourceRefList.toArray(new SourceRef[0]);
        Arrays.sort(sourceRefs, SOURCE_ORDER);
        int sourceCount = sourceRefs.length;
        int[] nameSources = new int[nameCount + 1];
        ByteSink sourceRecords = new ByteSink(sourceCount * Layout.SOURCE_RECORD);
        for (SourceRef r : sourceRefs) {
            SourcesPart part = sourceParts.get(r.part);
            SourcesPart.Staged s = part.sources.get(r.index);
            nameSources[r.name]++;
            sourceRecords.putInt(r.name);
            sourceRecords.putInt(pool.ref(s.version().toString()));
            sourceRecords.putInt(part.ordinal);
            sourceRecords.putInt(s.stanzaOffset());
            sourceRecords.putInt(s.stanzaLength());
        }
        int[] sourceStart = starts(nameSources);

        // Provides postings, grouped by provided name (stable: package order within a name).
        int[] provCount = new int[nameCount + 1];
        int[] rdepCount = new int[nameCount + 1];
        int[] srcCount = new int[nameCount + 1];
        for (Ref r : refs) {
            PackagesPart part = packageParts.get(r.part);
            PackagesPart.Staged s = part.packages.get(r.index);
            int[] map = global[r.part];
            for (int k = s.provStart(); k < s.provEnd(); k++) {
                provCount[map[part.provides.get(k * PackagesPart.PROV_INTS)]]++;
            }
            for (int k = s.relStart(); k < s.relEnd(); k++) {
                rdepCount[map[part.relations.get(k * PackagesPart.REL_INTS)]]++;
            }
            srcCount[map[s.source()]]++;
        }
        int[] provStart = starts(provCount);
        int[] rdepStart = starts(rdepCount);
        int[] srcStart = starts(srcCount);
        int[] pkgStart = starts(namePackages);
        int[] provides = new int[provStart[nameCount] * 2];
        int[] rdepPostings = new int[rdepStart[nameCount] * 4];
        int[] sources = new int[srcStart[nameCount]];
        int[] provNext = Arrays.copyOf(provStart, nameCount);
        int[] rdepNext = Arrays.copyOf(rdepStart, nameCount);
        int[] srcNext = Arrays.copyOf(srcStart, nameCount);
        for (int id = 0; id < pkgCount; id++) {
            Ref r = refs[id];
            PackagesPart part = packageParts.get(r.part);
            PackagesPart.Staged s = part.packages.get(r.index);
            int[] map = global[r.part];
            for (int k = s.provStart(); k < s.provEnd(); k++) {
                int at = provNext[map[part.provides.get(k * PackagesPart.PROV_INTS)]]++ * 2;
                int version = part.provides.get(k * PackagesPart.PROV_INTS + 1);
                provides[at] = id;
                provides[at + 1] = version < 0 ? -1 : pool.ref(part.strings.get(version));
            }
            for (int k = s.relStart(); k < s.relEnd(); k++) {
                int base = k * PackagesPart.REL_INTS;
                int at = rdepNext[map[part.relations.get(base)]]++ * 4;
                int version = part.relations.get(base + 2);
                int qualifier = part.relations.get(base + 3);
                rdepPostings[at] = id;
                rdepPostings[at + 1] = part.relations.get(base + 1);
                rdepPostings[at + 2] = version < 0 ? -1 : pool.ref(part.strings.get(version));
                rdepPostings[at + 3] = qualifier < 0 ? -1 : pool.ref(part.strings.get(qualifier));
            }
            sources[srcNext[map[s.source()]]++] = id;
        }

        CompactPostings.Encoded rdepends = CompactPostings.encode(rdepPostings, rdepStart);

        // Names: text and records, with a sentinel closing every range.
        ByteSink nameText = new ByteSink(nameCount * 16);
        ByteSink nameRecords = new ByteSink((nameCount + 1) * Layout.NAME_RECORD);
        for (int i = 0; i <= nameCount; i++) {
            nameRecords.putInt(nameText.size());
            nameRecords.putInt(pkgStart[i]);
            nameRecords.putInt(provStart[i]);
            nameRecords.putInt(rdepends.byteStarts()[i]);
            nameRecords.putInt(srcStart[i]);
            nameRecords.putInt(sourceStart[i]);
            if (i < nameCount) {
                nameText.put(sortedBytes[i], 0, sortedBytes[i].length);
                nameText.putByte(0);
            }
        }

        // Search documents to packages.
        int[] docPkgCount = new int[docCount + 1];
        for (int id = 0; id < pkgCount; id++) {
            docPkgCount[docOf[id]]++;
        }
        int[] docPkgStart = starts(docPkgCount);
        int[] docPkgNext = Arrays.copyOf(docPkgStart, docCount);
        int[] docPackages = new int[pkgCount];
        for (int id = 0; id < pkgCount; id++) {
            docPackages[docPkgNext[docOf[id]]++] = id;
        }

        // Compressed sections: the stanzas in input order, in one parallel pass over all their
        // blocks.
        List<ByteSink> texts = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof PackagesPart p) {
                texts.add(p.stanzas);
            } else if (part instanceof SourcesPart p) {
                texts.add(p.stanzas);
            }
        }
        List<ByteSink> packed = BlockTable.compress(texts, TEXT_LEVEL, TEXT_BLOCK);

        List<SectionEntry> entries = new ArrayList<>();
        List<ByteBuffer> buffers = new ArrayList<>();
        int[] chunk = {0};
        add(entries, buffers, chunk, chunkShift, SectionKind.PACKAGES, 0, packages);
        add(entries, buffers, chunk, chunkShift, SectionKind.NAMES, 0, nameRecords);
        add(entries, buffers, chunk, chunkShift, SectionKind.NAME_TEXT, 0, nameText);
        add(entries, buffers, chunk, chunkShift, SectionKind.STRINGS, 0, pool.bytes);
        add(entries, buffers, chunk, chunkShift, SectionKind.PROVIDES, 0, ints(provides));
        add(entries, buffers, chunk, chunkShift, SectionKind.PROVIDED_NAMES, 0, ints(providedNames));
        add(entries, buffers, chunk, chunkShift, SectionKind.RDEPENDS, 0, rdepends.section());
        add(entries, buffers, chunk, chunkShift, SectionKind.SOURCE_PACKAGES, 0, ints(sources));
        add(entries, buffers, chunk, chunkShift, SectionKind.DOC_INDEX, 0, ints(docIndex));
        add(entries, buffers, chunk, chunkShift, SectionKind.DOC_TEXT, 0, docText);
        add(entries, buffers, chunk, chunkShift, SectionKind.DOC_PACKAGE_INDEX, 0, ints(docPkgStart));
        add(entries, buffers, chunk, chunkShift, SectionKind.DOC_PACKAGES, 0, ints(docPackages));
        add(entries, buffers, chunk, chunkShift, SectionKind.SOURCES, 0, sourceRecords);
        ByteSink loweredTable = ints(loweredDocs);
        for (int i = 0; i < loweredIndex.size(); i++) {
            loweredTable.putInt(loweredIndex.get(i));
        }
        add(entries, buffers, chunk, chunkShift, SectionKind.DOC_LOWERED_INDEX, 0, loweredTable);
        add(entries, buffers, chunk, chunkShift, SectionKind.DOC_LOWERED_TEXT, 0, loweredText);
        // Stanza sections in input order, Packages and Sources alike.
        int text = 0;
        for (Object part : parts) {
            if (part instanceof PackagesPart p) {
                add(entries, buffers, chunk, chunkShift, SectionKind.STANZAS, p.ordinal, packed.get(text++));
            } else if (part instanceof SourcesPart p) {
                add(entries, buffers, chunk, chunkShift, SectionKind.STANZAS, p.ordinal, packed.get(text++));
            }
        }
        List<InputIdentity> identities = new ArrayList<>();
        for (IndexInput in : inputs) {
            identities.add(in.identity());
        }
        SnapshotHeader header = new SnapshotHeader(chunkShift, 0, pkgCount, nameCount, docCount,
                loweredDocs.size(), sourceCount, entries, archs, new ArrayList<>(originIds.keySet()), identities);
        return new Built(header, entries, buffers);
    }

    private static int longId(String text, Map<String, Integer> ids, List<String> texts) {
        Integer id = ids.get(text);
        if (id == null) {
            id = texts.size();
            ids.put(text, id);
            texts.add(text);
        }
        return id;
    }

    /** {@code text} with A-Z made a-z and nothing else changed: what the scan's folding sees. */
    static String asciiLowerCase(String text) {
        char[] c = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                if (c == null) {
                    c = text.toCharArray();
                }
                c[i] = (char) (ch + ('a' - 'A'));
            }
        }
        return c == null ? text : new String(c);
    }

    /**
     * Stores each distinct Packages stanza once: a stanza identical to one kept before (an
     * {@code Architecture: all} package in two architectures' lists, an unchanged package in two
     * suites) is dropped from its part's text, which is compacted in place, and points to the
     * kept one. Parts are taken in input order, so the same inputs give the same bytes.
     *
     * @return {@code [0][part][index]} the stanza section ordinal and {@code [1][part][index]} the
     *         offset in it of each staged package
     */
    private static int[][][] shareStanzas(List<PackagesPart> parts) {
        int[][][] at = new int[2][parts.size()][];
        // CRC32C and length of a kept stanza -> its part (position in parts) and offset
        Map<Long, int[]> kept = new HashMap<>();
        CRC32C crc = new CRC32C();
        for (int p = 0; p < parts.size(); p++) {
            PackagesPart part = parts.get(p);
            byte[] text = part.stanzas.array();
            List<PackagesPart.Staged> staged = part.packages;
            at[0][p] = new int[staged.size()];
            at[1][p] = new int[staged.size()];
            int write = 0;
            for (int i = 0; i < staged.size(); i++) {
                int from = staged.get(i).stanzaOffset();
                int length = staged.get(i).stanzaLength();
                crc.reset();
                crc.update(text, from, length);
                long key = crc.getValue() << 32 | length;
                int[] first = kept.get(key);
                if (first != null) {
                    byte[] other = parts.get(first[0]).stanzas.array();
                    if (Arrays.equals(text, from, from + length, other, first[1], first[1] + length)) {
                        at[0][p][i] = parts.get(first[0]).ordinal;
                        at[1][p][i] = first[1];
                        continue;
                    }
                }
                // Stanzas were appended in order, so the write position never passes the read one.
                System.arraycopy(text, from, text, write, length);
                if (first == null) {
                    kept.put(key, new int[] {p, write});
                }
                at[0][p][i] = part.ordinal;
                at[1][p][i] = write;
                write += length;
            }
            part.stanzas.truncate(write);
        }
        return at;
    }

    /** Exclusive prefix sums: {@code out[i]} = sum of {@code counts[0..i)}; one more than counts' useful length. */
    private static int[] starts(int[] counts) {
        int[] out = new int[counts.length];
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            out[i] = sum;
            sum += counts[i];
        }
        return out;
    }

    private static ByteSink ints(int[] values) {
        ByteSink out = new ByteSink(values.length * 4);
        for (int v : values) {
            out.putInt(v);
        }
        return out;
    }

    private static ByteSink ints(IntArray values) {
        ByteSink out = new ByteSink(values.size() * 4);
        for (int i = 0; i < values.size(); i++) {
            out.putInt(values.get(i));
        }
        return out;
    }

    private static void add(List<SectionEntry> entries, List<ByteBuffer> buffers, int[] chunk, int shift,
            SectionKind kind, int ordinal, ByteSink data) {
        entries.add(new SectionEntry(kind, ordinal, chunk[0], 0, data.size()));
        buffers.add(data.toBuffer());
        chunk[0] += Snapshot.chunkCount(data.size(), shift);
    }
}
