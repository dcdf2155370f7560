package org.debindex.verify.deps.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;

/** The order of npm versions is a total order consistent with equals; ranges agree with it. */
class NpmVersionPropertyTest {

    @Test
    void totalOrderConsistentWithEquals() throws MalformedInputException {
        Random random = new Random(9);
        String[] pre = {"", "-0", "-1", "-alpha", "-alpha.1", "-alpha.beta", "-beta.2", "-beta.11", "-rc.1", "-0.3"};
        List<NpmVersion> vs = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            vs.add(NpmVersion.parse(random.nextInt(3) + "." + random.nextInt(3) + "." + random.nextInt(3)
                    + pre[random.nextInt(pre.length)] + (random.nextInt(4) == 0 ? "+b" + random.nextInt(2) : "")));
        }
        for (NpmVersion a : vs) {
            for (NpmVersion b : vs) {
                int ab = Integer.signum(a.compareTo(b));
                assertEquals(ab, -Integer.signum(b.compareTo(a)), a + " " + b);
                assertEquals(ab == 0, a.equals(b), a + " " + b);
                // a pre-release passes only a comparator naming a pre-release of its own tuple
                boolean eligible = !a.isPrerelease() || (b.isPrerelease() && a.hasSameTuple(b));
                assertEquals(a.compareTo(b) <= 0 && eligible, NpmRange.parse("<=" + b).isSatisfiedBy(a), a + " <= " + b);
                for (NpmVersion c : vs.subList(0, 30)) {
                    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
                        assertTrue(a.compareTo(c) <= 0, a + " " + b + " " + c);
                    }
                }
            }
        }
    }
}
