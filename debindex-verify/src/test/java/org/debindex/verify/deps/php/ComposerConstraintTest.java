package org.debindex.verify.deps.php;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;

/**
 * Constraints: what each desugars into (the bounds composer/semver's VersionParserTest lists for
 * the same inputs, read, not run: no PHP on this machine) and which versions satisfy them.
 */
class ComposerConstraintTest {

    /** constraint, its primitive comparisons. */
    private static final String[][] DESUGARED = {
        {"^1.2.3", ">=1.2.3.0-dev <2.0.0.0-dev"},
        {"^1.2", ">=1.2.0.0-dev <2.0.0.0-dev"},
        {"^0.3", ">=0.3.0.0-dev <0.4.0.0-dev"},
        {"^0.0.3", ">=0.0.3.0-dev <0.0.4.0-dev"},
        {"^0.0", ">=0.0.0.0-dev <0.1.0.0-dev"},
        {"^0", ">=0.0.0.0-dev <1.0.0.0-dev"},
        {"^1.2.3-beta.2", ">=1.2.3.0-beta2 <2.0.0.0-dev"},
        {"~1.2", ">=1.2.0.0-dev <2.0.0.0-dev"},
        {"~1.2.3", ">=1.2.3.0-dev <1.3.0.0-dev"},
        {"~1", ">=1.0.0.0-dev <2.0.0.0-dev"},
        {"~1.2.3.4", ">=1.2.3.4-dev <1.2.4.0-dev"},
        {"~1.2-beta", ">=1.2.0.0-beta <2.0.0.0-dev"},
        {"~1.2-b2", ">=1.2.0.0-beta2 <2.0.0.0-dev"},
        {"~2.x-dev", ">=2.9999999.9999999.9999999-dev <3.0.0.0-dev"},
        {"1.2.*", ">=1.2.0.0-dev <1.3.0.0-dev"},
        {"1.*", ">=1.0.0.0-dev <2.0.0.0-dev"},
        {"1.2.x", ">=1.2.0.0-dev <1.3.0.0-dev"},
        {"0.*", "<1.0.0.0-dev"},
        {"*", "*"},
        {"x", "*"},
        {"*.*", ">=0.0.0.0-dev"},
        {"v*", ">=0.0.0.0-dev"},
        {"1.0 - 2.0", ">=1.0.0.0-dev <2.1.0.0-dev"},
        {"1.2.3 - 2.3.4", ">=1.2.3.0-dev <=2.3.4.0"},
        {"1 - 2", ">=1.0.0.0-dev <3.0.0.0-dev"},
        {"1.2 - 2.0.0", ">=1.2.0.0-dev <=2.0.0.0"},
        {"1.2.3-beta - 2.3", ">=1.2.3.0-beta <2.4.0.0-dev"},
        {"1.0 - 2.0.0-beta", ">=1.0.0.0-dev <=2.0.0.0-beta"},
        {">=1.0 <2.0", ">=1.0.0.0-dev <2.0.0.0-dev"},
        {">=1.0,<2.0", ">=1.0.0.0-dev <2.0.0.0-dev"},
        {">=1.0, <2.0", ">=1.0.0.0-dev <2.0.0.0-dev"},
        {">= 1.0", ">=1.0.0.0-dev"},
        {">1.0", ">1.0.0.0"},
        {"<=2.0", "<=2.0.0.0"},
        {"<2.0", "<2.0.0.0-dev"},
        {"<2.0-beta", "<2.0.0.0-beta"},
        {">=1.0-dev", ">=1.0.0.0-dev"},
        {"1.2.3", "==1.2.3.0"},
        {"==1.2.3", "==1.2.3.0"},
        {"=1.2.3", "==1.2.3.0"},
        {"v1.2.3", "==1.2.3.0"},
        {"!=1.2.3", "!=1.2.3.0"},
        {"<>1.2.3", "!=1.2.3.0"},
        {"^1.0 || ^2.0", ">=1.0.0.0-dev <2.0.0.0-dev || >=2.0.0.0-dev <3.0.0.0-dev"},
        {"^1.0 | ^2.0", ">=1.0.0.0-dev <2.0.0.0-dev || >=2.0.0.0-dev <3.0.0.0-dev"},
        {"^1.0||^2.0", ">=1.0.0.0-dev <2.0.0.0-dev || >=2.0.0.0-dev <3.0.0.0-dev"},
        {">=1.0 <1.1 || >=1.2", ">=1.0.0.0-dev <1.1.0.0-dev || >=1.2.0.0-dev"},
        {"1.0@dev", "==1.0.0.0"},
        {">=1.0@dev", ">=1.0.0.0-dev"},
        {">=1.0@beta", ">=1.0.0.0-beta"},
        {"^2.0@beta", ">=2.0.0.0-dev <3.0.0.0-dev"},
        {"@dev", "*"},
        {"@stable", "*"},
        {"dev-master", "==dev-master"},
        {"dev-master#abc123", "==dev-master"},
        {"1.x-dev", "==1.9999999.9999999.9999999-dev"},
        {"feature-dev", "==dev-feature"},
        {"dev-main as 1.0.0", "==dev-main"},
    };

    @Test
    void desugarsAsComposer() throws Exception {
        for (String[] row : DESUGARED) {
            ComposerConstraint c = ComposerConstraint.parse(row[0]);
            assertEquals(row[1], c.toString(), row[0]);
            assertEquals(row[0], c.text());
            assertFalse(c.isSoft());
        }
    }

