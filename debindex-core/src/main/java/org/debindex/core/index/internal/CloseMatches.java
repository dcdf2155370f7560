package org.debindex.core.index.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.debindex.core.IndexFormatException;

/**
 * "Did you mean" suggestions: a pass over the name table computing an edit distance bounded by
 * {@value #MAX_DISTANCE} (only for names whose length is within that of the query's), plus the
 * names that start with the query.
 *
 * <p>Stateless and thread-safe.
 */
public final class CloseMatches {

    private static final int MAX_DISTANCE = 2;
    private static final int PREFIX_SCORE = MAX_DISTANCE + 1;

    private CloseMatches() {
    }

    /**
     * Names close to {@code lowered} (already lower case), best first.
     *
     * @throws IndexFormatException if the name sections are corrupt
     */
    public static List<String> find(IndexReader r, String lowered, int limit) throws IndexFormatException {
        byte[] q = lowered.getBytes(StandardCharsets.UTF_8);
        int stride = Layout.NAME_RECORD / 4;
        int[] recs = r.snapshot.ints(r.names, 0, (r.nameCount + 1) * stride);
        byte[] text = new byte[r.nameText.length()];
        r.snapshot.get(r.nameText, 0, text, 0, text.length);
        int pk = Layout.N_PACKAGES / 4;
        int pv = Layout.N_PROVIDES / 4;
        long[] scored = new long[64];
        int count = 0;
        int[] prev = new int[64];
        int[] cur = new int[64];
        for (int n = 0; n < r.nameCount; n++) {
            int at = n * stride;
            int next = at + stride;
            if (recs[next + pk] == recs[at + pk] && recs[next + pv] == recs[at + pv]) {
                continue;   // neither a package nor provided: nothing to show
            }
            int from = recs[at];
            int length = recs[next] - 1 - from;
            if (from < 0 || length < 0 || from + length > text.length) {
                throw r.snapshot.corrupt(r.names, "name " + n + " has an impossible text range");
            }
            int score = -1;
            if (Math.abs(length - q.length) <= MAX_DISTANCE) {
                if (length + 1 > prev.length) {
                    prev = new int[length + 1];
                    cur = new int[length + 1];
                }
                int d = distance(q, text, from, length, prev, cur);
                if (d == 0) {
                    continue;
                }
                if (d <= MAX_DISTANCE) {
                    score = d;
                }
            }
            if (score < 0 && length > q.length && startsWith(text, from, q)) {
                score = PREFIX_SCORE;
            }
            if (score >= 0) {
                if (count == scored.length) {
                    scored = Arrays.copyOf(scored, count * 2);
                }
                scored[count++] = (long) score << 32 | n;
            }
        }
        Arrays.sort(scored, 0, count);
        List<String> out = new ArrayList<>(Math.min(limit, count));
        for (int i = 0; i < count && out.size() < limit; i++) {
            out.add(r.name((int) scored[i]));
        }
        return List.copyOf(out);
    }

    private static boolean startsWith(byte[] text, int from, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (lower(text[from + i]) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b | 0x20) : b;
    }

    /** Levenshtein distance, or more than {@value #MAX_DISTANCE} once every path exceeds it. */
    private static int distance(byte[] a, byte[] text, int from, int n, int[] prev, int[] cur) {
        for (int j = 0; j <= n; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            int rowMin = i;
            byte c = a[i - 1];
            for (int j = 1; j <= n; j++) {
                int cost = lower(text[from + j - 1]) == c ? 0 : 1;
                int v = Math.min(prev[j - 1] + cost, Math.min(prev[j], cur[j - 1]) + 1);
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > MAX_DISTANCE) {
                return MAX_DISTANCE + 1;
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[n];
    }
}
