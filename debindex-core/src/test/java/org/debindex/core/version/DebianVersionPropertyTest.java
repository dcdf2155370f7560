package org.debindex.core.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Order laws on random versions, and agreement with a second implementation of Policy §5.6.12
 * written the obvious way (tokenize, then compare digit runs as {@link BigInteger}s).
 *
 * <p>The seed is printed; replay a failure with {@code -Ddebindex.seed=N}.
 */
class DebianVersionPropertyTest {

    private static long seed;

    @BeforeAll
    static void pickSeed() {
        seed = VersionGenerator.seed();
        System.out.println("DebianVersionPropertyTest: seed " + seed + " (replay with -Ddebindex.seed=" + seed + ")");
    }

    private static List<DebianVersion> randomVersions(int n) {
        return new VersionGenerator(new Random(seed)).versions(n);
    }

    private static String where() {
        return " [seed " + seed + "]";
    }

    @Test
    void reflexive() {
        for (DebianVersion v : randomVersions(5_000)) {
            assertEquals(0, v.compareTo(v), v + where());
            assertEquals(0, v.compareTo(DebianVersion.of(v.toString())), v + where());
        }
    }

    @Test
    void antisymmetricAndAgreesWithTheReferenceOrder() {
        List<DebianVersion> versions = randomVersions(1_500);
        for (DebianVersion a : versions) {
            for (DebianVersion b : versions) {
                int ab = Integer.signum(a.compareTo(b));
                assertEquals(-ab, Integer.signum(b.compareTo(a)), a + " vs " + b + where());
                assertEquals(reference(a.toString(), b.toString()), ab, a + " vs " + b + where());
            }
        }
    }

    @Test
    void transitive() {
        // sorting and then finding every earlier element <= every later one proves the order is a
        // total preorder on this set; TimSort also throws if it notices a contract violation
        List<DebianVersion> sorted = new ArrayList<>(randomVersions(2_000));
        sorted.sort(DebianVersion.ORDER);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                if (sorted.get(i).compareTo(sorted.get(j)) > 0) {
                    fail(sorted.get(i) + " sorted before " + sorted.get(j) + " but compares greater" + where());
                }
            }
        }
    }

    @Test
    void spellingsOfTheSameVersionAreEqual() {
        for (DebianVersion v : randomVersions(5_000)) {
            if (!v.hasEpoch()) {
                assertEquals(0, DebianVersion.of("0:" + v).compareTo(v), v + where());
            }
            if (!v.hasRevision()) {
                assertEquals(0, DebianVersion.of(v + "-0").compareTo(v), v + where());
            }
            String padded = v.toString().replaceAll("(?<![0-9])([0-9])", "0$1");
            if (!v.hasEpoch()) {
                assertEquals(0, DebianVersion.of(padded).compareTo(v), padded + " vs " + v + where());
            }
        }
    }

    @Test
    void aTildeSuffixSortsBeforeTheVersionItExtends() {
        assertTrue(DebianVersion.of("1.0~rc1").compareTo(DebianVersion.of("1.0")) < 0);
        Random random = new Random(seed);
        VersionGenerator generator = new VersionGenerator(random);
        for (DebianVersion v : randomVersions(5_000)) {
            String epoch = v.hasEpoch() ? v.epoch() + ":" : "";
            String revision = v.hasRevision() ? "-" + v.revision() : "";
            String suffix = "~" + generator.next().replace(":", "").replace("-", "");
            DebianVersion pre = DebianVersion.of(epoch + v.upstream() + suffix + revision);
            assertTrue(pre.compareTo(v) < 0, pre + " < " + v + where());
            if (v.hasRevision()) {
                DebianVersion preRevision = DebianVersion.of(v + suffix);
                assertTrue(preRevision.compareTo(v) < 0, preRevision + " < " + v + where());
            }
        }
    }

    // --- the reference order: simple, slow, and independent of DebianVersion's loop ---

    private static int reference(String a, String b) {
        int c = epochOf(a).compareTo(epochOf(b));
        if (c != 0) {
            return Integer.signum(c);
        }
        String[] pa = upstreamAndRevision(a);
        String[] pb = upstreamAndRevision(b);
        c = referencePart(pa[0], pb[0]);
        return c != 0 ? c : referencePart(pa[1], pb[1]);
    }

    private static BigInteger epochOf(String v) {
        int colon = v.indexOf(':');
        return colon < 0 ? BigInteger.ZERO : new BigInteger(v.substring(0, colon));
    }

    private static String[] upstreamAndRevision(String v) {
        String rest = v.substring(v.indexOf(':') + 1);
        int hyphen = rest.lastIndexOf('-');
        return hyphen < 0 ? new String[] {rest, ""} : new String[] {rest.substring(0, hyphen), rest.substring(hyphen + 1)};
    }

    /** Runs alternate non-digit, digit, non-digit, ...; the first may be empty. */
    private static List<String> runs(String s) {
        List<String> runs = new ArrayList<>();
        int i = 0;
        boolean digits = false;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i)) == digits) {
                i++;
            }
            runs.add(s.substring(start, i));
            digits = !digits;
        }
        return runs;
    }

    private static int referencePart(String a, String b) {
        List<String> ra = runs(a);
        List<String> rb = runs(b);
        for (int k = 0; k < Math.max(ra.size(), rb.size()); k++) {
            String x = k < ra.size() ? ra.get(k) : "";
            String y = k < rb.size() ? rb.get(k) : "";
            int c = k % 2 == 0 ? compareLetters(x, y) : compareNumbers(x, y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareNumbers(String x, String y) {
        BigInteger bx = x.isEmpty() ? BigInteger.ZERO : new BigInteger(x);
        BigInteger by = y.isEmpty() ? BigInteger.ZERO : new BigInteger(y);
        return Integer.signum(bx.compareTo(by));
    }

    private static int compareLetters(String x, String y) {
        for (int i = 0; i < Math.max(x.length(), y.length()); i++) {
            int wx = i < x.length() ? weight(x.charAt(i)) : 0;
            int wy = i < y.length() ? weight(y.charAt(i)) : 0;
            if (wx != wy) {
                return wx < wy ? -1 : 1;
            }
        }
        return 0;
    }

    /** Policy: tilde before everything, even the end; then letters; then everything else. */
    private static int weight(char c) {
        if (c == '~') {
            return -1;
        }
        return Character.isLetter(c) ? c : c + 256;
    }
}
