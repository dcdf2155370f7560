package org.debindex.core.index.internal;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debindex.core.IndexFormatException;
import org.debindex.core.index.MatchKind;
import org.debindex.core.index.PackageOrigin;
import org.debindex.core.index.SearchQuery;

/**
 * Runs a {@link SearchQuery}: each term is looked for once in the names and once in the search
 * documents (a pass over each text section), giving a bit set of matching names and documents
 * per term; a package matches when, for every term, its name, a name it provides or its
 * document does. Hits are
 * ordered by {@link MatchKind}, then by package id, which is name, then version newest first,
 * then origin.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextSearch {

    private static final String REGEX_META = "\\^$.|?*+()[]{}";
    private static final MatchKind[] KINDS = MatchKind.values();

    private TextSearch() {
    }

    /**
     * The hits, best first.
     *
     * @param ids   package ids
     * @param kinds how each matched, as {@link MatchKind} ordinals
     */
    public record Result(int[] ids, int[] kinds) {
    }

    /**
     * Runs the query.
     *
     * @throws IndexFormatException if a section it reads is corrupt
     * @throws java.util.regex.PatternSyntaxException if a regular expression is invalid
     */
    public static Result run(IndexReader r, SearchQuery q) throws IndexFormatException {
        List<String> terms = q.terms();
        int t = terms.size();
        byte[][] needles = new byte[t][];
        String[] lowered = new String[t];
        Pattern[] patterns = new Pattern[t];
        for (int i = 0; i < t; i++) {
            String term = terms.get(i);
            if (q.regex() && !isLiteral(term)) {
                patterns[i] = Pattern.compile(term, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } else {
                lowered[i] = term.toLowerCase(Locale.ROOT);
                needles[i] = lowered[i].getBytes(StandardCharsets.UTF_8);
            }
        }
        BitSet[] nameHits = new BitSet[t];
        BitSet[] docHits = new BitSet[t];
        for (int i = 0; i < t; i++) {
            nameHits[i] = new BitSet();
            if (patterns[i] == null) {
                TextScan.scan(r.snapshot, r.nameText, needles[i], true, r.nameUnits(), nameHits[i]);
            } else {
                regexNames(r, patterns[i], nameHits[i]);
            }
            if (!q.namesOnly()) {
                docHits[i] = new BitSet();
                if (patterns[i] == null) {
                    scanDocs(r, needles[i], docHits[i]);
                } else {
                    regexDocs(r, patterns[i], docHits[i]);
                }
            }
        }

        BitSet candidates = new BitSet(r.packageCount);
        for (int n = nameHits[0].nextSetBit(0); n >= 0; n = nameHits[0].nextSetBit(n + 1)) {
            int[] range = r.packageRange(n);
            candidates.set(range[0], range[1]);
            int[] providers = r.providesRange(n);
            for (int k = providers[0]; k < providers[1]; k++) {
                int id = r.provides(k, 0);
                if (id < 0 || id >= r.packageCount) {
                    throw r.snapshot.corrupt(r.provides, "package id " + id + " out of range");
                }
                candidates.set(id);
            }
        }
        if (docHits[0] != null) {
            for (int d = docHits[0].nextSetBit(0); d >= 0; d = docHits[0].nextSetBit(d + 1)) {
                int[] range = r.docPackageRange(d);
                for (int k = range[0]; k < range[1]; k++) {
                    int id = r.docPackage(k);
                    if (id < 0 || id >= r.packageCount) {
                        throw r.snapshot.corrupt(r.docPackages, "package id " + id + " out of range");
                    }
                    candidates.set(id);
                }
            }
        }

        Map<Integer, MatchKind> kindOfName = new HashMap<>();
        IntArray[] buckets = new IntArray[KINDS.length];
        for (int id = candidates.nextSetBit(0); id >= 0; id = candidates.nextSetBit(id + 1)) {
            int name = r.packageField(id, Layout.P_NAME);
            int doc = r.packageField(id, Layout.P_DOC);
            boolean all = true;
            for (int i = 1; i < t && all; i++) {
                all = nameHits[i].get(name) || (docHits[i] != null && docHits[i].get(doc))
                        || providesMatch(r, id, nameHits[i]);
            }
            if (!all || !accepts(r, id, q)) {
                continue;
            }
            MatchKind kind = kindOfName.get(name);
            if (kind == null) {
                kind = kind(r.name(name), lowered, patterns);
                kindOfName.put(name, kind);
            }
            if (kind == MatchKind.DESCRIPTION) {
                for (int i = 0; i < t; i++) {
                    if (providesMatch(r, id, nameHits[i])) {
                        kind = MatchKind.PROVIDED_NAME;
                        break;
                    }
                }
            }
            if (buckets[kind.ordinal()] == null) {
                buckets[kind.ordinal()] = new IntArray(64);
            }
            buckets[kind.ordinal()].add(id);
        }
        int total = 0;
        for (IntArray b : buckets) {
            total += b == null ? 0 : b.size();
        }
        int n = Math.min(total, q.limit());
        int[] ids = new int[n];
        int[] kinds = new int[n];
        int at = 0;
        for (int k = 0; k < buckets.length && at < n; k++) {
            IntArray b = buckets[k];
            for (int j = 0; b != null && j < b.size() && at < n; j++) {
                ids[at] = b.get(j);
                kinds[at++] = k;
            }
        }
        return new Result(ids, kinds);
    }

    /** Whether a name that package {@code id} provides is among {@code names}. */
    private static boolean providesMatch(IndexReader r, int id, BitSet names) throws IndexFormatException {
        int start = r.packageField(id, Layout.P_PROVIDED_START);
        int count = r.packageField(id, Layout.P_PROVIDED_COUNT);
        for (int k = 0; k < count; k++) {
            if (names.get(r.providedName(start + k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean accepts(IndexReader r, int id, SearchQuery q) throws IndexFormatException {
        if (q.suite().isEmpty() && q.architecture().isEmpty()) {
            return true;
        }
        PackageOrigin origin = r.origin(id);
        if (q.suite().isPresent() && !origin.isSuite(q.suite().get())) {
            return false;
        }
        if (q.architecture().isPresent()) {
            String arch = q.architecture().get();
            return arch.equals(r.architecture(id)) || arch.equals(origin.architecture());
        }
        return true;
    }

    private static MatchKind kind(String name, String[] lowered, Pattern[] patterns) {
        String lower = name.toLowerCase(Locale.ROOT);
        MatchKind best = MatchKind.DESCRIPTION;
        for (int i = 0; i < lowered.length; i++) {
            MatchKind k;
            if (patterns[i] != null) {
                Matcher m = patterns[i].matcher(name);
                k = m.matches() ? MatchKind.EXACT_NAME
                        : m.reset().lookingAt() ? MatchKind.NAME_PREFIX
                        : m.reset().find() ? MatchKind.NAME_CONTAINS : MatchKind.DESCRIPTION;
            } else {
                k = lower.equals(lowered[i]) ? MatchKind.EXACT_NAME
                        : lower.startsWith(lowered[i]) ? MatchKind.NAME_PREFIX
                        : lower.contains(lowered[i]) ? MatchKind.NAME_CONTAINS : MatchKind.DESCRIPTION;
            }
            if (k.compareTo(best) < 0) {
                best = k;
            }
        }
        return best;
    }

    /** Whether a regular expression is plain text, so the byte scan can run it. */
    static boolean isLiteral(String regex) {
        for (int i = 0; i < regex.length(); i++) {
            if (REGEX_META.indexOf(regex.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The lower-case ASCII text every match of {@code regex} must start with: for {@code ^libssl}
     * or {@code ^python3-.*yaml}, the letters, digits and hyphens after the {@code ^} (without the
     * last one when a quantifier follows it, as in {@code ^libs?}); empty when there is no such
     * text or the pattern has an alternation, which could match without it. Without
     * {@link Pattern#MULTILINE}, {@code ^} matches only where the input starts.
     */
    static byte[] anchoredPrefix(String regex) {
        if (!regex.startsWith("^") || regex.indexOf('|') >= 0) {
            return new byte[0];
        }
        int end = 1;
        while (end < regex.length() && isPlainNameChar(regex.charAt(end))) {
            end++;
        }
        if (end < regex.length() && "?*+{".indexOf(regex.charAt(end)) >= 0) {
            end--;
        }
        return end <= 1 ? new byte[0] : regex.substring(1, end).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean isPlainNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
    }

    /**
     * Whether the name in {@code text[from, to)} may match a pattern whose matches all start with
     * {@code prefix} (case-insensitively): it starts with it in ASCII, or it has a non-ASCII byte,
     * which the pattern's Unicode case folding could match with an ASCII letter (the Kelvin sign
     * matches {@code k}), so only the pattern itself can tell.
     */
    static boolean mayStartWith(byte[] text, int from, int to, byte[] prefix) {
        if (to - from >= prefix.length) {
            boolean equal = true;
            for (int i = 0; i < prefix.length && equal; i++) {
                int b = text[from + i];
                equal = (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b) == prefix[i];
            }
            if (equal) {
                return true;
            }
        }
        for (int i = from; i < to; i++) {
            if (text[i] < 0) {
                return true;
            }
        }
        return false;
    }

    private static void regexNames(IndexReader r, Pattern p, BitSet out) throws IndexFormatException {
        int[] starts = r.snapshot.ints(r.names, 0, (r.nameCount + 1) * (Layout.NAME_RECORD / 4));
        int stride = Layout.NAME_RECORD / 4;
        byte[] text = new byte[r.nameText.length()];
        r.snapshot.readThrough(r.nameText, 0, text, 0, text.length);
        // An anchored pattern (search --names-only --regex ^libssl) rules most names out by their
        // first bytes, without decoding them and running the pattern over each
        byte[] prefix = anchoredPrefix(p.pattern());
        Matcher m = p.matcher("");
        for (int n = 0; n < r.nameCount; n++) {
            int pk = Layout.N_PACKAGES / 4;
            int pv = Layout.N_PROVIDES / 4;
            if (starts[(n + 1) * stride + pk] == starts[n * stride + pk]
                    && starts[(n + 1) * stride + pv] == starts[n * stride + pv]) {
                continue;   // neither a package nor provided: nothing to find through it
            }
            int from = starts[n * stride];
            int to = starts[(n + 1) * stride] - 1;
            if (from < 0 || to < from || to > text.length) {
                throw r.snapshot.corrupt(r.names, "name " + n + " has an impossible text range");
            }
            if (prefix.length > 0 && !mayStartWith(text, from, to, prefix)) {
                continue;
            }
            if (m.reset(new String(text, from, to - from, StandardCharsets.UTF_8)).find()) {
                out.set(n);
            }
        }
    }

    /**
     * Marks the search documents whose lower case contains {@code needle} (lower case): a scan
     * of the documents that folds ASCII letters, which is their whole lower case for all but a
     * few, and for those few a scan of their lower-cased copies instead.
     */
    private static void scanDocs(IndexReader r, byte[] needle, BitSet out) throws IndexFormatException {
        TextScan.scan(r.snapshot, r.docText, needle, true, r.docUnits(), out);
        if (r.loweredCount == 0) {
            return;
        }
        int[] lowered = r.loweredDocs();
        for (int d : lowered) {
            out.clear(d);
        }
        BitSet hits = new BitSet(lowered.length);
        TextScan.scan(r.snapshot, r.loweredText, needle, false, r.loweredUnits(), hits);
        for (int i = hits.nextSetBit(0); i >= 0; i = hits.nextSetBit(i + 1)) {
            out.set(lowered[i]);
        }
    }

    /** Runs the pattern over each search document's lower case, as {@link #scanDocs} sees it. */
    private static void regexDocs(IndexReader r, Pattern p, BitSet out) throws IndexFormatException {
        int[] starts = r.snapshot.ints(r.docIndex, 0, r.docCount + 1);
        byte[] text = new byte[r.snapshot.textLength(r.docText)];
        r.snapshot.readThrough(r.docText, 0, text, 0, text.length);
        for (int i = 0; i < text.length; i++) {
            byte b = text[i];
            if (b >= 'A' && b <= 'Z') {
                text[i] = (byte) (b + ('a' - 'A'));
            }
        }
        int[] lowered = r.loweredDocs();
        int next = 0;
        Matcher m = p.matcher("");
        for (int d = 0; d < r.docCount; d++) {
            int from = starts[d];
            int to = starts[d + 1] - 1;
            if (from < 0 || to < from || to > text.length) {
                throw r.snapshot.corrupt(r.docIndex, "document " + d + " has an impossible text range");
            }
            String doc = next < lowered.length && lowered[next] == d ? r.lowered(next++)
                    : new String(text, from, to - from, StandardCharsets.UTF_8);
            if (m.reset(doc).find()) {
                out.set(d);
            }
        }
    }
}