    /** constraint, version, whether it satisfies. */
    private static final Object[][] SATISFIES = {
        {"^1.2.3", "1.2.3", true}, {"^1.2.3", "1.2.2", false}, {"^1.2.3", "1.9.9", true},
        {"^1.2.3", "2.0.0", false}, {"^1.2.3", "2.0.0-beta1", false}, {"^1.2.3", "v1.5", true},
        {"^1.2.3", "1.3.0-beta1", true}, {"^1.2.3", "1.2.3.1", true},
        {"^0.3", "0.3.0", true}, {"^0.3", "0.3.9", true}, {"^0.3", "0.4.0", false}, {"^0.3", "0.2.9", false},
        {"^0.0.3", "0.0.3", true}, {"^0.0.3", "0.0.4", false}, {"^0.0.3", "0.0.3.1", true},
        {"^0.0.3", "0.0.2", false},
        // the ~1.2 pitfall: unlike npm's ~1.2, Composer's allows any 1.x from 1.2 on
        {"~1.2", "1.2.0", true}, {"~1.2", "1.9", true}, {"~1.2", "1.99.1", true}, {"~1.2", "2.0", false},
        {"~1.2", "1.1.9", false}, {"~1.2", "2.0.0-RC1", false},
        {"~1.2.3", "1.2.3", true}, {"~1.2.3", "1.2.9", true}, {"~1.2.3", "1.3.0", false},
        {"~1.2.3", "1.2.2", false}, {"~1", "1.5", true}, {"~1", "2.0", false},
        {"1.2.*", "1.2.0", true}, {"1.2.*", "1.2.99", true}, {"1.2.*", "1.3", false}, {"1.2.*", "1.1.9", false},
        {"1.*", "1.0", true}, {"1.*", "0.9", false}, {"0.*", "0.1", true}, {"0.*", "1.0", false},
        {"*", "0.0.1", true}, {"*", "99.3", true}, {"*", "not-a-version", false},
        {"1.0 - 2.0", "1.0", true}, {"1.0 - 2.0", "2.0.5", true}, {"1.0 - 2.0", "2.1.0", false},
        {"1.0 - 2.0", "0.9", false}, {"1.0.0 - 2.1.0", "2.1.0", true}, {"1.0.0 - 2.1.0", "2.1.1", false},
        {">=1.0 <2.0", "1.0", true}, {">=1.0 <2.0", "1.99", true}, {">=1.0 <2.0", "2.0", false},
        {">=1.0 <2.0", "2.0-beta", false}, {">=1.0 <2.0", "1.0-beta", true}, {">=1.0 <2.0", "0.9", false},
        {">=1.0,<2.0", "1.5", true}, {">=1.0,<2.0", "2.5", false},
        {"^1.0 || ^3.0", "2.5", false}, {"^1.0 || ^3.0", "3.1", true}, {"^1.0 || ^3.0", "1.0", true},
        {"^1.0 | ^3.0", "2.5", false}, {"^1.0 | ^3.0", "3.1", true},
        {"1.2.3", "1.2.3", true}, {"1.2.3", "1.2.3.0", true}, {"1.2.3", "v1.2.3", true}, {"1.2.3", "1.2.4", false},
        {"==1.2.3", "1.2.3", true}, {"==1.2.3", "1.2.3-beta", false},
        {"!=1.2.3", "1.2.4", true}, {"!=1.2.3", "1.2.3", false},
        {">1.0", "1.0", false}, {">1.0", "1.0.1", true}, {">1.0", "1.0-patch1", true},
        {"<=2.0", "2.0", true}, {"<=2.0", "2.0.1", false}, {"<=2.0", "2.0-patch1", false},
        {"<2.0", "2.0-RC1", false}, {"<2.0", "1.99", true},
        {"1.0@dev", "1.0", true}, {"^2.0@beta", "2.0", true}, {"^2.0@beta", "2.1", true},
        {"^2.0@beta", "3.0", false}, {"@dev", "4.2", true},
        {"dev-master", "1.0", false}, {"1.x-dev", "1.5", false}, {"!=dev-master", "1.0", true},
        // a date version and Debian-converted upstream versions
        {">=2010.01", "2012.06.07", true}, {"^4.15", "4.15.2", true}, {"^4.15", "2.0rc1", false},
        // ^2.0 starts at 2.0.0.0-dev, so its RC is inside: only minimum-stability would drop it
        {"^2.0", "2.0rc1", true}, {"^2.0.1", "2.0rc1", false}, {">=2.0-RC1", "2.0rc1", true},
        // non-versions never satisfy
        {"^1.0", "", false}, {"^1.0", "abc", false}, {">=0", "1.0~rc1", false}, {"^1.0", "1.2.3.4.5", false},
    };

    @Test
    void satisfiesAsComposer() throws Exception {
        for (Object[] row : SATISFIES) {
            assertEquals(row[2], ComposerConstraint.parse((String) row[0]).isSatisfiedBy((String) row[1]),
                    row[0] + " by " + row[1]);
        }
    }

    @Test
    void refusesWhatIsNoConstraint() {
        for (String bad : new String[] {"", "foo", "~>1.2", "1.0 ||", "|| 1.0", "^1.2.3 bogus", ">=1.0 <", "1.0.0.0.0",
            "^", "~"}) {
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> ComposerConstraint.parse(bad),
                    bad);
            assertTrue(e.getMessage().startsWith("invalid constraint"), e.getMessage());
            assertTrue(e.getMessage().contains("expected"), e.getMessage());
        }
        MalformedInputException tilde = assertThrows(MalformedInputException.class,
                () -> ComposerConstraint.parse("~>1.2"));
        assertTrue(tilde.getMessage().contains("expected \"~\""), tilde.getMessage());
        assertThrows(MalformedInputException.class, () -> ComposerConstraint.parse("1".repeat(2000)));
        assertThrows(NullPointerException.class, () -> ComposerConstraint.parse(null));
        assertThrows(NullPointerException.class, () -> {
            ComposerConstraint.parse("*").isSatisfiedBy(null);
        });
    }
}
