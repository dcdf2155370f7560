package org.debindex.verify.deps.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;

/** The order of module versions is a total order: antisymmetric, transitive, and text round-trips. */
class GoVersionPropertyTest {

    static List<GoVersion> sample(Random random, int n) throws MalformedInputException {
        String[] pre = {"", "-0.20210101120000-abcdef123456", "-0.20220101120000-0123456789ab", "-rc.1", "-rc.1.0.20210101120000-abcdef123456",
            "-alpha", "-alpha.2", "-alpha.10", "-20210101120000-abcdef123456"};
        List<GoVersion> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int major = random.nextInt(4);
            String p = pre[random.nextInt(pre.length)];
            String v = "v" + major + "." + random.nextInt(3) + "." + random.nextInt(3) + p
                    + (major >= 2 && random.nextBoolean() ? "+incompatible" : "");
            GoVersion parsed = GoVersion.parse(v);
            assertEquals(v, parsed.toString());
            out.add(parsed);
        }
        return out;
    }

    @Test
    void totalOrder() throws MalformedInputException {
        List<GoVersion> vs = sample(new Random(5), 120);
        for (GoVersion a : vs) {
            for (GoVersion b : vs) {
                assertEquals(Integer.signum(a.compareTo(b)), -Integer.signum(b.compareTo(a)), a + " " + b);
                for (GoVersion c : vs.subList(0, 30)) {
                    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
                        assertTrue(a.compareTo(c) <= 0, a + " " + b + " " + c);
                    }
                }
            }
        }
    }
}
