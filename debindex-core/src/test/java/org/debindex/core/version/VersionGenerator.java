package org.debindex.core.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid Debian versions, drawn from a small alphabet so that equal, nearly equal and
 * differently written equal versions are common: that is where an order goes wrong.
 *
 * <p>Not thread-safe (it owns a {@link Random}); one per test.
 */
final class VersionGenerator {

    /** Seed from {@code -Ddebindex.seed=N} to replay a failure, else a new one per run. */
    static long seed() {
        String configured = System.getProperty("debindex.seed", "");
        return configured.isEmpty() ? new Random().nextLong() : Long.parseLong(configured);
    }

    private static final String[] TOKENS = {
        "0", "1", "2", "9", "10", "01", "00", "a", "b", "A", "z", ".", ".", "+", "~", "~~",
    };

    private final Random random;

    VersionGenerator(Random random) {
        this.random = random;
    }

    /** A list of {@code n} versions; duplicates allowed. */
    List<DebianVersion> versions(int n) {
        List<DebianVersion> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(DebianVersion.of(next()));
        }
        return out;
    }

    /** One valid version text. */
    String next() {
        StringBuilder s = new StringBuilder();
        boolean epoch = random.nextInt(4) == 0;
        if (epoch) {
            s.append(random.nextInt(8) == 0 ? "0" : "").append(random.nextInt(3)).append(':');
        }
        boolean revision = random.nextBoolean();
        // Policy asks for a leading digit, but dpkg orders the rest too
        s.append(random.nextInt(10) == 0 ? "~" : String.valueOf(random.nextInt(3)));
        int tokens = random.nextInt(6);
        for (int i = 0; i < tokens; i++) {
            int pick = random.nextInt(TOKENS.length + 2);
            if (pick == TOKENS.length) {
                s.append(epoch ? ":" : ".");
            } else if (pick == TOKENS.length + 1) {
                s.append(revision ? "-" : "+");
            } else {
                s.append(TOKENS[pick]);
            }
        }
        if (revision) {
            s.append('-');
            int n = 1 + random.nextInt(4);
            for (int i = 0; i < n; i++) {
                s.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
        }
        return s.toString();
    }
}
