package org.debindex.verify.deps.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;

/** Module versions and pseudo-versions in the order the go command gives them. */
class GoVersionTest {

    @Test
    void ordersReleasesPrereleasesAndPseudoVersionsAsGo() throws MalformedInputException {
        List<String> ordered = List.of(
                "v0.0.0-20190101000000-aaaaaaaaaaaa",
                "v0.0.0-20210101120000-abcdef123456",
                "v0.0.0",
                "v0.1.0",
                "v1.2.3",
                "v1.2.4-0.20210101120000-abcdef123456", // a commit after v1.2.3
                "v1.2.4-0.20220101120000-0123456789ab",
                "v1.2.4-pre",
                "v1.2.4-pre.0.20220301000000-0123456789ab", // a commit after v1.2.4-pre
                "v1.2.4-pre.1",
                "v1.2.4",
                "v1.10.0",
                "v2.0.0+incompatible",
                "v2.1.0");
        for (int i = 0; i < ordered.size(); i++) {
            for (int j = 0; j < ordered.size(); j++) {
                assertEquals(Integer.signum(Integer.compare(i, j)),
                        Integer.signum(GoVersion.parse(ordered.get(i)).compareTo(GoVersion.parse(ordered.get(j)))),
                        ordered.get(i) + " vs " + ordered.get(j));
            }
        }
        // +incompatible does not count in the order
        assertEquals(0, GoVersion.parse("v2.0.0+incompatible").compareTo(GoVersion.parse("v2.0.0")));
    }

    @Test
    void recognisesTheThreePseudoVersionForms() throws MalformedInputException {
        GoVersion base = GoVersion.parse("v0.0.0-20210101120000-abcdef123456");
        assertTrue(base.isPseudo());
        assertEquals(Optional.of("20210101120000"), base.pseudoTime());
        assertEquals(Optional.of("abcdef123456"), base.pseudoRevision());
        assertTrue(GoVersion.parse("v1.2.4-0.20210101120000-abcdef123456").isPseudo());
        assertTrue(GoVersion.parse("v1.2.4-pre.0.20210101120000-abcdef123456").isPseudo());
        assertTrue(GoVersion.parse("v2.2.4-0.20210101120000-abcdef123456+incompatible").isPseudo());
        assertFalse(GoVersion.parse("v1.2.4-pre").isPseudo());
        assertFalse(GoVersion.parse("v1.2.4-1.20210101120000-abcdef123456").isPseudo());
        assertEquals(Optional.empty(), GoVersion.parse("v1.2.3").pseudoTime());
        assertEquals("v2.0.0+incompatible", GoVersion.parse("v2.0.0+incompatible").toString());
    }

    @Test
    void refusesNonCanonicalVersions() {
        String[][] cases = {
            {"1.2.3", "expected a \"v\" prefix"},
            {"v1.2", "expected vMAJOR.MINOR.PATCH"},
            {"v01.2.3", "expected a number without leading zeros, got \"01\""},
            {"v1.2.3+build", "build metadata other than \"+incompatible\""},
            {"v1.2.3+incompatible", "\"+incompatible\" on a major version below 2"},
            {"v1.2.3-01", "invalid pre-release identifier \"01\""},
            {"v1.2.3-", "invalid pre-release identifier \"\""},
        };
        for (String[] c : cases) {
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> GoVersion.parse(c[0]));
            assertEquals("invalid Go module version " + MalformedInputException.quote(c[0]) + ": " + c[1], e.getMessage());
        }
    }
}
